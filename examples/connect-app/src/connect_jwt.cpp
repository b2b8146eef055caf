#include "connect_jwt.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <vector>

namespace issue_notes {

namespace {

constexpr char kBase64Url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64UrlEncode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    out += kBase64Url[(v >> 18) & 63];
    out += kBase64Url[(v >> 12) & 63];
    out += kBase64Url[(v >> 6) & 63];
    out += kBase64Url[v & 63];
  }
  if (i + 1 == in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += kBase64Url[(v >> 18) & 63];
    out += kBase64Url[(v >> 12) & 63];
  } else if (i + 2 == in.size()) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8);
    out += kBase64Url[(v >> 18) & 63];
    out += kBase64Url[(v >> 12) & 63];
    out += kBase64Url[(v >> 6) & 63];
  }
  return out;
}

std::optional<std::string> base64UrlDecode(std::string_view in) {
  if (in.size() % 4 == 1)
    return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    const char *p = std::find(kBase64Url, kBase64Url + 64, c);
    if (p == kBase64Url + 64)
      return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(p - kBase64Url);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

std::string hmacSha256(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char *>(data.data()), data.size(), mac,
       &length);
  return std::string(reinterpret_cast<char *>(mac), length);
}

std::string sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

/// RFC 3986 percent-encoding as Connect's canonical request uses it.
std::string percentEncode(std::string_view in) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::optional<nlohmann::json> decodeJson(std::string_view part) {
  std::optional<std::string> text = base64UrlDecode(part);
  if (!text)
    return std::nullopt;
  nlohmann::json value = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!value.is_object())
    return std::nullopt;
  return value;
}

long long nowSeconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

std::optional<Jwt> parseJwt(std::string_view token) {
  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
    return std::nullopt;
  Jwt jwt;
  std::optional<nlohmann::json> header = decodeJson(token.substr(0, first));
  std::optional<nlohmann::json> claims = decodeJson(token.substr(first + 1, second - first - 1));
  std::optional<std::string> signature = base64UrlDecode(token.substr(second + 1));
  if (!header || !claims || !signature)
    return std::nullopt;
  jwt.header = std::move(*header);
  jwt.claims = std::move(*claims);
  jwt.signingInput = std::string(token.substr(0, second));
  jwt.signature = std::move(*signature);
  return jwt;
}

bool verifyHs256(const Jwt &token, std::string_view secret) {
  if (token.header.value("alg", "") != "HS256" || secret.empty())
    return false;
  std::string expected = hmacSha256(secret, token.signingInput);
  return expected.size() == token.signature.size() &&
         CRYPTO_memcmp(expected.data(), token.signature.data(), expected.size()) == 0;
}

bool verifyRs256(const Jwt &token, const std::string &publicKeyPem) {
  if (token.header.value("alg", "") != "RS256")
    return false;
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(publicKeyPem.data(), static_cast<int>(publicKeyPem.size())), BIO_free);
  if (!bio)
    return false;
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
    return false;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                              EVP_MD_CTX_free);
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
    return false;
  return EVP_DigestVerify(ctx.get(),
                          reinterpret_cast<const unsigned char *>(token.signature.data()),
                          token.signature.size(),
                          reinterpret_cast<const unsigned char *>(token.signingInput.data()),
                          token.signingInput.size()) == 1;
}

std::string signHs256(const nlohmann::json &claims, std::string_view secret) {
  std::string input = base64UrlEncode(nlohmann::json{{"alg", "HS256"}, {"typ", "JWT"}}.dump()) +
                      "." + base64UrlEncode(claims.dump());
  return input + "." + base64UrlEncode(hmacSha256(secret, input));
}

std::string queryStringHash(std::string_view method, std::string_view path,
                            const std::multimap<std::string, std::string> &query) {
  std::string canonical;
  for (char c : method)
    canonical += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  canonical += '&';
  std::string uri(path.empty() ? "/" : path);
  while (uri.size() > 1 && uri.back() == '/')
    uri.pop_back();
  for (char c : uri)
    canonical += c == '&' ? std::string("%26") : std::string(1, c);
  canonical += '&';
  // Keys sorted by their encoding; the values of a repeated key sorted and
  // joined with commas.
  std::map<std::string, std::vector<std::string>> encoded;
  for (const auto &[key, value] : query)
    if (key != "jwt")
      encoded[percentEncode(key)].push_back(percentEncode(value));
  bool firstPair = true;
  for (auto &[key, values] : encoded) {
    std::sort(values.begin(), values.end());
    if (!firstPair)
      canonical += '&';
    firstPair = false;
    canonical += key + "=";
    for (size_t i = 0; i < values.size(); ++i)
      canonical += (i ? "," : "") + values[i];
  }
  return sha256Hex(canonical);
}

bool isCurrent(const Jwt &token, long leewaySeconds) {
  auto exp = token.claims.find("exp");
  if (exp == token.claims.end() || !exp->is_number_integer())
    return false;
  long long now = nowSeconds();
  if (exp->get<long long>() + leewaySeconds < now)
    return false;
  auto iat = token.claims.find("iat");
  if (iat != token.claims.end() &&
      (!iat->is_number_integer() || iat->get<long long>() - leewaySeconds > now))
    return false;
  return true;
}

} // namespace issue_notes
