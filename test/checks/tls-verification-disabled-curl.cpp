// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled %t
#include <curl/curl.h>

void bad(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off TLS certificate verification; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off TLS host-name verification; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_PROXY_SSL_VERIFYPEER, false);
  // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: CURLOPT_PROXY_SSL_VERIFYPEER set to 0 turns off TLS certificate verification; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_PROXY_SSL_VERIFYPEER, 1L);
}

static const long kInsecure = 0;
void badNamedConstant(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, kInsecure);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 {{.*}}
  // No fix-it: the constant may be used elsewhere.
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, kInsecure);
}

void good(CURL *h, long fromConfig) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 1L); // treated as 2 since curl 7.66
  curl_easy_setopt(h, CURLOPT_VERBOSE, 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, fromConfig); // not a constant
}
