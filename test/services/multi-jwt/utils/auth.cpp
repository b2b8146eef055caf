#include "utils/auth.h"

#include <jwt-cpp/jwt.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace auth {

namespace {
Config g_config;
}

const Config &config() { return g_config; }

void load_config() {
  const char *key_file = std::getenv("PROJECTS_JWT_KEY_FILE");
  if (!key_file)
    throw std::runtime_error("PROJECTS_JWT_KEY_FILE not set");
  std::ifstream in(key_file);
  std::getline(in, g_config.signing_key);
  if (g_config.signing_key.size() < 32)
    throw std::runtime_error("signing key too short");
  if (const char *iss = std::getenv("PROJECTS_JWT_ISSUER"))
    g_config.issuer = iss;
}

std::optional<std::string> bearer_token(std::string_view authorization) {
  constexpr std::string_view prefix = "Bearer ";
  if (authorization.substr(0, prefix.size()) != prefix)
    return std::nullopt;
  auto token = authorization.substr(prefix.size());
  if (token.empty())
    return std::nullopt;
  return std::string(token);
}

std::optional<Principal> verify(const std::string &token) {
  try {
    auto decoded = jwt::decode(token);
    jwt::verify()
        .allow_algorithm(jwt::algorithm::hs256{g_config.signing_key})
        .with_issuer(g_config.issuer)
        .leeway(30)
        .verify(decoded);
    Principal p;
    p.user = decoded.get_subject();
    p.role = decoded.get_payload_claim("role").as_string();
    return p;
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

std::string issue(const Principal &who) {
  auto now = std::chrono::system_clock::now();
  return jwt::create()
      .set_issuer(g_config.issuer)
      .set_subject(who.user)
      .set_payload_claim("role", jwt::claim(who.role))
      .set_issued_at(now)
      .set_expires_at(now + std::chrono::minutes(g_config.token_ttl_minutes))
      .sign(jwt::algorithm::hs256{g_config.signing_key});
}

// Refresh accepts tokens that are already expired, so the verifier is skipped
// and only the identity is carried over.
std::optional<Principal> principal_for_refresh(const std::string &token) {
  try {
    auto decoded = jwt::decode(token);
    if (decoded.get_issuer() != g_config.issuer)
      return std::nullopt;
    Principal p;
    p.user = decoded.get_subject();
    p.role = decoded.get_payload_claim("role").as_string();
    return p;
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

} // namespace auth
