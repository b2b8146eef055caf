#include "validate.h"

#include <cctype>

namespace validate {

bool identifier(std::string_view s) {
  if (s.empty() || s.size() > 64)
    return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
      return false;
  }
  return true;
}

bool hostname(std::string_view s) {
  if (s.empty() || s.size() > 253 || s.front() == '-' || s.front() == '.')
    return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-')
      return false;
  }
  return true;
}

} // namespace validate
