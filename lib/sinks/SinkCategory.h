//===- SinkCategory.h - kinds of dangerous sinks ------------------------===//
//
// A sink category is what a check looks for (command injection, SQL
// injection, ...). Sanitization is per category: HTML escaping makes data
// safe for an HTML body but not for a shell command.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace appsec {

enum class SinkCategory : uint8_t {
  Command,
  Sql,
  Path,
  FormatString,
  Ssrf,
  Xss,
  Redirect,
  Header,
  JwtKey,   ///< the key a JWT is signed or verified with (or the URL it is fetched from)
  JwtAlgorithm, ///< the algorithms a verification accepts, or the branch choosing the verifier
  Credential, ///< a password, API key or other secret a library call is given
  JwtClaim, ///< a claim read from a decoded JWT: dangerous until verified
  Log,      ///< a log line: secrets and end-user data must not reach it
  Store,    ///< a file or database: secrets and end-user data only encrypted
  Url,      ///< the URL of an outgoing request: no secret belongs in it
  Count
};

using CategoryMask = uint16_t;
/// Every injection category ("all" in models and annotations). Validation
/// idioms (allow-lists, regex_match, validator functions) make data safe for
/// these; only a verification makes a decoded JWT's claims trustworthy, and
/// only masking makes a secret fit for a log.
constexpr CategoryMask AllCategories = (1u << unsigned(SinkCategory::JwtClaim)) - 1;

constexpr CategoryMask maskOf(SinkCategory C) { return CategoryMask(1u << unsigned(C)); }

/// The data-protection categories: sinks of secrets and end-user data, which
/// masking, hashing and encryption make safe (secrets/SensitiveData.h).
constexpr CategoryMask DataProtectionCategories =
    maskOf(SinkCategory::Log) | maskOf(SinkCategory::Store) | maskOf(SinkCategory::Url);
/// A model sanitizer for these masks (hashes, encrypts) for every
/// data-protection category.
constexpr CategoryMask MaskingCategories = maskOf(SinkCategory::Log) | maskOf(SinkCategory::Store);
inline bool isDataProtection(SinkCategory C) { return DataProtectionCategories & maskOf(C); }
static_assert(unsigned(SinkCategory::Count) <= 16, "categories must fit a CategoryMask");

/// "command", "sql", ... as written in model files and annotations.
std::string_view categoryKey(SinkCategory C);
/// Every category's key, comma-separated ("command, sql, ..."), for messages.
std::string categoryKeys();
std::optional<SinkCategory> categoryFromKey(std::string_view Key);
/// "OS command injection", "SQL injection", ...
std::string_view categoryLabel(SinkCategory C);
/// "CWE-78", ...
std::string_view categoryCwe(SinkCategory C);

} // namespace appsec
