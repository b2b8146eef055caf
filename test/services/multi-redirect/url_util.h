#pragma once

#include <optional>
#include <set>
#include <string>

namespace urlutil {
// Returns the path if it is a same-site relative URL ("/foo?x"), nothing otherwise.
std::optional<std::string> local_path(const std::string &next);
bool host_allowed(const std::string &url, const std::set<std::string> &hosts);
std::string attachment_name(const std::string &requested);
} // namespace urlutil
