// A catalog that does not list a check: findings say so instead of naming a
// requirement that does not apply.
// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled %t -- --config="{CheckOptions: {AppSecRequirementCatalog: '%inputs/catalog/versions-only.json'}}"
#include <curl/curl.h>

void fetch(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off TLS host-name verification; not mapped to any ExampleCorp requirement [appsec-tls-verification-disabled]
}
