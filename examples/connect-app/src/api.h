// Issue Notes: the issue panel and the REST API its script calls.
//   GET  /panel?issueKey=KEY              the iframe Jira shows on an issue
//   GET  /api/issues/{key}/summary        summary, status and note count
//   POST /api/notes  {"issueKey", "text"} adds a note
#pragma once

#include "atlassian_client.h"
#include "storage.h"

#include <httplib.h>

namespace issue_notes {

void registerApiRoutes(httplib::Server &server, Storage &storage, AtlassianClient &atlassian);

} // namespace issue_notes
