#include "url_util.h"

#include <cctype>
#include <regex>

namespace urlutil {

std::optional<std::string> local_path(const std::string &next) {
  if (next.empty() || next[0] != '/')
    return std::nullopt;
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))
    return std::nullopt;
  for (unsigned char c : next)
    if (c < 0x20 || c == 0x7f)
      return std::nullopt;
  return next;
}

bool host_allowed(const std::string &url, const std::set<std::string> &hosts) {
  static const std::regex kUrl(R"(^https://([A-Za-z0-9.-]+)(?::\d+)?(?:/[^\s]*)?$)");
  std::smatch m;
  return std::regex_match(url, m, kUrl) && hosts.count(m[1].str()) > 0;
}

std::string attachment_name(const std::string &requested) {
  std::string out;
  for (char c : requested)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')
      out += c;
  return out.empty() ? "export.csv" : out;
}

} // namespace urlutil
