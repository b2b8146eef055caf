// Issue Notes: the Connect app descriptor (GET /atlassian-connect.json).
#pragma once

#include "config.h"

#include <nlohmann/json.hpp>

namespace issue_notes {

nlohmann::json makeDescriptor(const AppConfig &config);

} // namespace issue_notes
