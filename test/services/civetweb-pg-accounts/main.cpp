// Account service for the customer portal (civetweb + PostgreSQL).
#include <chrono>
#include <iostream>
#include <thread>

#include <CivetServer.h>

#include "portal.h"

int main() {
  AccountRepo repo("host=db.internal port=5432 dbname=portal user=portal_app password=Portal#2021!pg"); // expect: appsec-hardcoded-secret
  if (!repo.ok()) return 1;

  std::vector<std::string> options{"listening_ports", "8443s", "ssl_certificate", "/etc/portal/server.pem",
                                   "ssl_protocol_version", "4", "num_threads", "16"};
  mg_init_library(MG_FEATURES_SSL);
  CivetServer server(options);

  SignupHandler signup(repo);
  LoginHandler login(repo);
  SearchHandler search(repo);
  ExportHandler exporter(repo);
  server.addHandler("/api/signup", signup);
  server.addHandler("/api/login", login);
  server.addHandler("/api/accounts/search", search);
  server.addHandler("/api/accounts/export", exporter);

  std::cout << "portal accounts listening" << std::endl;
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}
