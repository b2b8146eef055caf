#include "TlsVerificationDisabledCheck.h"

#include "support/AstHelpers.h"
#include "tls/TlsEndpointRole.h"
#include "tls/TlsSettings.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
using ::appsec::constantInt;
using ::appsec::referencedName;
using ::appsec::TlsRole;

namespace clang::tidy::appsec {

namespace {
bool isOpenSslVerifyNone(StringRef N) { return N == "SSL_VERIFY_NONE"; }

/// Adds a fix-it to \p D when rewriting \p E is safe (see
/// ::appsec::tls::replaceValue).
void fix(DiagnosticBuilder &D, std::optional<FixItHint> Fix) {
  if (Fix)
    D << *Fix;
}

/// The value as the user wrote it: without the parentheses a macro such as
/// `#define SETOPT(h, o, v) curl_easy_setopt((h), (o), (v))` adds, so that
/// findings and fix-its land on the argument in the user's file.
const Expr *written(const Expr *E) { return E->IgnoreParenImpCasts(); }

bool isServer(const Expr *Object, const Stmt *Use, ASTContext &Ctx) {
  return ::appsec::tlsRoleOf(Object, Use, Ctx) == TlsRole::Server;
}
} // namespace

void TlsVerificationDisabledCheck::registerMatchers(MatchFinder *Finder) {
  // Library code (system headers) is not the user's to fix; skipping it also
  // keeps the check cheap on large headers such as httplib.h.
  auto User = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      callExpr(User, callee(functionDecl(hasName("::curl_easy_setopt"))),
               argumentCountIs(3))
          .bind("curl"),
      this);
  Finder->addMatcher(
      callExpr(User, callee(functionDecl(hasAnyName(
                         "::SSL_CTX_set_verify", "::SSL_set_verify",
                         "::SSL_CTX_set_cert_verify_callback"))))
          .bind("openssl"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          User,
          callee(cxxMethodDecl(hasName("enable_server_certificate_verification"),
                               ofClass(hasAncestor(namespaceDecl(hasName("httplib")))))),
          argumentCountIs(1))
          .bind("httplib"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          User,
          callee(cxxMethodDecl(
              hasAnyName("set_verify_mode", "set_verify_callback"),
              anyOf(hasAncestor(namespaceDecl(hasName("ssl"),
                                              hasParent(namespaceDecl(hasName("asio"))))),
                    ofClass(hasName("::boost::beast::ssl_stream"))))))
          .bind("boost"),
      this);
  // cpprestsdk: http_client_config / websocket_client_config.
  Finder->addMatcher(
      cxxMemberCallExpr(User,
                        callee(cxxMethodDecl(hasName("set_validate_certificates"),
                                             hasAncestor(namespaceDecl(hasName("web"))))),
                        argumentCountIs(1))
          .bind("cpprest"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(User,
                        callee(cxxMethodDecl(hasName("enableExtendedCertificateVerification"),
                                             ofClass(hasName("::Poco::Net::Context")))),
                        argumentCountIs(1))
          .bind("pocoExtended"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(User, hasDeclaration(cxxConstructorDecl(
                                 ofClass(hasName("::Poco::Net::Context")))))
          .bind("poco"),
      this);
  Finder->addMatcher(
      binaryOperator(User, isAssignmentOperator(),
                     hasLHS(memberExpr(member(hasName("verificationMode")),
                                       hasObjectExpression(hasType(cxxRecordDecl(
                                           hasName("::Poco::Net::Context::Params")))))))
          .bind("pocoParams"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(User, hasDeclaration(cxxConstructorDecl(ofClass(
                                 hasName("::Poco::Net::AcceptCertificateHandler")))))
          .bind("pocoAcceptAll"),
      this);
}

void TlsVerificationDisabledCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("curl"))
    return checkCurl(Call, Ctx);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("openssl"))
    return checkOpenSslVerify(Call, Ctx);
  // Switches given `false`: httplib, cpprestsdk, and Poco's host-name check
  // (extended verification; a server does not verify its clients' names).
  static const std::pair<const char *, const char *> Switches[] = {
      {"httplib", "enable_server_certificate_verification(false) makes this client accept "
                  "any server certificate"},
      {"cpprest", "set_validate_certificates(false) makes this cpprestsdk client accept any "
                  "server certificate"},
      {"pocoExtended", "enableExtendedCertificateVerification(false) makes a Poco client "
                       "accept a valid certificate issued for any other host name"}};
  for (const auto &[Id, Message] : Switches)
    if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>(Id)) {
      const Expr *Arg = written(Call->getArg(0));
      if (constantInt(Arg, Ctx) != 0 || isServer(Call->getImplicitObjectArgument(), Call, Ctx))
        return;
      auto D = report(Arg->getBeginLoc(), Message);
      fix(D, ::appsec::tls::replaceValue(Arg, Ctx, "true"));
      return;
    }
  if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("boost"))
    return checkBoostVerifyMode(Call, Ctx);
  if (const auto *C = Result.Nodes.getNodeAs<CXXConstructExpr>("poco"))
    return checkPocoContext(C, Ctx);
  if (const auto *B = Result.Nodes.getNodeAs<BinaryOperator>("pocoParams")) {
    if (referencedName(B->getRHS()) != "VERIFY_NONE")
      return;
    const auto *Params = cast<MemberExpr>(B->getLHS()->IgnoreParenImpCasts());
    if (isServer(Params->getBase(), B, Ctx))
      return;
    report(B->getRHS()->getBeginLoc(),
           "Context::Params with VERIFY_NONE makes a Poco client accept any "
           "server certificate");
    return;
  }
  if (const auto *E = Result.Nodes.getNodeAs<CXXConstructExpr>("pocoAcceptAll"))
    report(E->getBeginLoc(), "Poco::Net::AcceptCertificateHandler accepts "
                             "every certificate that fails verification");
}

void TlsVerificationDisabledCheck::checkCurl(const CallExpr *Call,
                                             ASTContext &Ctx) {
  std::string Option = referencedName(Call->getArg(1));
  // The DNS-over-HTTPS server's certificate too: a forged DoH answer sends
  // every connection elsewhere.
  bool Peer = Option == "CURLOPT_SSL_VERIFYPEER" ||
              Option == "CURLOPT_PROXY_SSL_VERIFYPEER" || Option == "CURLOPT_DOH_SSL_VERIFYPEER";
  bool Host = Option == "CURLOPT_SSL_VERIFYHOST" ||
              Option == "CURLOPT_PROXY_SSL_VERIFYHOST" || Option == "CURLOPT_DOH_SSL_VERIFYHOST";
  if (!Peer && !Host)
    return;
  const Expr *Value = written(Call->getArg(2));
  if (constantInt(Value, Ctx) != 0)
    return;
  auto D = report(Value->getBeginLoc(),
                  Option + " set to 0 turns off TLS " +
                      (Peer ? "certificate" : "host-name") + " verification");
  fix(D, ::appsec::tls::replaceValue(Value, Ctx, Peer ? "1L" : "2L"));
}

void TlsVerificationDisabledCheck::checkOpenSslVerify(const CallExpr *Call,
                                                      ASTContext &Ctx) {
  if (Call->getNumArgs() < 2)
    return;
  StringRef Name = Call->getDirectCallee()->getName();
  if (Name == "SSL_CTX_set_cert_verify_callback") {
    // Replaces chain verification for both sides; accepting every chain is
    // wrong on a server that asks for client certificates too.
    if (::appsec::alwaysReturnsNonZero(Call->getArg(1), Ctx))
      report(written(Call->getArg(1))->getBeginLoc(),
             "the certificate verification callback accepts every "
             "certificate chain");
    return;
  }
  const Expr *Mode = written(Call->getArg(1));
  std::optional<int64_t> V = constantInt(Mode, Ctx);
  if (!V)
    return;
  if (*V == 0) {
    // A server that does not ask for client certificates is the normal case.
    if (isServer(Call->getArg(0), Call, Ctx))
      return;
    auto D = report(Mode->getBeginLoc(),
                    "SSL_VERIFY_NONE makes this TLS client accept any server "
                    "certificate");
    fix(D, ::appsec::tls::replaceValue(Mode, Ctx, "SSL_VERIFY_PEER",
                                      "SSL_VERIFY_PEER", isOpenSslVerifyNone));
    return;
  }
  // With SSL_VERIFY_PEER a callback that returns 1 overrides every failed
  // check, on a client and on a server that asks for client certificates.
  if (Call->getNumArgs() == 3 && ::appsec::alwaysReturnsNonZero(Call->getArg(2), Ctx))
    report(written(Call->getArg(2))->getBeginLoc(),
           "the verify callback returns 1 for every certificate, so "
           "verification failures are ignored");
}

void TlsVerificationDisabledCheck::checkBoostVerifyMode(
    const CXXMemberCallExpr *Call, ASTContext &Ctx) {
  if (Call->getNumArgs() < 1)
    return;
  StringRef Method = Call->getMethodDecl()->getName();
  const Expr *Arg = written(Call->getArg(0));
  if (Method == "set_verify_callback") {
    if (::appsec::alwaysReturnsNonZero(Arg, Ctx))
      report(Arg->getBeginLoc(), "the verify callback returns true for every "
                                 "certificate, so verification failures are "
                                 "ignored");
    return;
  }
  if (constantInt(Arg, Ctx) != 0)
    return;
  if (isServer(Call->getImplicitObjectArgument(), Call, Ctx))
    return;
  auto D = report(Arg->getBeginLoc(), "ssl::verify_none makes this TLS client "
                                      "accept any server certificate");
  fix(D, ::appsec::tls::replaceValue(
             Arg, Ctx, "boost::asio::ssl::verify_peer", "verify_peer",
             [](StringRef N) { return N == "verify_none"; }));
}

void TlsVerificationDisabledCheck::checkPocoContext(const CXXConstructExpr *C,
                                                    ASTContext &Ctx) {
  // Context(Usage, [privateKeyFile, certificateFile,] caLocation,
  //         VerificationMode = VERIFY_RELAXED, ...): find the mode by type.
  const CXXConstructorDecl *Ctor = C->getConstructor();
  const Expr *Mode = nullptr;
  for (unsigned I = 0; I < C->getNumArgs() && I < Ctor->getNumParams(); ++I) {
    QualType T = Ctor->getParamDecl(I)->getType();
    if (const auto *ET = T->getAs<EnumType>())
      if (ET->getDecl()->getName() == "VerificationMode")
        Mode = written(C->getArg(I));
  }
  if (!Mode || isa<CXXDefaultArgExpr>(Mode) || C->getNumArgs() == 0)
    return;
  if (referencedName(Mode) != "VERIFY_NONE")
    return;
  // Usage decides the side; a usage computed at run time counts as a client.
  if (::appsec::isServerMethodName(referencedName(C->getArg(0))))
    return;
  auto D = report(Mode->getBeginLoc(), "a Poco client Context with VERIFY_NONE "
                                       "accepts any server certificate");
  fix(D, ::appsec::tls::replaceValue(
             Mode, Ctx, "", "VERIFY_RELAXED",
             [](StringRef N) { return N == "VERIFY_NONE"; }));
}

} // namespace clang::tidy::appsec
