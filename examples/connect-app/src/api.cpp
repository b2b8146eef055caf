#include "api.h"
#include "connect_auth.h"

#include <nlohmann/json.hpp>

#include <regex>

namespace issue_notes {

namespace {

using nlohmann::json;

constexpr size_t kMaxNoteLength = 2000;

/// Static page: all dynamic content is set with textContent by the script,
/// never spliced into markup.
constexpr const char *kPanelHtml = R"html(<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <script src="https://connect-cdn.atl-paas.net/all.js"></script>
</head>
<body>
  <p id="summary">Loading…</p>
  <textarea id="note" maxlength="2000"></textarea>
  <button id="save">Add note</button>
  <script>
    async function call(path, options) {
      const token = await AP.context.getToken();
      options = options || {};
      options.headers = Object.assign({'Authorization': 'JWT ' + token,
                                       'Content-Type': 'application/json'},
                                      options.headers || {});
      const response = await fetch(path, options);
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.status === 204 ? null : response.json();
    }
    AP.context.getContext(async (context) => {
      const key = context.jira.issue.key;
      const info = await call('/api/issues/' + encodeURIComponent(key) + '/summary');
      document.getElementById('summary').textContent =
          info.status + ' · ' + info.notes + ' note(s)';
      document.getElementById('save').onclick = () => call('/api/notes', {
        method: 'POST',
        body: JSON.stringify({issueKey: key, text: document.getElementById('note').value})
      });
    });
  </script>
</body>
</html>
)html";

bool isIssueKey(const std::string &key) {
  static const std::regex pattern("^[A-Z][A-Z0-9_]{0,254}-[0-9]{1,18}$");
  return std::regex_match(key, pattern);
}

/// The string at a JSON pointer such as "/fields/summary", or "" when the
/// document has no string there.
std::string stringAt(const json &document, const char *pointer) {
  const json::json_pointer where(pointer);
  return document.contains(where) && document.at(where).is_string()
             ? document.at(where).get<std::string>()
             : std::string();
}

void sendJson(httplib::Response &response, int status, const json &body) {
  response.status = status;
  response.set_content(body.dump(), "application/json");
}

} // namespace

void registerApiRoutes(httplib::Server &server, Storage &storage, AtlassianClient &atlassian) {
  server.Get("/panel", [&](const httplib::Request &request, httplib::Response &response) {
    std::string why;
    if (!authenticate(request, storage, QshPolicy::RequestBound, why)) {
      // The token expired while the issue stayed open, or the page was
      // opened outside Jira: say which issue could not be shown.
      response.status = 401;
      response.set_content("<!DOCTYPE html><p>Could not load the notes of " +
                               request.get_param_value("issueKey") +
                               ". Reload the issue to try again.</p>",
                           "text/html; charset=utf-8");
      return;
    }
    response.set_content(kPanelHtml, "text/html; charset=utf-8");
  });

  // The route pattern admits issue keys only, so the key is safe in a URL.
  server.Get(R"(/api/issues/([A-Z][A-Z0-9_]{0,254}-[0-9]{1,18})/summary)",
             [&](const httplib::Request &request, httplib::Response &response) {
    std::string why;
    std::optional<RequestContext> caller =
        authenticate(request, storage, QshPolicy::ContextToken, why);
    if (!caller) {
      sendJson(response, 401, {{"error", "unauthorized"}});
      return;
    }
    const std::string issueKey = request.matches[1];
    std::string error;
    std::optional<json> issue = atlassian.getIssue(caller->installation, issueKey, error);
    if (!issue) {
      sendJson(response, 502, {{"error", "could not read the issue from Jira"}});
      return;
    }
    sendJson(response, 200,
             {{"key", issueKey},
              {"summary", stringAt(*issue, "/fields/summary")},
              {"status", stringAt(*issue, "/fields/status/name")},
              {"notes", storage.countNotes(caller->installation.clientKey, issueKey)}});
  });

  server.Post("/api/notes", [&](const httplib::Request &request, httplib::Response &response) {
    std::string why;
    std::optional<RequestContext> caller =
        authenticate(request, storage, QshPolicy::ContextToken, why);
    if (!caller) {
      sendJson(response, 401, {{"error", "unauthorized"}});
      return;
    }
    json body = json::parse(request.body, nullptr, false);
    std::string issueKey = stringAt(body, "/issueKey");
    std::string text = stringAt(body, "/text");
    if (!isIssueKey(issueKey) || text.empty() || text.size() > kMaxNoteLength) {
      sendJson(response, 400, {{"error", "issueKey and text (1-2000 characters) required"}});
      return;
    }
    std::int64_t id =
        storage.addNote(caller->installation.clientKey, issueKey, caller->accountId, text);
    sendJson(response, 201, {{"id", id}});
  });
}

} // namespace issue_notes
