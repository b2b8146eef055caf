// A catalog that cannot be used is a configuration error: clang-tidy says which
// file, which entry and what is wrong, exits non-zero, and the findings still
// appear with the built-in Atlassian catalog.
// RUN: %check_appsec_tidy -check-suffix=ENTRY -expect-clang-tidy-error %s appsec-tls-verification-disabled %t -- --config="{CheckOptions: {AppSecRequirementCatalog: '%inputs/catalog/malformed-entry.json'}}"
// RUN: %check_appsec_tidy -check-suffix=JSON -expect-clang-tidy-error %s appsec-tls-verification-disabled %t -- --config="{CheckOptions: {AppSecRequirementCatalog: '%inputs/catalog/invalid-json.json'}}"
// RUN: %check_appsec_tidy -check-suffix=MISSING -expect-clang-tidy-error %s appsec-tls-verification-disabled %t -- --config="{CheckOptions: {AppSecRequirementCatalog: '%inputs/catalog/no-such-file.json'}}"

// CHECK-MESSAGES-ENTRY: error: invalid requirement catalog: {{.*}}Inputs{{/|\\}}catalog{{/|\\}}malformed-entry.json: requirements[0] (id "NET-4"): key 'staticallyCheckable' must be "yes", "partly" or "no", found "always"; using the built-in Atlassian catalog instead [clang-tidy-config]
// CHECK-MESSAGES-JSON: error: invalid requirement catalog: {{.*}}invalid-json.json: line 7, column 16: invalid JSON (syntax error while parsing object - unexpected string literal; expected '}'); using the built-in Atlassian catalog instead [clang-tidy-config]
// CHECK-MESSAGES-MISSING: error: invalid requirement catalog: {{.*}}no-such-file.json: cannot open requirement catalog file; using the built-in Atlassian catalog instead [clang-tidy-config]
#include <curl/curl.h>

void fetch(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES-ENTRY: :[[@LINE-1]]:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off TLS certificate verification; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-MESSAGES-JSON: :[[@LINE-2]]:47: warning: {{.*}}; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-MESSAGES-MISSING: :[[@LINE-3]]:47: warning: {{.*}}; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
}
