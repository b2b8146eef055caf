// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=REPORT %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {appsec-jwt-missing-verification.ReportAuthenticationEndpoints: true}}" -- -std=c++17 -isystem %mocks
// Handlers that establish identity (login, registration, token refresh) and
// handlers authenticated by other means than a JWT (a session cookie looked
// up in a session store, an API key compared with a stored one), with their
// unchecked twins. cpp-httplib 0.11 and libsodium from Debian; jwt-cpp mock.
#include <httplib.h>
#include <jwt-cpp/jwt.h>
#include <sodium.h>

#include <cstring>
#include <map>
#include <set>
#include <string>

std::string storedHashOf(const std::string &user);
void saveUser(const std::string &user, const char *hash);
std::string refreshTokenOwner(const std::string &refreshToken);
std::string signingKey();
void deleteEverything(const std::string &what);

std::set<std::string> sessions;
std::map<std::string, std::string> sessionUsers;
int anonymousSearches = 0;
std::string configuredApiKey;
std::string configuredDeployKey;
std::string loginAndIssueTokens(const std::string &name, const std::string &password);
void startDeployment(const std::string &manifest);
int getUserIdFromToken(const std::string &sessionToken);
int getUserIdFromName(const std::string &name);
void postMessage(int userId, const std::string &text);

static std::string issueToken(const std::string &user) {
  return jwt::create().set_subject(user).sign(jwt::algorithm::hs256{signingKey()});
}

int main() {
  httplib::Server svr;

  // Login: checks the password against the stored hash, issues a token.
  svr.Post("/login", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/login' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    std::string user = req.get_param_value("user");
    std::string hash = storedHashOf(user);
    std::string password = req.get_param_value("password");
    if (crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) != 0) {
      res.status = 401;
      return;
    }
    res.set_content(issueToken(user), "text/plain");
  });

  // Registration: stores a password hash for a new user.
  svr.Post("/register", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/register' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    std::string password = req.get_param_value("password");
    char hash[crypto_pwhash_STRBYTES];
    crypto_pwhash_str(hash, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                      crypto_pwhash_MEMLIMIT_INTERACTIVE);
    saveUser(req.get_param_value("user"), hash);
  });

  // Refresh: a new token for the owner of a refresh token.
  svr.Post("/token/refresh", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/token/refresh' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    std::string owner = refreshTokenOwner(req.body);
    if (owner.empty()) {
      res.status = 401;
      return;
    }
    res.set_content(issueToken(owner), "text/plain");
  });

  // Logout ends the caller's own session: nothing to authenticate first.
  svr.Post("/logout", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/logout' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:23: note: this handler is a logout route ('/logout'): an authentication endpoint, reported because ReportAuthenticationEndpoints is set
    sessions.erase(req.get_header_value("Cookie"));
    res.set_header("Set-Cookie", "sid=; Max-Age=0; Secure; HttpOnly");
  });
  // Its twin only names the logout in the middle of its route: it deletes
  // every session of a user the request names.
  svr.Post("/logout/everyone", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/logout/everyone' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: cpp-httplib handler for route '/logout/everyone' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    sessionUsers.erase(req.get_param_value("user"));
  });

  // Hashing a password is not registering on any route: changing a password
  // needs an authenticated caller.
  svr.Post("/password", [](const httplib::Request &req, httplib::Response &) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/password' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: cpp-httplib handler for route '/password' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    std::string password = req.get_param_value("password");
    char hash[crypto_pwhash_STRBYTES];
    crypto_pwhash_str(hash, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                      crypto_pwhash_MEMLIMIT_INTERACTIVE);
    saveUser(req.get_param_value("user"), hash);
  });

  // A server-side session: the cookie must name a live session.
  svr.Get("/session/notes", [](const httplib::Request &req, httplib::Response &res) {
    std::string sid = req.get_header_value("Cookie");
    if (!sessions.count(sid)) {
      res.status = 401;
      return;
    }
    res.set_content(req.get_param_value("q"), "text/plain");
  });

  // The same lookup through find() == end().
  svr.Get("/session/profile", [](const httplib::Request &req, httplib::Response &res) {
    auto it = sessionUsers.find(req.get_header_value("X-Session-Id"));
    if (it == sessionUsers.end()) {
      res.status = 401;
      return;
    }
    res.set_content(it->second + req.get_param_value("field"), "text/plain");
  });

  // The cookie is read but never looked up.
  svr.Get("/session/unchecked", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/session/unchecked' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: cpp-httplib handler for route '/session/unchecked' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    std::string sid = req.get_header_value("Cookie");
    res.set_content(sid + req.get_param_value("q"), "text/plain");
  });

  // The session is looked up, but a failed lookup is only counted: the
  // request is served either way.
  svr.Get("/session/search", [](const httplib::Request &req, httplib::Response &res) {
    std::string sid = req.get_header_value("Cookie");
    if (!sessions.count(sid))
      ++anonymousSearches;
    res.set_content(req.get_param_value("q"), "text/plain");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: cpp-httplib handler for route '/session/search' uses request value 'q' on a path where the request is not authenticated; make every path authenticate the request, or reject it, before using request data; violates Atlassian requirement 1 {{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: the request's credential is checked here, but not on every path to the use above
    // CHECK-MESSAGES-REPORT: :[[@LINE-3]]:21: warning: cpp-httplib handler for route '/session/search' uses request value 'q' on a path where the request is not authenticated{{.*}}
    // CHECK-MESSAGES-REPORT: :[[@LINE-6]]:10: note: the request's credential is checked here{{.*}}
  });

  // An API key compared with the configured one (string and C comparison).
  svr.Delete("/admin/all", [](const httplib::Request &req, httplib::Response &res) {
    if (req.get_header_value("X-API-Key") != configuredApiKey) {
      res.status = 403;
      return;
    }
    deleteEverything(req.get_param_value("what"));
  });
  svr.Delete("/admin/some", [](const httplib::Request &req, httplib::Response &res) {
    std::string key = req.get_header_value("X-API-Key");
    if (std::strcmp(key.c_str(), configuredApiKey.c_str()) != 0) {
      res.status = 403;
      return;
    }
    deleteEverything(req.get_param_value("what"));
  });

  // The key is only compared with an empty string: a presence check.
  svr.Delete("/admin/presence", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/admin/presence' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: cpp-httplib handler for route '/admin/presence' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    if (req.get_header_value("X-API-Key") == "") {
      res.status = 403;
      return;
    }
    deleteEverything(req.get_param_value("what"));
  });

  // The route says it is the login (the credential check and the token are
  // in another file's service).
  svr.Post("/api/auth", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/api/auth' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
    res.set_content(loginAndIssueTokens(req.get_param_value("name"), req.get_param_value("password")),
                    "application/json");
  });

  // A deployment key in a header named "key", compared with the configured one.
  svr.Post("/api/deploy/start", [](const httplib::Request &req, httplib::Response &res) {
    if (req.get_header_value("key") != configuredDeployKey) {
      res.status = 401;
      return;
    }
    startDeployment(req.body);
  });

  // The same through the header map: find the key, then compare it.
  svr.Post("/api/deploy/push", [](const httplib::Request &req, httplib::Response &res) {
    auto keyIt = req.headers.find("key");
    if (keyIt == req.headers.end()) {
      res.status = 401;
      return;
    }
    auto key = keyIt->second;
    if (key != configuredDeployKey) {
      res.status = 401;
      return;
    }
    startDeployment(req.body);
  });

  // A session token resolved to its user by the project's own lookup (a
  // prepared SELECT ... WHERE token = ? that throws when there is none, in
  // another file): the name says what it does.
  svr.Post("/api/messages", [](const httplib::Request &req, httplib::Response &res) {
    int userId = getUserIdFromToken(req.get_header_value("Cookie"));
    postMessage(userId, req.body);
  });
  // Its twin reads a user name the request states about itself.
  svr.Post("/api/messages/anonymous", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/api/messages/anonymous' serves requests without authenticating them{{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: cpp-httplib handler for route '/api/messages/anonymous' serves requests without authenticating them{{.*}} [appsec-jwt-missing-verification]
    int userId = getUserIdFromName(req.get_header_value("X-User"));
    postMessage(userId, req.body);
  });

  // Library calls that do work are work: an unauthenticated shutdown.
  svr.Post("/shutdown", [&svr](const httplib::Request &, httplib::Response &) { svr.stop(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/shutdown' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:3: warning: cpp-httplib handler for route '/shutdown' serves requests without authenticating them (no JWT verification, session lookup or API-key check on any path){{.*}} [appsec-jwt-missing-verification]

  svr.listen("127.0.0.1", 8080);
}
