//===- WeakTlsVersionCheck.h - appsec-weak-tls-version ------------------===//
#pragma once

#include "AppSecCheck.h"

namespace clang::tidy::appsec {

/// Finds TLS contexts and connections that allow protocol versions older than
/// TLS 1.2: OpenSSL version-specific methods (TLSv1_method, SSLv3_method, ...),
/// SSL_CTX_set_min_proto_version below TLS1_2_VERSION (or 0, "the lowest the
/// library supports"), a maximum below TLS 1.2, libcurl CURLOPT_SSLVERSION
/// below CURL_SSLVERSION_TLSv1_2, boost::asio::ssl::context tlsv1/tlsv11/sslv3
/// methods, Poco TLSV1_* usages and requireMinimumProtocol below TLS 1.2.
///
/// For the user-facing documentation see docs/checks/appsec-weak-tls-version.md
class WeakTlsVersionCheck : public AppSecCheck {
public:
  using AppSecCheck::AppSecCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkOpenSslCtrl(const CallExpr *Call, ASTContext &Ctx);
  void checkCurl(const CallExpr *Call, ASTContext &Ctx);
};

} // namespace clang::tidy::appsec
