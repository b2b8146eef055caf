// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled %t -- -- -DCPPHTTPLIB_OPENSSL_SUPPORT
#include <httplib.h>

void jiraClient(bool fromConfig) {
  httplib::Client jira("https://example.atlassian.net");
  jira.enable_server_certificate_verification(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: enable_server_certificate_verification(false) makes this client accept any server certificate; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-FIXES: jira.enable_server_certificate_verification(true);

  httplib::SSLClient keys("connect-install-keys.atlassian.com", 443);
  keys.enable_server_certificate_verification(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: enable_server_certificate_verification(false) {{.*}}
  // CHECK-FIXES: keys.enable_server_certificate_verification(true);

  auto *heap = new httplib::Client("https://api.atlassian.com");
  heap->enable_server_certificate_verification(!true);
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: enable_server_certificate_verification(false) {{.*}}
  // Not a plain literal: reported, left for a person to rewrite.
  // CHECK-FIXES: heap->enable_server_certificate_verification(!true);
  delete heap;

  // Must stay silent.
  httplib::Client good("https://example.atlassian.net");
  good.enable_server_certificate_verification(true);
  good.enable_server_certificate_verification(fromConfig); // run-time value
  good.set_ca_cert_path("/etc/ssl/certs/ca-certificates.crt");
}

// A server certificate on the server side is not a client setting.
void server() {
  httplib::SSLServer svr("/etc/app/cert.pem", "/etc/app/key.pem");
  svr.Get("/health", [](const httplib::Request &, httplib::Response &res) {
    res.set_content("ok", "text/plain");
  });
}
