#include "WeakTlsVersionCheck.h"

#include "support/AstHelpers.h"
#include "support/LlvmCompat.h"
#include "tls/TlsSettings.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
using ::appsec::constantInt;
using ::appsec::referencedName;
namespace tls = ::appsec::tls;

namespace clang::tidy::appsec {

namespace {
bool isOpenSslLegacyVersionName(StringRef N) {
  return N == "SSL3_VERSION" || N == "TLS1_VERSION" || N == "TLS1_1_VERSION";
}
bool isCurlLegacyVersionName(StringRef N) {
  return N == "CURL_SSLVERSION_TLSv1" || N == "CURL_SSLVERSION_SSLv2" ||
         N == "CURL_SSLVERSION_SSLv3" || N == "CURL_SSLVERSION_TLSv1_0" ||
         N == "CURL_SSLVERSION_TLSv1_1";
}
bool isPocoLegacyProtocolName(StringRef N) { return tls::isLegacyPocoProtocol(N); }

const Expr *written(const Expr *E) { return E->IgnoreParenImpCasts(); }

void fix(DiagnosticBuilder &D, std::optional<FixItHint> Fix) {
  if (Fix)
    D << *Fix;
}
} // namespace

void WeakTlsVersionCheck::registerMatchers(MatchFinder *Finder) {
  auto User = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      callExpr(User, callee(functionDecl(
                         isExternC(),
                         hasAnyName("::SSLv2_method", "::SSLv2_client_method",
                                    "::SSLv2_server_method", "::SSLv3_method",
                                    "::SSLv3_client_method", "::SSLv3_server_method",
                                    "::TLSv1_method", "::TLSv1_client_method",
                                    "::TLSv1_server_method", "::TLSv1_1_method",
                                    "::TLSv1_1_client_method",
                                    "::TLSv1_1_server_method", "::DTLSv1_method",
                                    "::DTLSv1_client_method",
                                    "::DTLSv1_server_method"))))
          .bind("method"),
      this);
  Finder->addMatcher(
      callExpr(User, callee(functionDecl(hasAnyName("::SSL_CTX_ctrl", "::SSL_ctrl"))),
               argumentCountIs(4))
          .bind("ctrl"),
      this);
  Finder->addMatcher(
      callExpr(User, callee(functionDecl(hasName("::curl_easy_setopt"))),
               argumentCountIs(3))
          .bind("curl"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(User, hasDeclaration(cxxConstructorDecl(
                                 ofClass(hasName("::boost::asio::ssl::context")))))
          .bind("boost"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(User, hasDeclaration(cxxConstructorDecl(
                                 ofClass(hasName("::Poco::Net::Context")))))
          .bind("poco"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(User,
                        callee(cxxMethodDecl(hasName("requireMinimumProtocol"),
                                             ofClass(hasName("::Poco::Net::Context")))),
                        argumentCountIs(1))
          .bind("pocoMin"),
      this);
}

void WeakTlsVersionCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("method")) {
    StringRef Name = Call->getDirectCallee()->getName();
    report(::appsec::beginLoc(Call),
           (Name + "() only speaks a protocol older than TLS 1.2; use "
                   "TLS_client_method() or TLS_server_method() with "
                   "SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION)")
               .str());
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("ctrl"))
    return checkOpenSslCtrl(Call, Ctx);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("curl"))
    return checkCurl(Call, Ctx);
  if (const auto *C = Result.Nodes.getNodeAs<CXXConstructExpr>("boost")) {
    if (C->getNumArgs() < 1)
      return;
    const Expr *Arg = written(C->getArg(0));
    std::string Method = referencedName(Arg);
    if (tls::isLegacyBoostMethod(Method))
      report(Arg->getBeginLoc(),
             "ssl::context::" + Method +
                 " allows only protocols older than TLS 1.2; use "
                 "ssl::context::tls_client or tls_server with no_tlsv1 and "
                 "no_tlsv1_1 options");
    return;
  }
  if (const auto *C = Result.Nodes.getNodeAs<CXXConstructExpr>("poco")) {
    if (C->getNumArgs() < 1)
      return;
    const Expr *Arg = written(C->getArg(0));
    std::string Usage = referencedName(Arg);
    if (tls::isLegacyPocoUsage(Usage))
      report(Arg->getBeginLoc(),
             "Context::" + Usage +
                 " restricts this Poco context to a protocol older than TLS "
                 "1.2; use TLS_CLIENT_USE or TLS_SERVER_USE with "
                 "requireMinimumProtocol(Context::PROTO_TLSV1_2)");
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("pocoMin")) {
    const Expr *Arg = written(Call->getArg(0));
    std::string Proto = referencedName(Arg);
    if (!tls::isLegacyPocoProtocol(Proto))
      return;
    auto D = report(Arg->getBeginLoc(),
                    "requireMinimumProtocol(Context::" + Proto +
                        ") still accepts protocols older than TLS 1.2");
    fix(D, tls::replaceValue(Arg, Ctx, "", "PROTO_TLSV1_2",
                             isPocoLegacyProtocolName));
  }
}

void WeakTlsVersionCheck::checkOpenSslCtrl(const CallExpr *Call,
                                           ASTContext &Ctx) {
  // SSL_CTX_set_min_proto_version(ctx, v) is a macro for
  // SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, v, NULL).
  std::optional<int64_t> Cmd = constantInt(Call->getArg(1), Ctx);
  if (Cmd != tls::CtrlSetMinProtoVersion && Cmd != tls::CtrlSetMaxProtoVersion)
    return;
  const Expr *VersionArg = written(Call->getArg(2));
  std::optional<int64_t> V = constantInt(VersionArg, Ctx);
  if (!V)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(::appsec::beginLoc(Call));
  if (*Cmd == tls::CtrlSetMaxProtoVersion) {
    // 0 = "the highest version the library supports".
    if (tls::isWeakOpenSslVersion(*V))
      report(Loc, "the maximum protocol version is capped at " +
                      tls::openSslVersionName(*V) + ", below TLS 1.2");
    return;
  }
  if (*V != 0 && !tls::isWeakOpenSslVersion(*V))
    return;
  auto D = report(Loc, *V == 0
                           ? std::string("a minimum protocol version of 0 "
                                         "allows the oldest protocol the "
                                         "library supports; require "
                                         "TLS1_2_VERSION")
                           : "the minimum protocol version " +
                                 tls::openSslVersionName(*V) +
                                 " is below TLS 1.2");
  // DTLS has its own numbers (DTLS1_2_VERSION); only fix TLS.
  if (*V < 0xFE00 && *V != 0x0100)
    fix(D, tls::replaceValue(VersionArg, Ctx, "TLS1_2_VERSION", "TLS1_2_VERSION",
                             isOpenSslLegacyVersionName));
}

void WeakTlsVersionCheck::checkCurl(const CallExpr *Call, ASTContext &Ctx) {
  std::string Option = referencedName(Call->getArg(1));
  if (Option != "CURLOPT_SSLVERSION" && Option != "CURLOPT_PROXY_SSLVERSION")
    return;
  const Expr *Value = written(Call->getArg(2));
  std::optional<int64_t> V = constantInt(Value, Ctx);
  if (!V)
    return;
  // CURL_SSLVERSION_DEFAULT leaves the minimum to libcurl and the system's
  // TLS policy (TLS 1.2 on current distributions): not reported.
  tls::CurlSslVersion Version = tls::decodeCurlSslVersion(*V);
  if (Version.weakMinimum()) {
    auto D = report(Value->getBeginLoc(),
                    Option + " allows protocols older than TLS 1.2; use "
                             "CURL_SSLVERSION_TLSv1_2 or newer");
    // Only a lone minimum is rewritten; a combined MAX_ part needs a person.
    if (Version.Max == 0)
      fix(D, tls::replaceValue(Value, Ctx, "CURL_SSLVERSION_TLSv1_2",
                               "CURL_SSLVERSION_TLSv1_2",
                               isCurlLegacyVersionName));
    return;
  }
  if (Version.weakMaximum())
    report(Value->getBeginLoc(),
           Option + " caps the protocol below TLS 1.2; use "
                    "CURL_SSLVERSION_MAX_DEFAULT or CURL_SSLVERSION_MAX_TLSv1_2 "
                    "or newer");
}

} // namespace clang::tidy::appsec
