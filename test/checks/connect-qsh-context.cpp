// RUN: %check_appsec_tidy %s appsec-connect-qsh %t -- -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=NOROUTES %s appsec-connect-qsh %t -- \
// RUN:   -config="{CheckOptions: {appsec-connect-qsh.ContextTokenRoutes: ''}}" -- -std=c++17
// "context-qsh" may be accepted only on context-token routes (default
// ContextTokenRoutes '^/api/', or the annotation). cpp-httplib, a hand-written
// verifier and qsh helper defined in other files, as in examples/connect-app.
#include <httplib.h>

#include <string>

bool verifyHs256(const std::string &token, const std::string &secret);
std::string claimOf(const std::string &token, const char *name);
std::string queryStringHash(const httplib::Request &request);
std::string secretOf(const std::string &token);

enum class QshPolicy { RequestBound, ContextToken };

// Silent by itself: the caller chooses whether context tokens are accepted.
bool authenticate(const httplib::Request &req, QshPolicy policy) {
  const std::string token = req.get_header_value("Authorization").substr(4);
  if (!verifyHs256(token, secretOf(token)))
    return false;
  const std::string qsh = claimOf(token, "qsh");
  return policy == QshPolicy::ContextToken ? qsh == "context-qsh"
                                           : qsh == queryStringHash(req);
}

// Accepts context tokens for every caller.
bool authenticateAny(const httplib::Request &req) {
  const std::string token = req.get_param_value("jwt");
  if (!verifyHs256(token, secretOf(token)))
    return false;
  const std::string qsh = claimOf(token, "qsh");
  return qsh == queryStringHash(req) || qsh == "context-qsh";
  // CHECK-NOTES: :[[@LINE-1]]:41: warning: the fixed qsh "context-qsh" is accepted here for every caller, also (route '/iframe/settings', cpp-httplib), which is not a context-token route: a token from AP.context.getToken() can then be replayed against it; require the request's own qsh there, and accept "context-qsh" only on routes the app's frontend calls, declared with option ContextTokenRoutes or {{\[\[}}clang::annotate("appsec::context_token_route"){{\]\]}}; violates Atlassian requirements 1 (Authenticate and authorize every request) and 8 (Validate untrusted data) [appsec-connect-qsh]
  // CHECK-NOTES: :{{[0-9]+}}:3: note: the route is registered here
  // CHECK-NOTES-NOROUTES: :[[@LINE-3]]:41: warning: the fixed qsh "context-qsh" is accepted here for every caller, also (route '/iframe/settings', cpp-httplib), {{.*}}
  // CHECK-NOTES-NOROUTES: :{{[0-9]+}}:3: note: the route is registered here
}

// Silent: context tokens are turned away.
bool authenticateStrict(const httplib::Request &req) {
  const std::string token = req.get_param_value("jwt");
  if (!verifyHs256(token, secretOf(token)))
    return false;
  const std::string qsh = claimOf(token, "qsh");
  if (qsh == "context-qsh")
    return false;
  return qsh == queryStringHash(req);
}

[[clang::annotate("appsec::context_token_route")]]
void dashboardData(const httplib::Request &req, httplib::Response &res) {
  if (!authenticate(req, QshPolicy::ContextToken)) {
    res.status = 401;
    return;
  }
  res.set_content("{}", "application/json");
}

void routes(httplib::Server &svr) {
  // Silent: request-bound.
  svr.Get("/panel", [](const httplib::Request &req, httplib::Response &res) {
    if (!authenticate(req, QshPolicy::RequestBound))
      res.status = 401;
  });
  // Silent by default: an /api/ route called from the app's iframe.
  svr.Post("/api/notes", [](const httplib::Request &req, httplib::Response &res) {
    if (!authenticate(req, QshPolicy::ContextToken))
    // CHECK-NOTES-NOROUTES: :[[@LINE-1]]:28: warning: this call asks for the fixed qsh "context-qsh" to be accepted (route '/api/notes', cpp-httplib), which is not a context-token route: {{.*}}
    // CHECK-NOTES-NOROUTES: :{{[0-9]+}}:46: note: "context-qsh" is accepted here when the caller asks for it
    // CHECK-NOTES-NOROUTES: :[[@LINE-4]]:3: note: the route is registered here
      res.status = 401;
  });
  // A webhook asking for context tokens.
  svr.Post("/webhook/issue-created", [](const httplib::Request &req, httplib::Response &res) {
    if (!authenticate(req, QshPolicy::ContextToken))
    // CHECK-NOTES: :[[@LINE-1]]:28: warning: this call asks for the fixed qsh "context-qsh" to be accepted (route '/webhook/issue-created', cpp-httplib), which is not a context-token route: a token from AP.context.getToken() can then be replayed against it; {{.*}} [appsec-connect-qsh]
    // CHECK-NOTES: :{{[0-9]+}}:46: note: "context-qsh" is accepted here when the caller asks for it
    // CHECK-NOTES: :[[@LINE-4]]:3: note: the route is registered here
    // CHECK-NOTES-NOROUTES: :[[@LINE-4]]:28: warning: this call asks for the fixed qsh "context-qsh" to be accepted (route '/webhook/issue-created', cpp-httplib), {{.*}}
    // CHECK-NOTES-NOROUTES: :{{[0-9]+}}:46: note: "context-qsh" is accepted here when the caller asks for it
    // CHECK-NOTES-NOROUTES: :[[@LINE-7]]:3: note: the route is registered here
      res.status = 401;
  });
  // Silent: annotated as a context-token route.
  svr.Get("/dashboard-data", dashboardData);
  svr.Get("/iframe/settings", [](const httplib::Request &req, httplib::Response &res) {
    if (!authenticateAny(req))
      res.status = 401;
  });
  // Silent: a context route; the shared helper is reported once, for /iframe/settings.
  svr.Get("/api/search", [](const httplib::Request &req, httplib::Response &res) {
    if (!authenticateAny(req))
      res.status = 401;
  });
  svr.Get("/iframe/strict", [](const httplib::Request &req, httplib::Response &res) {
    if (!authenticateStrict(req))
      res.status = 401;
  });
}
