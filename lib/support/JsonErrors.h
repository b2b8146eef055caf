//===- JsonErrors.h - JSON syntax errors a user can find ----------------===//
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace appsec {

/// "line 3, column 14" for the error's byte offset in \p Text.
std::string jsonErrorPosition(const nlohmann::json::parse_error &E, std::string_view Text);

/// nlohmann's message without its "[json.exception.parse_error.101] parse error
/// at line 1, column 2: " prefix. Besides syntax errors, parsing throws
/// out_of_range for a number no double holds (1e400), with no position.
std::string jsonErrorMessage(const nlohmann::json::exception &E);

} // namespace appsec
