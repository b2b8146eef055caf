// Test mock of Drogon: imitates lib/inc/drogon/utils/Utilities.h (v1.9.x). Not Drogon's code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace drogon {
namespace utils {

bool isInteger(std::string_view str);
std::string genRandomString(int length);
std::vector<std::string> splitString(const std::string &str, const std::string &separator,
                                     bool acceptEmptyString = false);
std::string urlDecode(const char *begin, const char *end);
inline std::string urlDecode(const std::string &szToDecode) {
  return urlDecode(szToDecode.c_str(), szToDecode.c_str() + szToDecode.length());
}
std::string urlEncode(const std::string &);
/// Percent-encodes everything but unreserved characters (RFC 3986).
std::string urlEncodeComponent(const std::string &);
std::string base64Decode(std::string_view encodedString);
std::string getMd5(const std::string &originalString);

} // namespace utils
} // namespace drogon
