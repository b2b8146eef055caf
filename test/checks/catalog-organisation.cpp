// An organisation's own catalog renames the requirement in every finding.
// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled,appsec-weak-tls-version %t -- --config="{CheckOptions: {AppSecRequirementCatalog: '%inputs/catalog/org.json'}}"
// The option can also be set for one check only; the other keeps the built-in catalog.
// RUN: %check_appsec_tidy -check-suffix=LOCAL %s appsec-tls-verification-disabled,appsec-weak-tls-version %t -- --config="{CheckOptions: {appsec-weak-tls-version.AppSecRequirementCatalog: '%inputs/catalog/org.json'}}"
#include <curl/curl.h>

void fetch(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off TLS certificate verification; violates ExampleCorp requirement NET-4 (Authenticate every TLS peer) [appsec-tls-verification-disabled]
  // CHECK-MESSAGES-LOCAL: :[[@LINE-2]]:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off TLS certificate verification; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]

  // A check listed under two requirements names both.
  curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: CURLOPT_SSLVERSION allows protocols older than TLS 1.2; use CURL_SSLVERSION_TLSv1_2 or newer; violates ExampleCorp requirements NET-5 (Modern protocol versions only) and CRY-2 (No deprecated cryptographic protocols) [appsec-weak-tls-version]
  // CHECK-MESSAGES-LOCAL: :[[@LINE-2]]:43: warning: CURLOPT_SSLVERSION allows protocols older than TLS 1.2; use CURL_SSLVERSION_TLSv1_2 or newer; violates ExampleCorp requirements NET-5 (Modern protocol versions only) and CRY-2 (No deprecated cryptographic protocols) [appsec-weak-tls-version]
}
