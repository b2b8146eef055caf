//===- TlsSettings.h - what TLS library constants mean ------------------===//
//
// The protocol-version and verification constants of the TLS libraries the
// checks know (OpenSSL, libcurl, boost::asio::ssl, Poco::Net), decoded into
// one vocabulary, and the rule for when a fix-it may rewrite a value.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace appsec::tls {

// --- OpenSSL ---------------------------------------------------------------

/// OpenSSL control codes behind SSL_CTX_set_{min,max}_proto_version and
/// SSL_set_tlsext_host_name (ssl.h / tls1.h), which are macros over
/// SSL_CTX_ctrl / SSL_ctrl.
constexpr int64_t CtrlSetTlsextHostname = 55;
constexpr int64_t CtrlSetMinProtoVersion = 123;
constexpr int64_t CtrlSetMaxProtoVersion = 124;

/// True if the OpenSSL wire version \p V (SSL3_VERSION, TLS1_VERSION, ...,
/// DTLS1_VERSION) is older than TLS 1.2 / DTLS 1.2. 0 is not a version.
bool isWeakOpenSslVersion(int64_t V);

/// "TLS 1.0" for 0x0301 and so on; "version 0x..." for unknown numbers.
std::string openSslVersionName(int64_t V);

// --- libcurl ---------------------------------------------------------------

/// What a CURLOPT_SSLVERSION value allows: its low half is the minimum
/// (CURL_SSLVERSION_*), its high half the maximum (CURL_SSLVERSION_MAX_*).
struct CurlSslVersion {
  int64_t Min = 0; ///< 0 = CURL_SSLVERSION_DEFAULT
  int64_t Max = 0; ///< CURL_SSLVERSION_MAX_* >> 16; 0 = none, 1 = default
  bool weakMinimum() const;
  bool weakMaximum() const;
};
CurlSslVersion decodeCurlSslVersion(int64_t Value);

// --- boost::asio::ssl and Poco::Net ------------------------------------------

/// boost::asio::ssl::context::method enumerators that pin a protocol older
/// than TLS 1.2 (sslv2*, sslv3*, tlsv1, tlsv1_client, tlsv1_server, tlsv11*).
bool isLegacyBoostMethod(llvm::StringRef Enumerator);

/// Poco::Net::Context::Usage enumerators that pin TLS 1.0/1.1
/// (TLSV1_CLIENT_USE, TLSV1_1_SERVER_USE, ...).
bool isLegacyPocoUsage(llvm::StringRef Enumerator);

/// Poco::Net::Context::Protocols enumerators older than TLS 1.2.
bool isLegacyPocoProtocol(llvm::StringRef Enumerator);

// --- Fix-its ---------------------------------------------------------------

/// How a value the user may safely rewrite is spelled.
struct ValueSpelling {
  clang::CharSourceRange Range; ///< the characters to replace
  bool IsLiteral = false;       ///< `0`, `0L`, `false`, ...
  std::string Qualifier;        ///< "ssl::" in `ssl::verify_none`; may be empty
};

/// Where and how \p E is written, or nothing when a fix-it rewriting it would
/// be wrong or ambiguous. A value may be rewritten when the user's main file
/// spells it as a plain literal (`0`, `0L`, `false`) or as a constant whose
/// name \p IsLibraryName accepts (the library's own name, e.g. SSL_VERIFY_NONE
/// or TLS1_VERSION), directly or as a macro argument. A named constant or
/// macro of the user's own is not rewritten: its other uses would silently
/// change too.
std::optional<ValueSpelling>
replaceableSpelling(const clang::Expr *E, const clang::ASTContext &Ctx,
                    bool (*IsLibraryName)(llvm::StringRef) = nullptr);

/// A fix-it rewriting \p E: to \p LiteralWith where it is written as a
/// literal, to \p NameWith (keeping the user's qualifier) where it is written
/// as a library name; nothing when replaceableSpelling() says no.
std::optional<clang::FixItHint>
replaceValue(const clang::Expr *E, const clang::ASTContext &Ctx,
             llvm::StringRef LiteralWith, llvm::StringRef NameWith = "",
             bool (*IsLibraryName)(llvm::StringRef) = nullptr);

} // namespace appsec::tls
