#include "connect.h"

#include <jwt-cpp/jwt.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace acconnect {

namespace {

std::string sha256_hex(const std::string &data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  std::ostringstream hex;
  hex << std::hex;
  for (unsigned int i = 0; i < len; ++i)
    hex << static_cast<int>(digest[i] >> 4) << static_cast<int>(digest[i] & 0x0f);
  return hex.str();
}

std::string percent_encode(const std::string &s) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 0x0f];
    }
  }
  return out;
}

std::string canonical_query(const httplib::Request &req) {
  std::map<std::string, std::vector<std::string>> params;
  for (const auto &[key, value] : req.params)
    if (key != "jwt")
      params[percent_encode(key)].push_back(percent_encode(value));
  std::string out;
  for (auto &[key, values] : params) {
    std::sort(values.begin(), values.end());
    if (!out.empty())
      out += '&';
    out += key + '=';
    for (size_t i = 0; i < values.size(); ++i)
      out += (i ? "," : "") + values[i];
  }
  return out;
}

} // namespace

std::optional<std::string> extract_jwt(const httplib::Request &req) {
  auto header = req.get_header_value("Authorization");
  if (header.rfind("JWT ", 0) == 0)
    return header.substr(4);
  if (req.has_param("jwt"))
    return req.get_param_value("jwt");
  return std::nullopt;
}

std::string query_string_hash(const httplib::Request &req) {
  std::string method = req.method;
  std::transform(method.begin(), method.end(), method.begin(), ::toupper);
  auto path = req.path.empty() ? std::string("/") : req.path;
  return sha256_hex(method + "&" + path + "&" + canonical_query(req));
}

std::optional<RequestContext> authenticate(const httplib::Request &req, TenantStore &store) {
  auto token = extract_jwt(req);
  if (!token)
    return std::nullopt;
  try {
    auto decoded = jwt::decode(*token);
    auto tenant = store.find(decoded.get_issuer());
    if (!tenant)
      return std::nullopt;
    jwt::verify()
        .allow_algorithm(jwt::algorithm::hs256{tenant->shared_secret})
        .with_issuer(tenant->client_key)
        .with_claim("qsh", jwt::claim(query_string_hash(req)))
        .leeway(60)
        .verify(decoded);
    return RequestContext{*tenant, decoded.get_subject()};
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

} // namespace acconnect
