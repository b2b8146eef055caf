// Test mock of Drogon: imitates lib/inc/drogon/Cookie.h (v1.9.x). Not Drogon's code.
#pragma once

#include <string>

namespace drogon {

class Cookie {
public:
  Cookie(std::string key, std::string value) : key_(std::move(key)), value_(std::move(value)) {}
  Cookie() = default;
  enum class SameSite { kNull, kLax, kStrict, kNone };
  void setValue(const std::string &value) { value_ = value; }
  void setHttpOnly(bool only) { httpOnly_ = only; }
  void setSecure(bool secure) { secure_ = secure; }
  void setPath(const std::string &path) { path_ = path; }
  void setKey(const std::string &key) { key_ = key; }
  void setMaxAge(int value) { maxAge_ = value; }
  void setSameSite(SameSite sameSite) { sameSite_ = sameSite; }
  const std::string &key() const { return key_; }
  const std::string &value() const { return value_; }
  const std::string &getValue() const { return value_; }
  std::string cookieString() const;

private:
  // As in Drogon: a new cookie is HttpOnly, not Secure, without SameSite.
  std::string key_, value_, path_;
  bool httpOnly_ = true, secure_ = false;
  int maxAge_ = -1;
  SameSite sameSite_ = SameSite::kNull;
};

} // namespace drogon
