#include "descriptor.h"

namespace issue_notes {

nlohmann::json makeDescriptor(const AppConfig &config) {
  using nlohmann::json;
  return json{
      {"key", config.appKey},
      {"name", "Issue Notes"},
      {"description", "Private notes on Jira issues"},
      {"vendor", {{"name", "Example Vendor"}, {"url", "https://www.example.com"}}},
      {"baseUrl", config.baseUrl},
      {"authentication", {{"type", "jwt"}}},
      {"lifecycle", {{"installed", "/installed"}, {"uninstalled", "/uninstalled"}}},
      // Signed install callbacks and context-bound tokens.
      {"apiMigrations", {{"signed-install", true}, {"context-qsh", true}}},
      // Reading an issue's summary and status is all the app needs.
      {"scopes", json::array({"READ"})},
      {"modules",
       {{"webhooks",
         json::array({{{"event", "jira:issue_updated"}, {"url", "/webhook/issue-updated"}}})},
        {"webPanels",
         json::array({{{"key", "issue-notes-panel"},
                       {"location", "atl.jira.view.issue.right.context"},
                       {"name", {{"value", "Notes"}}},
                       {"url", "/panel?issueKey={issue.key}"}}})}}},
  };
}

} // namespace issue_notes
