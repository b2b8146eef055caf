#include "webhooks.h"
#include "connect_auth.h"
#include "connect_jwt.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <regex>

namespace issue_notes {

namespace {

/// The issue key of a webhook event, if it has a well-formed one.
std::optional<std::string> issueKeyOf(const nlohmann::json &event) {
  const nlohmann::json::json_pointer keyAt("/issue/key");
  static const std::regex issueKey("^[A-Z][A-Z0-9_]{0,254}-[0-9]{1,18}$");
  if (!event.is_object() || !event.contains(keyAt) || !event.at(keyAt).is_string() ||
      !std::regex_match(event.at(keyAt).get<std::string>(), issueKey))
    return std::nullopt;
  return event.at(keyAt).get<std::string>();
}

/// The installation a webhook comes from: its token is signed with the
/// site's shared secret and still current. ("Webhooks are POSTs with a
/// signed token; the query string does not matter here.")
std::optional<Installation> webhookSender(const httplib::Request &request, const Storage &storage) {
  const std::string header = request.get_header_value("Authorization");
  if (header.rfind("JWT ", 0) != 0)
    return std::nullopt;
  std::optional<Jwt> token = parseJwt(std::string_view(header).substr(4));
  if (!token || token->header.value("alg", "") != "HS256")
    return std::nullopt;
  std::optional<Installation> site = storage.findInstallation(token->claims.value("iss", ""));
  if (!site || !verifyHs256(*token, site->sharedSecret) || !isCurrent(*token))
    return std::nullopt;
  return site;
}

} // namespace

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

  // Jira's issue_deleted webhook: the notes of the issue go with it. The
  // site is taken from the token's iss claim, but the token is never
  // verified.
  server.Post("/webhook/issue-deleted",
              [&](const httplib::Request &request, httplib::Response &response) {
    std::optional<Jwt> token = parseJwt(tokenOf(request));
    std::optional<std::string> issue =
        issueKeyOf(nlohmann::json::parse(request.body, nullptr, false));
    if (!token || !issue) {
      response.status = 400;
      return;
    }
    storage.removeNotesOfIssue(token->claims.value("iss", ""), *issue);
    response.status = 204;
  });

  // Jira's comment_created webhook: counts as an update of the issue.
  server.Post("/webhook/comment-created",
              [&](const httplib::Request &request, httplib::Response &response) {
    std::optional<Installation> site = webhookSender(request, storage);
    if (!site) {
      response.status = 401;
      return;
    }
    nlohmann::json event = nlohmann::json::parse(request.body, nullptr, false);
    std::optional<std::string> issue = issueKeyOf(event);
    if (!issue || !event.contains("timestamp") || !event["timestamp"].is_number_integer()) {
      response.status = 400;
      return;
    }
    storage.recordIssueUpdate(site->clientKey, *issue, event["timestamp"].get<std::int64_t>());
    response.status = 204;
  });
}

} // namespace issue_notes
