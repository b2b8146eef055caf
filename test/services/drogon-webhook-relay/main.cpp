#include "HooksController.h"

#include <drogon/drogon.h>

#include <cstdlib>
#include <fstream>

namespace {

relay::Settings loadSettings(const std::string &path) {
  relay::Settings s;
  if (const char *v = std::getenv("GITHUB_WEBHOOK_SECRET"))
    s.githubSecret = v;
  if (const char *v = std::getenv("SLACK_BOT_TOKEN"))
    s.slackToken = v;
  if (const char *v = std::getenv("RELAY_ADMIN_KEY"))
    s.adminKey = v;
  // subscribers file: one "name url" pair per line
  std::ifstream in(path);
  std::string name, url;
  while (in >> name >> url)
    s.subscribers.emplace(name, url);
  return s;
}

} // namespace

int main(int argc, char **argv) {
  auto settings = loadSettings(argc > 1 ? argv[1] : "/etc/webhook-relay/subscribers");
  if (settings.githubSecret.empty()) {
    LOG_ERROR << "GITHUB_WEBHOOK_SECRET is not set";
    return 1;
  }
  LOG_INFO << "relay: " << settings.subscribers.size() << " subscribers";
  LOG_DEBUG << "slack token: " << settings.slackToken; // expect: appsec-sensitive-logging

  HooksController::configure(std::move(settings));
  drogon::app().addListener("0.0.0.0", 7070).setThreadNum(2).run();
}
