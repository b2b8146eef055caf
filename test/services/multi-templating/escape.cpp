#include "escape.h"

namespace text {

std::string html_escape(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (char c : in) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

std::string truncate(std::string_view in, size_t max_chars) {
  if (in.size() <= max_chars)
    return std::string(in);
  return std::string(in.substr(0, max_chars)) + "...";
}

} // namespace text
