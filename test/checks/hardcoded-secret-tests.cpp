// RUN: %check_appsec_tidy %s appsec-hardcoded-secret %t -- -- -std=c++17 -DWITH_GTEST
// RUN: %check_appsec_tidy -check-suffix=APP %s appsec-hardcoded-secret %t -- -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=ALL %s appsec-hardcoded-secret %t -- --config="{CheckOptions: {AppSecIncludeTestCode: 'true'}}" -- -std=c++17 -DWITH_GTEST
// A unit that includes a unit-test framework (GoogleTest here, Debian's
// header) is built into a test binary: the password a test logs in to its
// own test server with is a fixture, not the service's secret. Silent by
// default; the same code without the framework, or with IncludeTestCode, is
// reported.
#ifdef WITH_GTEST
#include <gtest/gtest.h>
#endif
#include <curl/curl.h>

void loginAsTestTrader(CURL *curl) {
  curl_easy_setopt(curl, CURLOPT_USERPWD, "testtrader:test123");
  // CHECK-MESSAGES-APP: :[[@LINE-1]]:43: warning: the secret given to curl_easy_setopt {{.*}} [appsec-hardcoded-secret]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:43: warning: the secret given to curl_easy_setopt {{.*}} [appsec-hardcoded-secret]
}
