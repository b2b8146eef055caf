#include "webhooks.h"
#include "connect_auth.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <regex>

namespace issue_notes {

void registerWebhookRoutes(httplib::Server &server, Storage &storage) {
  server.Post("/webhook/issue-updated",
              [&](const httplib::Request &request, httplib::Response &response) {
    std::string why;
    std::optional<RequestContext> caller =
        authenticate(request, storage, QshPolicy::RequestBound, why);
    if (!caller) {
      std::cerr << "webhook rejected: " << why << "\n";
      response.status = 401;
      return;
    }
    nlohmann::json event = nlohmann::json::parse(request.body, nullptr, false);
    const nlohmann::json::json_pointer keyAt("/issue/key");
    static const std::regex issueKey("^[A-Z][A-Z0-9_]{0,254}-[0-9]{1,18}$");
    if (!event.is_object() || !event.contains(keyAt) || !event.at(keyAt).is_string() ||
        !std::regex_match(event.at(keyAt).get<std::string>(), issueKey) ||
        !event.contains("timestamp") || !event["timestamp"].is_number_integer()) {
      response.status = 400;
      return;
    }
    storage.recordIssueUpdate(caller->installation.clientKey,
                              event.at(keyAt).get<std::string>(),
                              event["timestamp"].get<std::int64_t>());
    response.status = 204;
  });
}

} // namespace issue_notes
