// RUN: %check_appsec_tidy %s appsec-hardcoded-secret %t -- -- -std=c++17 -isystem %mocks -I/usr/include/postgresql -I/usr/include/mariadb
// Keys and passwords written into the source: jwt-cpp (mock), libpq,
// MariaDB and curl from Debian's headers. The secret itself is never quoted
// in the finding (findings end up in CI logs and SARIF files).
#include <curl/curl.h>
#include <jwt-cpp/jwt.h>
#include <libpq-fe.h>
#include <mysql.h>

#include <cstdlib>
#include <string>

static const std::string kSigningKey = "f0a2c9...-prod-key";
#define SHARED_SECRET "connect-shared-secret"
const char *kDbPassword = "hunter2";
const std::string &kRefreshKey = "refresh-key-2024";

std::string issue(const std::string &user) {
  return jwt::create().set_subject(user).sign(jwt::algorithm::hs256{"my-super-secret"});
  // CHECK-MESSAGES: :[[@LINE-1]]:69: warning: the JWT key given to jwt::algorithm::hs256 (which signs or verifies tokens with that key) is written in the source, so everyone with the code or the binary has it and can sign tokens this service accepts; load it at run time from a secret store or the environment (for an Atlassian Connect app: the sharedSecret stored at installation); violates Atlassian requirement 5 (Secret handling) [appsec-hardcoded-secret]
}

void verify(const std::string &token) {
  auto decoded = jwt::decode(token);
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{kSigningKey}).verify(decoded);
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: the JWT key given to jwt::algorithm::hs256 {{.*}} [appsec-hardcoded-secret]
  // CHECK-MESSAGES: :[[@LINE-14]]:26: note: the constant 'kSigningKey' holds it
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{SHARED_SECRET}).verify(decoded);
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: the JWT key given to jwt::algorithm::hs256 {{.*}} [appsec-hardcoded-secret]
  jwt::verify().allow_algorithm(jwt::algorithm::hs256(kRefreshKey)).verify(decoded);
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: the JWT key given to jwt::algorithm::hs256 {{.*}} [appsec-hardcoded-secret]
  // CHECK-MESSAGES: :[[@LINE-16]]:20: note: the constant 'kRefreshKey' holds it
}

void databases() {
  PGconn *pg = PQconnectdb("host=db user=app password=s3cr3t dbname=notes");
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the secret given to PQconnectdb (which logs in to PostgreSQL with the password in that connection string) is written in the source, so everyone with the code or the binary has it; load it at run time from a secret store or the environment; violates Atlassian requirement 5 (Secret handling) [appsec-hardcoded-secret]
  PQfinish(pg);
  MYSQL *my = mysql_init(nullptr);
  mysql_real_connect(my, "db", "app", kDbPassword, "notes", 3306, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: the secret given to mysql_real_connect {{.*}} [appsec-hardcoded-secret]
  // CHECK-MESSAGES: :[[@LINE-27]]:13: note: the constant 'kDbPassword' holds it
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_USERPWD, "admin:admin");
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: the secret given to curl_easy_setopt (which authenticates with that secret) {{.*}} [appsec-hardcoded-secret]
  curl_easy_cleanup(h);
}

// Silent: secrets that come from outside the source.
void fromEnvironment(const std::string &token) {
  const char *secret = std::getenv("JWT_SECRET");
  auto decoded = jwt::decode(token);
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret ? secret : ""}).verify(decoded);
  std::string conn = std::string("host=db user=app password=") + std::getenv("DB_PASSWORD");
  PGconn *pg = PQconnectdb(conn.c_str());
  PQfinish(pg);
  // A connection string without a password (peer or certificate login).
  PGconn *local = PQconnectdb("host=/var/run/postgresql dbname=notes");
  PQfinish(local);
  // Not a secret argument: the URL and the user name.
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://example.com/");
  curl_easy_setopt(h, CURLOPT_USERNAME, "app");
  curl_easy_cleanup(h);
  // An empty key is no key at all (appsec-jwt-unsafe-verification's matter).
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{""}).verify(decoded);
}
