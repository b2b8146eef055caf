// Issue Notes: links in notes.
//   GET /api/preview?url=URL   the title of a linked page, for the panel's previews
//   GET /go?to=URL             follows a link from a note: counts it, then redirects
#pragma once

#include "storage.h"

#include <httplib.h>

namespace issue_notes {

void registerLinkRoutes(httplib::Server &server, Storage &storage);

} // namespace issue_notes
