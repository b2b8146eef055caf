// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled %t -- -- -std=c11
// In C, curl.h wraps curl_easy_setopt in a type-checking macro
// (curl/typecheck-gcc.h); findings are still reported at the user's value.
#include <curl/curl.h>

void fetch(CURL *h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://example.atlassian.net/rest/api/3/myself");
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off TLS certificate verification; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off TLS host-name verification; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);

}

void fine(CURL *ok, long verify) {
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYPEER, verify);
}
