// RUN: %check_appsec_tidy %s appsec-sensitive-logging %t -- -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=NOUSER %s appsec-sensitive-logging %t -- \
// RUN:   --config="{CheckOptions: {appsec-sensitive-logging.ReportEndUserData: 'false', AppSecSecretNames: 'vaultpin'}}" -- -std=c++17 -isystem %mocks
// Secrets and end-user data reaching logs, against Debian's spdlog, {fmt},
// nlohmann/json, glibc and libstdc++: by name (variables, parameters,
// members), by lookup key (json["sharedSecret"], getenv("DB_PASSWORD")) and
// by annotation. With ReportEndUserData off only secrets count, and
// AppSecSecretNames adds a name of one's own.
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <syslog.h>

struct User {
  std::string emailAddress;
  std::string displayName;
  std::string passwordHash;
  int passwordLength = 0;
  bool emailVerified = false;
};

struct Credentials {
  std::string user;
  std::string password;
};

struct Tenant {
  std::string clientKey;
  [[clang::annotate("appsec::secret")]] std::string signingMaterial;
};

[[clang::annotate("appsec::secret")]] std::string loadVaultKey();
std::string sha256Hex(const std::string &data);

void loginAttempt(const std::string &user, const std::string &password) {
  spdlog::info("login for {} with {}", user, password);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: a secret ('password') reaches info(), which writes it to the log; leave it out, or log a masked form or a fingerprint (sensitive data in a log, CWE-532); violates Atlassian requirements 2 (Protect stored end-user data) and 5 (Secret handling) [appsec-sensitive-logging]
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:46: warning: a secret ('password') reaches
  spdlog::info("password changed for {}", user);      // the word in a message
  spdlog::info("password of {} chars", password.size()); // a length
  spdlog::info("fingerprint {}", sha256Hex(password));   // a digest
}

void installed(const nlohmann::json &payload) {
  std::string secret = payload["sharedSecret"].get<std::string>();
  std::cerr << "installed, secret " << secret << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: a secret ('sharedSecret') reaches operator<<(), which writes it to the service's log; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:40: warning: a secret ('sharedSecret') reaches
  std::cerr << "installed for " << payload["clientKey"].get<std::string>() << "\n"; // not a secret
  std::cout << payload["sharedSecret"] << std::endl; // nlohmann's own <<
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: a secret ('sharedSecret') reaches operator<<(), which writes it to the service's log; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:16: warning: a secret ('sharedSecret') reaches
  std::cout << payload["clientKey"] << std::endl;
  std::ofstream store("tenants.txt");
  store << secret; // a file is not a log (plaintext storage is another check)
}

struct Installation {
  std::string clientKey;
  std::string sharedSecret;
  std::string baseUrl;
};

// An aggregate keeps each member's own initialiser.
void stored(const nlohmann::json &payload) {
  Installation inst{payload.value("clientKey", ""), payload.value("sharedSecret", ""),
                    payload.value("baseUrl", "")};
  std::cerr << "installed: " << inst.baseUrl << " " << inst.clientKey << "\n";
  std::cerr << "secret: " << inst.sharedSecret << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: a secret ('sharedSecret') reaches operator<<(), {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:30: warning: a secret ('sharedSecret') reaches
}

void connect() {
  const char *pw = std::getenv("DB_PASSWORD");
  std::printf("connecting with %s\n", pw);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: a secret ('DB_PASSWORD') reaches printf(), which writes it to standard output, the service's log; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:39: warning: a secret ('DB_PASSWORD') reaches
  std::printf("home is %s\n", std::getenv("HOME"));
}

void profile(const User &u) {
  std::fprintf(stderr, "user %s\n", u.emailAddress.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: end-user data ('emailAddress') reaches fprintf(), which writes it to the service's log; leave it out, or log an opaque identifier or a masked form (sensitive data in a log, CWE-532); {{.*}}
  std::cout << "hash " << u.passwordHash << ", length " << u.passwordLength
            << ", verified " << u.emailVerified << "\n";
  FILE *audit = std::fopen("audit.log", "a");
  std::fprintf(audit, "user %s\n", u.displayName.c_str()); // not standard output or error
}

void auth(const Credentials &c, const std::shared_ptr<spdlog::logger> &log) {
  syslog(LOG_AUTH | LOG_INFO, "login %s/%s", c.user.c_str(), c.password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:73: warning: a secret ('password') reaches syslog(), which writes it to the system log; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:73: warning: a secret ('password') reaches
  log->warn("credentials {}:{}", c.user, c.password);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: a secret ('password') reaches logger::warn(), which writes it to the log; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:44: warning: a secret ('password') reaches
}

void annotated(const Tenant &t) {
  spdlog::debug("tenant {} material {}", t.clientKey, t.signingMaterial);
  // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: a secret ('signingMaterial') reaches debug(), {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:57: warning: a secret ('signingMaterial') reaches
  spdlog::error("vault key {}", loadVaultKey());
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: a secret (loadVaultKey()) reaches error(), {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:33: warning: a secret (loadVaultKey()) reaches
}

std::string maskToken(const std::string &t) { return t.substr(0, 4) + "..."; }

void tokens(const std::string &accessToken, const std::string &token) {
  spdlog::info("token {}", maskToken(accessToken)); // masked
  std::cerr << "unexpected token " << token << "\n"; // a bare `token` is as often a lexer's
  std::clog << "bearer " << accessToken << std::endl;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: a secret ('accessToken') reaches operator<<(), {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:29: warning: a secret ('accessToken') reaches
}

static const char *kPasswordKey = "password";
void constants() {
  std::puts(kPasswordKey); // the key's name, written in the source
}

// Through a helper: reported at the helper's log call, the path from the caller.
void logValue(const std::string &v) { spdlog::info("value {}", v); }
// CHECK-MESSAGES: :[[@LINE-1]]:64: warning: a secret ('password') reaches info(){{.*}}
// CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:64: warning: a secret ('password') reaches
void helper(const Credentials &c) {
  logValue(c.user);
  logValue(c.password);
}

void ownNames(const std::string &vaultPin, const std::string &customerEmail) {
  fmt::print("pin {} for {}\n", vaultPin, customerEmail);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: end-user data ('customerEmail') reaches print(){{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:33: warning: a secret ('vaultPin') reaches print(){{.*}}
}

// A name of several words ending in "token" is a credential; a position in a
// stream of tokens is not.
void tokens(const std::string &ops_token, const std::string &next_token,
            const std::string &pageToken) {
  std::cerr << "ops token " << ops_token << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: a secret ('ops_token') reaches {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:32: warning: a secret ('ops_token') reaches {{.*}}
  std::cerr << "next " << next_token << " page " << pageToken << "\n";
}
