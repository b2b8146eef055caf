// RUN: %check_appsec_tidy %s appsec-weak-tls-version %t
#include <curl/curl.h>

void weakMinimums(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: CURLOPT_SSLVERSION allows protocols older than TLS 1.2; use CURL_SSLVERSION_TLSv1_2 or newer; violates Atlassian requirement 3 (Transport layer security) [appsec-weak-tls-version]
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
  curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_1); // v11
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: CURLOPT_SSLVERSION allows protocols older than TLS 1.2; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2); // v11
  curl_easy_setopt(h, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_SSLv3); // cast
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: CURLOPT_SSLVERSION allows protocols older than TLS 1.2; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_SSLv3); // cast
  curl_easy_setopt(h, CURLOPT_PROXY_SSLVERSION, 4L);
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: CURLOPT_PROXY_SSLVERSION allows protocols older than TLS 1.2; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_PROXY_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
  // A combined minimum and maximum is reported, not rewritten.
  curl_easy_setopt(h, CURLOPT_SSLVERSION,
                   CURL_SSLVERSION_TLSv1_0 | CURL_SSLVERSION_MAX_TLSv1_3);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: CURLOPT_SSLVERSION allows protocols older than TLS 1.2; {{.*}}
  // CHECK-FIXES: CURL_SSLVERSION_TLSv1_0 | CURL_SSLVERSION_MAX_TLSv1_3);
}

void weakMaximum(CURL *capped) {
  curl_easy_setopt(capped, CURLOPT_SSLVERSION,
                   CURL_SSLVERSION_DEFAULT | CURL_SSLVERSION_MAX_TLSv1_1);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: CURLOPT_SSLVERSION caps the protocol below TLS 1.2; use CURL_SSLVERSION_MAX_DEFAULT or CURL_SSLVERSION_MAX_TLSv1_2 or newer; {{.*}}
}

#define APP_CURL_TLS CURL_SSLVERSION_TLSv1_0
void userMacro(CURL *m) {
  curl_easy_setopt(m, CURLOPT_SSLVERSION, APP_CURL_TLS);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: CURLOPT_SSLVERSION allows protocols older than TLS 1.2; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(m, CURLOPT_SSLVERSION, APP_CURL_TLS);
}

// --- Must stay silent ---------------------------------------------------------

void fine(CURL *h, long fromConfig) {
  curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
  curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_3);
  curl_easy_setopt(h, CURLOPT_SSLVERSION,
                   CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_DEFAULT);
  curl_easy_setopt(h, CURLOPT_SSLVERSION,
                   CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_2);
  // CURL_SSLVERSION_DEFAULT leaves the floor to libcurl and the system policy.
  curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_DEFAULT);
  curl_easy_setopt(h, CURLOPT_SSLVERSION, fromConfig);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 1L); // other options
}
