//===- SinkCategory.h - kinds of dangerous sinks ------------------------===//
//
// A sink category is what a check looks for (command injection, SQL
// injection, ...). Sanitization is per category: HTML escaping makes data
// safe for an HTML body but not for a shell command.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace appsec {

enum class SinkCategory : uint8_t {
  Command,
  Sql,
  Path,
  FormatString,
  Ssrf,
  Xss,
  Redirect,
  Header,
  Count
};

using CategoryMask = uint16_t;
constexpr CategoryMask AllCategories = (1u << unsigned(SinkCategory::Count)) - 1;

constexpr CategoryMask maskOf(SinkCategory C) { return CategoryMask(1u << unsigned(C)); }

/// "command", "sql", ... as written in model files and annotations.
std::string_view categoryKey(SinkCategory C);
std::optional<SinkCategory> categoryFromKey(std::string_view Key);
/// "OS command injection", "SQL injection", ...
std::string_view categoryLabel(SinkCategory C);
/// "CWE-78", ...
std::string_view categoryCwe(SinkCategory C);

} // namespace appsec
