//===- TlsVerificationDisabledCheck.h - appsec-tls-verification-disabled -===//
#pragma once

#include "AppSecCheck.h"

namespace clang::tidy::appsec {

/// Finds TLS clients that switch off certificate or host-name verification:
/// libcurl CURLOPT_SSL_VERIFYPEER/VERIFYHOST = 0, OpenSSL SSL_VERIFY_NONE or
/// an accept-all verify callback, cpp-httplib
/// enable_server_certificate_verification(false), boost::asio::ssl and
/// Beast ssl_stream verify_none, cpprestsdk set_validate_certificates(false),
/// Poco VERIFY_NONE client contexts, AcceptCertificateHandler and
/// enableExtendedCertificateVerification(false).
///
/// For the user-facing documentation see docs/checks/appsec-tls-verification-disabled.md
class TlsVerificationDisabledCheck : public AppSecCheck {
public:
  using AppSecCheck::AppSecCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkCurl(const CallExpr *Call, ASTContext &Ctx);
  void checkOpenSslVerify(const CallExpr *Call, ASTContext &Ctx);
  void checkBoostVerifyMode(const CXXMemberCallExpr *Call, ASTContext &Ctx);
  void checkPocoContext(const CXXConstructExpr *Construct, ASTContext &Ctx);
};

} // namespace clang::tidy::appsec
