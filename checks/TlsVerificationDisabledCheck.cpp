#include "TlsVerificationDisabledCheck.h"

#include "support/AstHelpers.h"
#include "tls/TlsEndpointRole.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;
using ::appsec::constantInt;
using ::appsec::TlsRole;

namespace clang::tidy::appsec {

/// Fix-its rewrite only a literal written in the user's file (or the library's
/// own "off" macro), never a named constant whose other uses the fix would
/// not see.
static void replaceLiteral(DiagnosticBuilder &D, const Expr *E,
                           const ASTContext &Ctx, StringRef With) {
  if (!::appsec::isLiteral(E))
    return;
  CharSourceRange R = ::appsec::mainFileRange(E, Ctx);
  if (R.isValid())
    D << FixItHint::CreateReplacement(R, With);
}

void TlsVerificationDisabledCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasName("::curl_easy_setopt"))),
               argumentCountIs(3))
          .bind("curl"),
      this);
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(
                   "::SSL_CTX_set_verify", "::SSL_set_verify",
                   "::SSL_CTX_set_cert_verify_callback"))))
          .bind("openssl"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasName("enable_server_certificate_verification"),
                               ofClass(hasAncestor(namespaceDecl(hasName("httplib")))))),
          argumentCountIs(1))
          .bind("httplib"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName("set_verify_mode", "set_verify_callback"),
                               hasAncestor(namespaceDecl(
                                   hasName("ssl"),
                                   hasParent(namespaceDecl(hasName("asio"))))))))
          .bind("boost"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                           ofClass(hasName("::Poco::Net::Context")))))
          .bind("poco"),
      this);
  Finder->addMatcher(
      expr(anyOf(cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(
                     hasName("::Poco::Net::AcceptCertificateHandler"))))),
                 cxxNewExpr(hasType(pointsTo(cxxRecordDecl(
                     hasName("::Poco::Net::AcceptCertificateHandler")))))))
          .bind("pocoAcceptAll"),
      this);
}

void TlsVerificationDisabledCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("curl"))
    return checkCurl(Call, Ctx);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("openssl"))
    return checkOpenSslVerify(Call, Ctx);
  if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("httplib")) {
    const Expr *Arg = Call->getArg(0);
    std::optional<int64_t> V = constantInt(Arg, Ctx);
    if (!V || *V != 0)
      return;
    auto D = report(Arg->getBeginLoc(),
                    "enable_server_certificate_verification(false) makes this "
                    "client accept any server certificate");
    replaceLiteral(D, Arg, Ctx, "true");
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("boost"))
    return checkBoostVerifyMode(Call, Ctx);
  if (const auto *C = Result.Nodes.getNodeAs<CXXConstructExpr>("poco"))
    return checkPocoContext(C, Ctx);
  if (const auto *E = Result.Nodes.getNodeAs<Expr>("pocoAcceptAll")) {
    // A temporary constructed inside the new-expression is matched twice.
    if (isa<CXXConstructExpr>(E) &&
        !Ctx.getParents(*E).empty() && Ctx.getParents(*E)[0].get<CXXNewExpr>())
      return;
    report(E->getBeginLoc(),
           "Poco::Net::AcceptCertificateHandler accepts every certificate "
           "that fails verification");
  }
}

void TlsVerificationDisabledCheck::checkCurl(const CallExpr *Call,
                                             ASTContext &Ctx) {
  std::string Option = ::appsec::referencedName(Call->getArg(1));
  bool Peer = Option == "CURLOPT_SSL_VERIFYPEER" ||
              Option == "CURLOPT_PROXY_SSL_VERIFYPEER";
  bool Host = Option == "CURLOPT_SSL_VERIFYHOST" ||
              Option == "CURLOPT_PROXY_SSL_VERIFYHOST";
  if (!Peer && !Host)
    return;
  const Expr *Value = Call->getArg(2);
  std::optional<int64_t> V = constantInt(Value, Ctx);
  if (!V || *V != 0)
    return;
  auto D = report(Value->getBeginLoc(),
                  Option + " set to 0 turns off TLS " +
                      (Peer ? "certificate" : "host-name") + " verification");
  replaceLiteral(D, Value, Ctx, Peer ? "1L" : "2L");
}

void TlsVerificationDisabledCheck::checkOpenSslVerify(const CallExpr *Call,
                                                      ASTContext &Ctx) {
  const FunctionDecl *F = Call->getDirectCallee();
  llvm::StringRef Name = F->getName();
  if (Call->getNumArgs() < 2)
    return;
  // A server that does not ask for client certificates is the normal case.
  if (::appsec::tlsRoleOf(Call->getArg(0), Call, Ctx) == TlsRole::Server)
    return;

  if (Name == "SSL_CTX_set_cert_verify_callback") {
    if (::appsec::alwaysReturnsNonZero(Call->getArg(1), Ctx))
      report(Call->getArg(1)->getBeginLoc(),
             "the certificate verification callback accepts every "
             "certificate chain");
    return;
  }
  const Expr *Mode = Call->getArg(1);
  std::optional<int64_t> V = constantInt(Mode, Ctx);
  if (!V)
    return;
  if (*V == 0) {
    auto D = report(Mode->getBeginLoc(),
                    "SSL_VERIFY_NONE makes this TLS client accept any server "
                    "certificate");
    // Fix a literal 0 or the SSL_VERIFY_NONE macro written as the argument.
    CharSourceRange R = ::appsec::mainFileRange(Mode, Ctx);
    if (R.isValid() &&
        (::appsec::isLiteral(Mode) ||
         Lexer::getSourceText(R, Ctx.getSourceManager(), Ctx.getLangOpts()) ==
             "SSL_VERIFY_NONE"))
      D << FixItHint::CreateReplacement(R, "SSL_VERIFY_PEER");
    return;
  }
  if (Call->getNumArgs() == 3 && ::appsec::alwaysReturnsNonZero(Call->getArg(2), Ctx))
    report(Call->getArg(2)->getBeginLoc(),
           "the verify callback returns 1 for every certificate, so "
           "verification failures are ignored");
}

void TlsVerificationDisabledCheck::checkBoostVerifyMode(
    const CXXMemberCallExpr *Call, ASTContext &Ctx) {
  if (Call->getNumArgs() < 1)
    return;
  if (::appsec::tlsRoleOf(Call->getImplicitObjectArgument(), Call, Ctx) ==
      TlsRole::Server)
    return;
  llvm::StringRef Method = Call->getMethodDecl()->getName();
  const Expr *Arg = Call->getArg(0);
  if (Method == "set_verify_callback") {
    if (::appsec::alwaysReturnsNonZero(Arg, Ctx))
      report(Arg->getBeginLoc(), "the verify callback returns true for every "
                                 "certificate, so verification failures are "
                                 "ignored");
    return;
  }
  std::optional<int64_t> V = constantInt(Arg, Ctx);
  if (!V || *V != 0)
    return;
  report(Arg->getBeginLoc(), "ssl::verify_none makes this TLS client accept any "
                             "server certificate");
}

void TlsVerificationDisabledCheck::checkPocoContext(const CXXConstructExpr *C,
                                                    ASTContext &Ctx) {
  // Context(Usage, privateKeyFile, certificateFile, caLocation,
  //         VerificationMode = VERIFY_RELAXED, ...)
  if (C->getNumArgs() < 5)
    return;
  std::string Usage = ::appsec::referencedName(C->getArg(0));
  if (!::appsec::isClientMethodName(Usage))
    return;
  const Expr *Mode = C->getArg(4);
  if (isa<CXXDefaultArgExpr>(Mode))
    return;
  if (::appsec::referencedName(Mode) != "VERIFY_NONE")
    return;
  report(Mode->getBeginLoc(), "a Poco client Context with VERIFY_NONE accepts "
                              "any server certificate");
}

} // namespace clang::tidy::appsec
