#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace auth {

struct Config {
  std::string issuer = "projects-api";
  std::string signing_key;
  int token_ttl_minutes = 30;
};

struct Principal {
  std::string user;
  std::string role;
};

const Config &config();
void load_config();

std::optional<std::string> bearer_token(std::string_view authorization);
std::optional<Principal> verify(const std::string &token);
std::string issue(const Principal &who);
std::optional<Principal> principal_for_refresh(const std::string &token);

} // namespace auth
