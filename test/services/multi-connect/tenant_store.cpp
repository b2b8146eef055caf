#include "connect.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace acconnect {

namespace fs = std::filesystem;

namespace {
std::string b64(const std::string &raw) {
  std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                          reinterpret_cast<const unsigned char *>(raw.data()),
                          static_cast<int>(raw.size()));
  out.resize(n);
  return out;
}
} // namespace

// AES-256-GCM: nonce || ciphertext || tag, base64.
std::string TenantStore::seal(const std::string &plain) const {
  unsigned char nonce[12];
  RAND_bytes(nonce, sizeof nonce);
  std::string out(reinterpret_cast<char *>(nonce), sizeof nonce);
  std::string cipher(plain.size(), '\0');
  unsigned char tag[16];
  int len = 0;
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, cfg_.storage_key.data(), nonce);
  EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char *>(cipher.data()), &len,
                    reinterpret_cast<const unsigned char *>(plain.data()),
                    static_cast<int>(plain.size()));
  EVP_EncryptFinal_ex(ctx, nullptr, &len);
  EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, sizeof tag, tag);
  EVP_CIPHER_CTX_free(ctx);
  out += cipher;
  out.append(reinterpret_cast<char *>(tag), sizeof tag);
  return b64(out);
}

void TenantStore::save(const Tenant &tenant) {
  std::lock_guard<std::mutex> lock(mu_);
  tenants_[tenant.client_key] = tenant;

  nlohmann::json doc = {{"clientKey", tenant.client_key},
                        {"baseUrl", tenant.base_url},
                        {"productType", tenant.product_type},
                        {"sharedSecret", seal(tenant.shared_secret)}};
  auto dir = fs::path(cfg_.data_dir) / "tenants";
  fs::create_directories(dir);
  std::ofstream out(dir / (std::to_string(std::hash<std::string>{}(tenant.client_key)) + ".json"));
  out << doc.dump(2);
}

std::optional<Tenant> TenantStore::find(const std::string &client_key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = tenants_.find(client_key);
  if (it == tenants_.end())
    return std::nullopt;
  return it->second;
}

void TenantStore::remove(const std::string &client_key) {
  std::lock_guard<std::mutex> lock(mu_);
  tenants_.erase(client_key);
}

// Used by the ops team before migrations.
void TenantStore::export_snapshot(const std::string &path) {
  std::lock_guard<std::mutex> lock(mu_);
  std::ofstream out(path, std::ios::trunc);
  for (const auto &[key, t] : tenants_)
    out << key << '\t' << t.base_url << '\t' << t.shared_secret << '\n'; // expect: appsec-plaintext-storage
}

} // namespace acconnect
