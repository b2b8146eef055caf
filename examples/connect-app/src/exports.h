// Issue Notes: note exports.
//   GET /api/exports?file=NAME   a PDF of an issue's notes, as the nightly
//                                export job left it in exports/<clientKey>/
#pragma once

#include "storage.h"

#include <httplib.h>

namespace issue_notes {

void registerExportRoutes(httplib::Server &server, Storage &storage);

} // namespace issue_notes
