#pragma once

#include <string_view>

namespace validate {
bool identifier(std::string_view s);
bool hostname(std::string_view s);
} // namespace validate
