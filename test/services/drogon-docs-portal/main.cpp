#include "AuthFilter.h"
#include "DocsController.h"

#include <drogon/drogon.h>

#include <fstream>
#include <iostream>
#include <sstream>

namespace {

struct PortalConfig {
  std::string docsRoot = "/srv/docs";
  std::string publicKeyFile = "/etc/docs-portal/idp.pem";
  std::string issuer = "https://id.example.com";
};

std::string readFile(const std::string &path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace

int main(int argc, char **argv) {
  PortalConfig cfg;
  if (argc > 1)
    cfg.docsRoot = argv[1];
  if (argc > 2)
    cfg.publicKeyFile = argv[2];

  auto pem = readFile(cfg.publicKeyFile);
  if (pem.empty()) {
    std::cerr << "cannot read " << cfg.publicKeyFile << "\n";
    return 1;
  }
  AuthFilter::configure(pem, cfg.issuer);
  DocsController::setRoot(cfg.docsRoot);

  drogon::app().registerHandler(
      "/healthz",
      [](const drogon::HttpRequestPtr &, std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
        auto resp = drogon::HttpResponse::newHttpResponse();
        resp->setContentTypeCode(drogon::CT_TEXT_PLAIN);
        resp->setBody("ok");
        cb(resp);
      },
      {drogon::Get});

  drogon::app().addListener("0.0.0.0", 8080).setThreadNum(2).run();
}
