#pragma once

#include <string>
#include <string_view>

namespace text {
std::string html_escape(std::string_view in);
std::string truncate(std::string_view in, size_t max_chars);
} // namespace text
