// Issue Notes: webhooks Jira sends (POST /webhook/issue-updated).
#pragma once

#include "storage.h"

#include <httplib.h>

namespace issue_notes {

void registerWebhookRoutes(httplib::Server &server, Storage &storage);

} // namespace issue_notes
