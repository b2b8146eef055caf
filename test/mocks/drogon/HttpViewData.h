// Test mock of Drogon: imitates lib/inc/drogon/HttpViewData.h (v1.9.x). Not Drogon's code.
// A CSP view writes [[ key ]] into the page unescaped (drogon_ctl/create_view.cc, outputVal).
#pragma once

#include <any>
#include <string>
#include <string_view>
#include <unordered_map>

namespace drogon {

class HttpViewData {
public:
  template <typename T> const T &get(const std::string &key) const;
  void insert(const std::string &key, std::any &&obj) { viewData_[key] = std::move(obj); }
  void insert(const std::string &key, const std::any &obj) { viewData_[key] = obj; }
  /// Inserts \p val converted to a string (operator<< into a stringstream).
  template <typename T> void insertAsString(const std::string &key, T &&val);
  /// Inserts a printf-formatted string.
  void insertFormattedString(const std::string &key, const char *format, ...);
  /// Escapes &, <, >, " and ' for HTML.
  static std::string htmlTranslate(const char *str, size_t length);
  static std::string htmlTranslate(const std::string_view &str) {
    return htmlTranslate(str.data(), str.length());
  }
  static bool needTranslation(const std::string_view &str);

private:
  std::unordered_map<std::string, std::any> viewData_;
};

} // namespace drogon
