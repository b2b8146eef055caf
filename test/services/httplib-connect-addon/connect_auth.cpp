#include "connect_auth.h"

#include <algorithm>
#include <iomanip>
#include <sstream>
#include <system_error>

#include <jwt-cpp/jwt.h>
#include <openssl/evp.h>

namespace addon {

std::string extract_token(const httplib::Request &req) {
  auto auth = req.get_header_value("Authorization");
  constexpr std::string_view prefix = "JWT ";
  if (auth.size() > prefix.size() && auth.compare(0, prefix.size(), prefix) == 0)
    return auth.substr(prefix.size());
  if (req.has_param("jwt")) return req.get_param_value("jwt");
  return {};
}

static std::string sha256_hex(const std::string &in) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(in.data(), in.size(), md, &len, EVP_sha256(), nullptr);
  std::ostringstream out;
  for (unsigned int i = 0; i < len; ++i) out << std::hex << std::setw(2) << std::setfill('0') << int(md[i]);
  return out.str();
}

static std::string encode(const std::string &s) { return httplib::detail::encode_query_param(s); }

std::string query_string_hash(const httplib::Request &req) {
  std::map<std::string, std::string> sorted;
  for (const auto &[k, v] : req.params) {
    if (k == "jwt") continue;
    auto &slot = sorted[encode(k)];
    slot += (slot.empty() ? "" : ",") + encode(v);
  }
  std::string canonical_query;
  for (const auto &[k, v] : sorted)
    canonical_query += (canonical_query.empty() ? "" : "&") + k + "=" + v;
  std::string method = req.method;
  std::transform(method.begin(), method.end(), method.begin(), ::toupper);
  return sha256_hex(method + "&" + (req.path.empty() ? "/" : req.path) + "&" + canonical_query);
}

std::optional<RequestContext> authenticate(const TenantStore &store, const httplib::Request &req) {
  auto token = extract_token(req);
  if (token.empty()) return std::nullopt;
  try {
    auto decoded = jwt::decode(token);
    auto tenant = store.find(decoded.get_issuer());
    if (!tenant) return std::nullopt;
    std::error_code ec;
    jwt::verify()
        .allow_algorithm(jwt::algorithm::hs256{tenant->shared_secret})
        .with_issuer(tenant->client_key)
        .leeway(30)
        .verify(decoded, ec);
    if (ec) return std::nullopt;

    if (!decoded.has_payload_claim("qsh") ||
        decoded.get_payload_claim("qsh").as_string() != query_string_hash(req))
      return std::nullopt;

    RequestContext ctx{*tenant, decoded.get_subject()};
    return ctx;
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

std::optional<RequestContext> authenticate_webhook(const TenantStore &store,
                                                   const httplib::Request &req) {
  auto token = extract_token(req);
  if (token.empty()) return std::nullopt;
  try {
    auto decoded = jwt::decode(token);
    auto tenant = store.find(decoded.get_issuer());
    if (!tenant) return std::nullopt;
    jwt::verify() // expect: appsec-connect-qsh
        .allow_algorithm(jwt::algorithm::hs256{tenant->shared_secret})
        .with_issuer(tenant->client_key)
        .verify(decoded);
    return RequestContext{*tenant, decoded.get_subject()};
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

std::string tenant_from_token(const std::string &token) {
  auto decoded = jwt::decode(token);
  return decoded.get_issuer();
}

} // namespace addon
