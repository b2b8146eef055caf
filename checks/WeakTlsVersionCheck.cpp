#include "WeakTlsVersionCheck.h"

#include "support/AstHelpers.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;
using ::appsec::constantInt;
using ::appsec::referencedName;

namespace clang::tidy::appsec {

namespace {
// OpenSSL wire versions (prov_ssl.h) and control codes (ssl.h).
constexpr int64_t Tls12Version = 0x0303;
constexpr int64_t Dtls1Version = 0xFEFF;
constexpr int64_t Dtls1BadVersion = 0x0100;
constexpr int64_t CtrlSetMinProtoVersion = 123;
constexpr int64_t CtrlSetMaxProtoVersion = 124;
// libcurl CURL_SSLVERSION_* values (curl.h).
constexpr int64_t CurlTls12 = 6;

/// "TLS 1.0" for 0x0301 and so on.
std::string versionName(int64_t V) {
  switch (V) {
  case 0x0002: return "SSL 2.0";
  case 0x0300: return "SSL 3.0";
  case 0x0301: return "TLS 1.0";
  case 0x0302: return "TLS 1.1";
  case Dtls1Version: return "DTLS 1.0";
  default: return "a version";
  }
}

/// Below TLS 1.2 (or DTLS 1.2, whose numbers count down).
bool isWeakVersion(int64_t V) {
  if (V >= 0xFE00)
    return V == Dtls1Version;
  return V < Tls12Version || V == Dtls1BadVersion;
}

bool isLegacyMethodName(llvm::StringRef N) {
  return N.starts_with("SSLv2_") || N.starts_with("SSLv3_") ||
         N.starts_with("TLSv1_method") || N.starts_with("TLSv1_client_method") ||
         N.starts_with("TLSv1_server_method") || N.starts_with("TLSv1_1_") ||
         N.starts_with("DTLSv1_method") || N.starts_with("DTLSv1_client_method") ||
         N.starts_with("DTLSv1_server_method");
}

bool isLegacyBoostMethod(llvm::StringRef N) {
  return N.starts_with("sslv2") || N.starts_with("sslv3") || N == "tlsv1" ||
         N == "tlsv1_client" || N == "tlsv1_server" || N.starts_with("tlsv11");
}

bool isLegacyPocoName(llvm::StringRef N) {
  return N.starts_with("TLSV1_CLIENT") || N.starts_with("TLSV1_SERVER") ||
         N.starts_with("TLSV1_1_") || N == "PROTO_SSLV2" || N == "PROTO_SSLV3" ||
         N == "PROTO_TLSV1" || N == "PROTO_TLSV1_1";
}
} // namespace

void WeakTlsVersionCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(callee(functionDecl(isExternC(), matchesName("^::(SSLv2|SSLv3|TLSv1|TLSv1_1|DTLSv1)_"))))
          .bind("method"),
      this);
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::SSL_CTX_ctrl", "::SSL_ctrl"))),
               argumentCountIs(4))
          .bind("ctrl"),
      this);
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasName("::curl_easy_setopt"))),
               argumentCountIs(3))
          .bind("curl"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(
          hasDeclaration(cxxConstructorDecl(ofClass(hasName("::boost::asio::ssl::context")))),
          hasArgument(0, declRefExpr(to(enumConstantDecl()))))
          .bind("boost"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(
          hasDeclaration(cxxConstructorDecl(ofClass(hasName("::Poco::Net::Context")))),
          hasArgument(0, declRefExpr(to(enumConstantDecl()))))
          .bind("poco"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("requireMinimumProtocol"),
                                             ofClass(hasName("::Poco::Net::Context")))),
                        argumentCountIs(1))
          .bind("pocoMin"),
      this);
}

void WeakTlsVersionCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("method")) {
    llvm::StringRef Name = Call->getDirectCallee()->getName();
    if (!isLegacyMethodName(Name))
      return;
    report(Call->getBeginLoc(),
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
    std::string Method = referencedName(C->getArg(0));
    if (isLegacyBoostMethod(Method))
      report(C->getArg(0)->getBeginLoc(),
             "ssl::context::" + Method +
                 " allows only protocols older than TLS 1.2; use "
                 "ssl::context::tls_client or tls_server with no_tlsv1 and "
                 "no_tlsv1_1 options");
    return;
  }
  if (const auto *C = Result.Nodes.getNodeAs<CXXConstructExpr>("poco")) {
    std::string Usage = referencedName(C->getArg(0));
    if (isLegacyPocoName(Usage))
      report(C->getArg(0)->getBeginLoc(),
             "Context::" + Usage +
                 " restricts this Poco context to a protocol older than TLS "
                 "1.2; use CLIENT_USE or SERVER_USE with "
                 "requireMinimumProtocol(Context::PROTO_TLSV1_2)");
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("pocoMin")) {
    std::string Proto = referencedName(Call->getArg(0));
    if (isLegacyPocoName(Proto))
      report(Call->getArg(0)->getBeginLoc(),
             "requireMinimumProtocol(Context::" + Proto +
                 ") still accepts protocols older than TLS 1.2");
  }
}

void WeakTlsVersionCheck::checkOpenSslCtrl(const CallExpr *Call,
                                           ASTContext &Ctx) {
  // SSL_CTX_set_min_proto_version(ctx, v) is a macro for
  // SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, v, NULL).
  std::optional<int64_t> Cmd = constantInt(Call->getArg(1), Ctx);
  if (!Cmd || (*Cmd != CtrlSetMinProtoVersion && *Cmd != CtrlSetMaxProtoVersion))
    return;
  const Expr *VersionArg = Call->getArg(2);
  std::optional<int64_t> V = constantInt(VersionArg, Ctx);
  if (!V)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  if (*Cmd == CtrlSetMaxProtoVersion) {
    if (*V != 0 && isWeakVersion(*V))
      report(Loc, "the maximum protocol version is capped at " +
                      versionName(*V) + ", below TLS 1.2");
    return;
  }
  if (*V != 0 && !isWeakVersion(*V))
    return;
  auto D = report(Loc, *V == 0
                           ? std::string("a minimum protocol version of 0 "
                                         "allows the oldest protocol the "
                                         "library supports; require "
                                         "TLS1_2_VERSION")
                           : "the minimum protocol version " + versionName(*V) +
                                 " is below TLS 1.2");
  // The version is usually written as a macro argument in this file.
  CharSourceRange R = ::appsec::mainFileRange(VersionArg, Ctx);
  if (R.isValid() && *V < 0xFE00)
    D << FixItHint::CreateReplacement(R, "TLS1_2_VERSION");
}

void WeakTlsVersionCheck::checkCurl(const CallExpr *Call, ASTContext &Ctx) {
  std::string Option = referencedName(Call->getArg(1));
  if (Option != "CURLOPT_SSLVERSION" && Option != "CURLOPT_PROXY_SSLVERSION")
    return;
  const Expr *Value = Call->getArg(2);
  std::optional<int64_t> V = constantInt(Value, Ctx);
  if (!V)
    return;
  int64_t Min = *V & 0xFFFF; // the high half holds CURL_SSLVERSION_MAX_*
  if (Min == 0 || Min >= CurlTls12)
    return; // 0 = CURL_SSLVERSION_DEFAULT: left to libcurl and the system TLS policy
  auto D = report(Value->getBeginLoc(),
                  Option + " allows protocols older than TLS 1.2; use "
                           "CURL_SSLVERSION_TLSv1_2 or newer");
  CharSourceRange R = ::appsec::mainFileRange(Value, Ctx);
  if (*V == Min && R.isValid())
    D << FixItHint::CreateReplacement(R, "CURL_SSLVERSION_TLSv1_2");
}

} // namespace clang::tidy::appsec
