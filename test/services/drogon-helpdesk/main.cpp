#include "JwtFilter.h"
#include "TicketsController.h"

#include <drogon/drogon.h>

#include <cstdlib>
#include <string>

struct HelpdeskConfig {
  std::string dbPath = "/var/lib/helpdesk/tickets.db";
  std::string attachments = "/var/lib/helpdesk/attachments";
  uint16_t port = 8090;
};

static HelpdeskConfig configFromEnv() {
  HelpdeskConfig cfg;
  if (auto *v = std::getenv("HELPDESK_DB"))
    cfg.dbPath = v;
  if (auto *v = std::getenv("HELPDESK_ATTACHMENTS"))
    cfg.attachments = v;
  if (auto *v = std::getenv("HELPDESK_PORT"))
    cfg.port = static_cast<uint16_t>(std::strtoul(v, nullptr, 10));
  return cfg;
}

int main() {
  auto cfg = configFromEnv();
  TicketsController::open(cfg.dbPath, cfg.attachments);

  drogon::app().registerHandler(
      "/status",
      [](const drogon::HttpRequestPtr &, std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
        Json::Value v;
        v["service"] = "helpdesk";
        v["ok"] = true;
        cb(drogon::HttpResponse::newHttpJsonResponse(v));
      },
      {drogon::Get});

  drogon::app().addListener("0.0.0.0", cfg.port).setThreadNum(4).run();
}
