// Issue Notes: the JSON Web Tokens of Atlassian Connect.
//
// Jira signs requests to the app with HS256 and the installation's shared
// secret (or, for lifecycle callbacks, RS256 with a key Atlassian publishes),
// and the app signs its REST calls to Jira the same way. Every token carries
// a query string hash (qsh) binding it to one method, path and query.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace issue_notes {

struct Jwt {
  nlohmann::json header;
  nlohmann::json claims;
  std::string signingInput; ///< "<header>.<payload>" as received
  std::string signature;    ///< decoded signature bytes
};

/// Splits and decodes a token without checking its signature; nothing is
/// trusted until verifyHs256 or verifyRs256 says so.
std::optional<Jwt> parseJwt(std::string_view token);

/// True if the token is signed with HMAC-SHA256 and \p secret.
bool verifyHs256(const Jwt &token, std::string_view secret);

/// True if the token is signed with RSA-SHA256 and the PEM public key.
bool verifyRs256(const Jwt &token, const std::string &publicKeyPem);

/// A signed HS256 token with \p claims.
std::string signHs256(const nlohmann::json &claims, std::string_view secret);

/// Connect's query string hash: hex SHA-256 of the canonical request
/// "METHOD&path&sorted-query" (the jwt parameter excluded).
std::string queryStringHash(std::string_view method, std::string_view path,
                            const std::multimap<std::string, std::string> &query);

/// True if the token's exp lies in the future and its iat not too far in the
/// future, allowing \p leewaySeconds of clock skew.
bool isCurrent(const Jwt &token, long leewaySeconds = 30);

} // namespace issue_notes
