#include "HooksController.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <trantor/utils/Logger.h>

#include <cstdio>
#include <set>

relay::Settings HooksController::settings_;

namespace {

std::string hmacHex(const std::string &key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char *>(data.data()), data.size(), mac, &len);
  std::string hex;
  char buf[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", mac[i]);
    hex += buf;
  }
  return hex;
}

bool signatureMatches(const std::string &secret, const HttpRequestPtr &req) {
  const auto &header = req->getHeader("X-Hub-Signature-256");
  if (header.rfind("sha256=", 0) != 0)
    return false;
  auto expected = hmacHex(secret, req->getBody());
  auto given = header.substr(7);
  return given.size() == expected.size() &&
         CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
}

HttpResponsePtr status(HttpStatusCode code) {
  return HttpResponse::newHttpResponse(code, CT_TEXT_PLAIN);
}

} // namespace

void HooksController::github(const HttpRequestPtr &req, Callback &&cb) {
  if (!signatureMatches(settings_.githubSecret, req))
    return cb(status(k401Unauthorized));

  static const std::set<std::string> kRelayed = {"push", "release", "deployment_status"};
  const auto &event = req->getHeader("X-GitHub-Event");
  if (!kRelayed.count(event))
    return cb(status(k204NoContent));

  std::string payload(req->getBody());
  long delivered = 0;
  for (const auto &[name, url] : settings_.subscribers)
    delivered += relay::deliver(url, payload) ? 1 : 0;
  relay::pushCounter(settings_, "delivered_total", delivered);
  if (event == "release") {
    relay::notifySlack(settings_, "New release published");
    relay::forwardToPartner(settings_, payload);
  }
  cb(status(k200OK));
}

void HooksController::testSubscription(const HttpRequestPtr &req, Callback &&cb) {
  auto json = req->getJsonObject();
  if (!json || !json->isMember("callback_url"))
    return cb(status(k400BadRequest));
  const auto url = (*json)["callback_url"].asString();
  Json::Value ping;
  ping["zen"] = "Keep it logically awesome.";
  bool ok = relay::deliver(url, ping.toStyledString()); // expect: appsec-ssrf
  Json::Value out;
  out["delivered"] = ok;
  cb(HttpResponse::newHttpJsonResponse(out));
}

void HooksController::replay(const HttpRequestPtr &req, Callback &&cb, const std::string &name) {
  if (settings_.adminKey.empty() || req->getHeader("X-Relay-Admin-Key") != settings_.adminKey)
    return cb(status(k403Forbidden));
  auto it = settings_.subscribers.find(name);
  if (it == settings_.subscribers.end())
    return cb(HttpResponse::newNotFoundResponse(req));
  bool ok = relay::deliver(it->second, std::string(req->getBody()));
  cb(status(ok ? k200OK : k500InternalServerError));
}
