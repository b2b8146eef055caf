// Test mock of Drogon: imitates lib/inc/drogon/Cookie.h (v1.9.x). Not Drogon's code.
#pragma once

#include <string>

namespace drogon {

class Cookie {
public:
  Cookie(std::string key, std::string value) : key_(std::move(key)), value_(std::move(value)) {}
  Cookie() = default;
  void setValue(const std::string &value) { value_ = value; }
  void setHttpOnly(bool only) { httpOnly_ = only; }
  void setSecure(bool secure) { secure_ = secure; }
  const std::string &key() const { return key_; }
  const std::string &value() const { return value_; }
  const std::string &getValue() const { return value_; }
  std::string cookieString() const;

private:
  std::string key_, value_;
  bool httpOnly_ = true, secure_ = false;
};

} // namespace drogon
