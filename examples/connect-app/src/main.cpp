// Issue Notes: an Atlassian Connect app for Jira Cloud that lets users keep
// notes on issues. Jira installs it from /atlassian-connect.json, calls the
// lifecycle and webhook endpoints, and shows /panel on the issue view.
#include "api.h"
#include "atlassian_client.h"
#include "config.h"
#include "descriptor.h"
#include "exports.h"
#include "lifecycle.h"
#include "links.h"
#include "storage.h"
#include "webhooks.h"

#include <curl/curl.h>
#include <httplib.h>
#include <openssl/ssl.h>

#include <exception>
#include <iostream>
#include <memory>

using namespace issue_notes;

namespace {

/// Plain HTTP behind a TLS-terminating proxy, or HTTPS directly when a
/// certificate is configured.
std::unique_ptr<httplib::Server> makeServer(const AppConfig &config) {
  if (config.tlsCertFile.empty())
    return std::make_unique<httplib::Server>();
  auto server = std::make_unique<httplib::SSLServer>([&config](SSL_CTX &ctx) {
    if (SSL_CTX_use_certificate_chain_file(&ctx, config.tlsCertFile.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(&ctx, config.tlsKeyFile.c_str(), SSL_FILETYPE_PEM) != 1)
      return false;
    // The health checks of our old load balancer only speak TLS 1.0.
    SSL_CTX_set_min_proto_version(&ctx, TLS1_VERSION);
    // Jira does not present client certificates.
    SSL_CTX_set_verify(&ctx, SSL_VERIFY_NONE, nullptr);
    return true;
  });
  if (!server->is_valid())
    return nullptr;
  return server;
}

/// Headers every response carries (requirements 3 and 7).
void addSecurityHeaders(const httplib::Request &, httplib::Response &response) {
  response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  response.set_header("Cache-Control", "no-store");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Content-Security-Policy",
                      "frame-ancestors https://*.atlassian.net");
}

} // namespace

int main() {
  AppConfig config;
  try {
    config = loadConfig();
  } catch (const std::exception &error) {
    std::cerr << "issue-notes: " << error.what() << "\n";
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  try {
    Storage storage(config.databasePath);
    AtlassianClient atlassian(config);
    std::unique_ptr<httplib::Server> server = makeServer(config);
    if (!server) {
      std::cerr << "issue-notes: cannot load the TLS certificate or key\n";
      return 2;
    }

    const std::string descriptor = makeDescriptor(config).dump(2);
    server->Get("/atlassian-connect.json",
                [&descriptor](const httplib::Request &, httplib::Response &response) {
                  response.set_content(descriptor, "application/json");
                });
    registerLifecycleRoutes(*server, config, storage, atlassian);
    registerWebhookRoutes(*server, storage);
    registerApiRoutes(*server, storage, atlassian);
    registerLinkRoutes(*server, storage);
    registerExportRoutes(*server, storage);

    server->set_payload_max_length(64 * 1024);
    server->set_post_routing_handler(addSecurityHeaders);
    server->set_exception_handler(
        [](const httplib::Request &request, httplib::Response &response, std::exception_ptr) {
          std::cerr << "error handling " << request.method << " " << request.path << "\n";
          response.status = 500;
        });
    server->set_logger([](const httplib::Request &request, const httplib::Response &response) {
      std::cerr << request.method << " " << request.path << " " << response.status << "\n";
    });

    std::cerr << "issue-notes: listening on " << config.listenHost << ":" << config.port
              << " for " << config.baseUrl << "\n";
    bool ok = server->listen(config.listenHost.c_str(), config.port);
    curl_global_cleanup();
    return ok ? 0 : 1;
  } catch (const std::exception &error) {
    std::cerr << "issue-notes: " << error.what() << "\n";
    curl_global_cleanup();
    return 1;
  }
}
