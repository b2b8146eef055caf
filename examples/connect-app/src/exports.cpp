#include "exports.h"
#include "connect_auth.h"

#include <fstream>
#include <sstream>

namespace issue_notes {

namespace {

/// Relative to the working directory, like the default database path.
constexpr const char *kExportsDir = "exports";

} // namespace

void registerExportRoutes(httplib::Server &server, Storage &storage) {
  server.Get("/api/exports", [&](const httplib::Request &request, httplib::Response &response) {
    std::string why;
    std::optional<RequestContext> caller =
        authenticate(request, storage, QshPolicy::ContextToken, why);
    if (!caller) {
      response.status = 401;
      return;
    }
    // Each site's exports live in a directory of their own.
    const std::string path = std::string(kExportsDir) + "/" + caller->installation.clientKey +
                             "/" + request.get_param_value("file");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      response.status = 404;
      return;
    }
    std::ostringstream data;
    data << in.rdbuf();
    response.set_content(data.str(), "application/pdf");
  });
}

} // namespace issue_notes
