#include "service.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace users {

namespace {

std::string to_hex(const unsigned char *data, size_t len) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (size_t i = 0; i < len; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 0x0f];
  }
  return out;
}

std::vector<unsigned char> from_hex(const std::string &hex) {
  std::vector<unsigned char> out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

std::vector<unsigned char> derive(const std::string &password, const std::vector<unsigned char> &salt,
                                  int iterations) {
  std::vector<unsigned char> key(32);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(),
                        static_cast<int>(key.size()), key.data()) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return key;
}

} // namespace

PasswordHash hash_password(const std::string &password, int iterations) {
  std::vector<unsigned char> salt(16);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
    throw std::runtime_error("RAND_bytes failed");
  auto key = derive(password, salt, iterations);
  return {to_hex(salt.data(), salt.size()), to_hex(key.data(), key.size())};
}

bool check_password(const std::string &password, const PasswordHash &stored, int iterations) {
  auto key = derive(password, from_hex(stored.salt_hex), iterations);
  auto expected = from_hex(stored.hash_hex);
  return expected.size() == key.size() &&
         CRYPTO_memcmp(expected.data(), key.data(), key.size()) == 0;
}

std::string random_token(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(buf.size())) != 1)
    throw std::runtime_error("RAND_bytes failed");
  return to_hex(buf.data(), buf.size());
}

std::string sha256_hex(const std::string &data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  return to_hex(digest, len);
}

} // namespace users
