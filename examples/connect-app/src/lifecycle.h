// Issue Notes: the Connect lifecycle callbacks (POST /installed and
// POST /uninstalled), signed by Atlassian with RS256.
#pragma once

#include "atlassian_client.h"
#include "config.h"
#include "storage.h"

#include <httplib.h>

namespace issue_notes {

void registerLifecycleRoutes(httplib::Server &server, const AppConfig &config,
                             Storage &storage, AtlassianClient &atlassian);

} // namespace issue_notes
