#include "relay.h"

#include <drogon/HttpClient.h>
#include <drogon/utils/Utilities.h>
#include <trantor/utils/Logger.h>

using namespace drogon;

namespace relay {

namespace {

std::pair<std::string, std::string> splitUrl(const std::string &url) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos)
    return {url, "/"};
  return {url.substr(0, slash), url.substr(slash)};
}

HttpRequestPtr jsonPost(const std::string &path, const std::string &body) {
  auto req = HttpRequest::newHttpRequest();
  req->setMethod(Post);
  req->setPath(path);
  req->setBody(body);
  req->addHeader("Content-Type", "application/json");
  return req;
}

} // namespace

bool deliver(const std::string &url, const std::string &payload) {
  auto [origin, path] = splitUrl(url);
  auto client = HttpClient::newHttpClient(origin);
  auto [result, resp] = client->sendRequest(jsonPost(path, payload), 10.0);
  if (result != ReqResult::Ok || !resp) {
    LOG_WARN << "delivery to " << origin << " failed";
    return false;
  }
  return resp->statusCode() < 300;
}

void notifySlack(const Settings &s, const std::string &text) {
  auto client = HttpClient::newHttpClient("https://slack.com");
  auto req = HttpRequest::newHttpRequest();
  req->setMethod(Post);
  req->setPath("/api/chat.postMessage?token=" + s.slackToken + "&channel=" + s.slackChannel); // expect: appsec-secret-in-url
  req->setParameter("text", text);
  client->sendRequest(req, [](ReqResult r, const HttpResponsePtr &) {
    if (r != ReqResult::Ok)
      LOG_WARN << "slack notification failed";
  });
}

void pushCounter(const Settings &s, const std::string &name, long value) {
  // the metrics gateway uses the internal CA which the containers don't ship
  auto client = HttpClient::newHttpClient(s.metricsHost, nullptr, false, false); // expect: appsec-tls-verification-disabled
  Json::Value body;
  body["name"] = "webhook_relay_" + name;
  body["value"] = static_cast<Json::Int64>(value);
  client->sendRequest(HttpRequest::newHttpJsonRequest(body), [](ReqResult, const HttpResponsePtr &) {});
}

void forwardToPartner(const Settings &s, const std::string &payload) {
  auto client = HttpClient::newHttpClient(s.legacyPartner, nullptr, true); // expect: appsec-weak-tls-version
  client->sendRequest(jsonPost("/edi/inbound", payload), [](ReqResult, const HttpResponsePtr &) {});
}

} // namespace relay
