// Issue Notes: outgoing HTTPS calls — Jira's REST API, signed with the
// installation's shared secret, and Atlassian's install-key service.
#pragma once

#include "config.h"
#include "storage.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace issue_notes {

struct HttpResponse {
  long status = 0;   ///< 0 when the request failed before a response
  std::string body;
  std::string error; ///< libcurl's message when status is 0
};

class AtlassianClient {
public:
  explicit AtlassianClient(const AppConfig &config);

  /// The PEM public key that signs lifecycle callbacks with key id \p kid.
  std::optional<std::string> fetchInstallKey(const std::string &kid);

  /// GET /rest/api/3/issue/{key}?fields=summary,status on the site of
  /// \p installation. \p issueKey must already be validated.
  std::optional<nlohmann::json> getIssue(const Installation &installation,
                                         const std::string &issueKey, std::string &error);

private:
  HttpResponse get(const std::string &url, const std::vector<std::string> &headers);

  const AppConfig &config_;
};

} // namespace issue_notes
