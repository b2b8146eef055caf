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
  curl_easy_setopt(h, CURLOPT_PROXY_SSL_VERIFYHOST, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: CURLOPT_PROXY_SSL_VERIFYHOST set to 0 turns off TLS host-name verification; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_PROXY_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_DOH_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: CURLOPT_DOH_SSL_VERIFYPEER set to 0 turns off TLS certificate verification; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_DOH_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_DOH_SSL_VERIFYHOST, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: CURLOPT_DOH_SSL_VERIFYHOST set to 0 turns off TLS host-name verification; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_DOH_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_DOH_SSL_VERIFYPEER, 1L); // silent: on
}

static const long kInsecure = 0;
void badNamedConstant(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, kInsecure);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 {{.*}}
  // No fix-it: the constant may be used elsewhere.
  // CHECK-FIXES: curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, kInsecure);
}

// Through macros: an argument written in this file is rewritten in place; a
// value inside a macro body is reported at the use but not rewritten.
#define SETOPT(h, opt, val) curl_easy_setopt((h), (opt), (val))
#define APP_NO_VERIFY 0L
#define APP_INSECURE_CURL(h) curl_easy_setopt((h), CURLOPT_SSL_VERIFYHOST, 0L)
void macros(CURL *viaMacro) {
  SETOPT(viaMacro, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: CURLOPT_SSL_VERIFYPEER set to 0 {{.*}}
  // CHECK-FIXES: SETOPT(viaMacro, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(viaMacro, CURLOPT_SSL_VERIFYHOST, APP_NO_VERIFY);
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off TLS host-name verification; {{.*}}
  // CHECK-FIXES: curl_easy_setopt(viaMacro, CURLOPT_SSL_VERIFYHOST, APP_NO_VERIFY);
  APP_INSECURE_CURL(viaMacro);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 {{.*}}
  // CHECK-FIXES: APP_INSECURE_CURL(viaMacro);
  SETOPT(viaMacro, CURLOPT_SSL_VERIFYHOST, 2L); // silent
}

void good(CURL *ok, long fromConfig) {
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYHOST, 1L); // treated as 2 since curl 7.66
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYPEER, true);
  curl_easy_setopt(ok, CURLOPT_VERBOSE, 0L);
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYSTATUS, 0L); // OCSP stapling, off by default
  curl_easy_setopt(ok, CURLOPT_SSL_VERIFYPEER, fromConfig); // not a constant
}

// Code in a template is checked once per instantiation with known values.
template <long Verify> void templated(CURL *t) {
  curl_easy_setopt(t, CURLOPT_SSL_VERIFYPEER, Verify);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 {{.*}}
}
void instantiate(CURL *t) {
  templated<1L>(t);
  templated<0L>(t);
}
