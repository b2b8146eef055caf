// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=ELSEWHERE %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {appsec-jwt-missing-verification.MiddlewareElsewhere: 'cpp-httplib'}}" -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=PUBLIC %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {appsec-jwt-missing-verification.PublicRoutes: '^/version$;^/atlassian-connect.json$;^/healthz$'}}" -- -std=c++17 -isystem %mocks
// Request handlers of cpp-httplib 0.11 (Debian 12, /usr/include/httplib.h)
// that must verify the request's JWT (Atlassian requirement 1), with
// jwt-cpp (mock) as the JWT library.
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <optional>
#include <string>

std::string secretFor(const std::string &clientKey);
void deleteNote(const std::string &id);
void logLine(const std::string &line);
std::string buildInfo();

// A helper defined here that verifies: handlers calling it are verified.
std::optional<std::string> accountOf(const httplib::Request &req) {
  auto token = req.get_header_value("Authorization");
  auto decoded = jwt::decode(token.substr(4));
  jwt::verify()
      .allow_algorithm(jwt::algorithm::hs256{secretFor(decoded.get_issuer())})
      .with_issuer(decoded.get_issuer())
      .verify(decoded);
  return decoded.get_subject();
}

// Declared only (defined in another file): its name says it authenticates.
bool authenticateRequest(const httplib::Request &req, std::string &why);

void routes(httplib::Server &svr) {
  // Verified in the handler itself.
  svr.Get("/api/me", [](const httplib::Request &req, httplib::Response &res) {
    const std::string token = req.get_header_value("Authorization");
    if (token.empty()) {
      res.status = 401;
      return;
    }
    auto decoded = jwt::decode(token);
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{"k"}).verify(decoded);
    res.set_content(req.get_param_value("fields"), "text/plain");
  });

  // Verified in a helper it calls.
  svr.Post("/api/notes", [](const httplib::Request &req, httplib::Response &res) {
    auto account = accountOf(req);
    if (!account) {
      res.status = 401;
      return;
    }
    res.set_content(req.body, "application/json");
  });

  // Verified by a function of another file, recognised by its name; its
  // result decides.
  svr.Delete(R"(/api/notes/(\d+))", [](const httplib::Request &req, httplib::Response &res) {
    std::string why;
    if (!authenticateRequest(req, why)) {
      res.status = 401;
      res.set_content(why, "text/plain");
      return;
    }
    deleteNote(req.matches[1]);
  });

  // Never verified.
  svr.Post("/api/admin/reset", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-PUBLIC: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/api/admin/reset' serves requests without verifying a JWT{{.*}}
    // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: cpp-httplib handler for route '/api/admin/reset' serves requests without verifying a JWT; verify the token (signature with a pinned algorithm, exp, iss) in the handler, in a function it calls or in middleware that runs first, or list the route in PublicRoutes if it is meant to be public; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
    deleteNote(req.get_param_value("all"));
    res.status = 204;
  });

  // The verification's result is thrown away.
  svr.Get("/api/export", [](const httplib::Request &req, httplib::Response &res) {
    std::string why;
    authenticateRequest(req, why);
    // CHECK-MESSAGES-PUBLIC: :[[@LINE-1]]:5: warning: cpp-httplib handler for route '/api/export' calls authenticateRequest() but ignores its result{{.*}}
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: cpp-httplib handler for route '/api/export' calls authenticateRequest() but ignores its result, so a request whose token fails verification is served anyway; check the result and answer 401 when it fails; violates Atlassian requirement 1 {{.*}} [appsec-jwt-missing-verification]
    res.set_content(req.get_param_value("issue"), "text/plain");
  });

  // Verified on one path only: a "debug" query parameter skips it.
  svr.Get("/api/issues", [](const httplib::Request &req, httplib::Response &res) {
    if (req.get_param_value("debug") != "1") {
      std::string why;
      if (!authenticateRequest(req, why)) {
        res.status = 401;
        return;
      }
    }
    res.set_content(req.get_param_value("jql"), "application/json");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: cpp-httplib handler for route '/api/issues' uses request value 'jql' on a path where the JWT is not verified; make every path verify the token, or reject the request, before using request data; violates Atlassian requirement 1 {{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-PUBLIC: :[[@LINE-2]]:21: warning: cpp-httplib handler for route '/api/issues' uses request value 'jql'{{.*}}
  });

  // A failed verification is only logged: the request is served anyway.
  svr.Get("/api/search", [](const httplib::Request &req, httplib::Response &res) {
    std::string why;
    if (!authenticateRequest(req, why))
      logLine("search: " + why);
    res.set_content(req.get_param_value("q"), "text/plain");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: cpp-httplib handler for route '/api/search' uses request value 'q' on a path where the JWT is not verified; make every path verify the token, or reject the request, before using request data; violates Atlassian requirement 1 {{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-PUBLIC: :[[@LINE-2]]:21: warning: cpp-httplib handler for route '/api/search' uses request value 'q'{{.*}}
  });

  // Verified in a compound condition: the else-branch, taken when the token
  // fails, answers 401.
  svr.Patch("/api/notes", [](const httplib::Request &req, httplib::Response &res) {
    std::string why;
    if (authenticateRequest(req, why) && !req.body.empty()) {
      res.set_content(req.body, "application/json");
    } else {
      res.status = 401;
    }
  });

  // The token's own reading, and reads on paths that answer with an error,
  // are not trusting the request.
  svr.Put("/api/settings", [](const httplib::Request &req, httplib::Response &res) {
    if (!req.has_header("Authorization") || req.body.empty()) {
      res.status = 400;
      return;
    }
    std::string why;
    if (!authenticateRequest(req, why))
      throw std::runtime_error(why);
    res.set_content(req.body, "application/json");
  });

  // The verification's result kept in a local: a failure is only logged,
  // and the body (a field handed to a function) is used anyway.
  svr.Post("/api/comments", [](const httplib::Request &req, httplib::Response &res) {
    std::string why;
    bool ok = authenticateRequest(req, why);
    if (!ok)
      logLine("comments: " + why);
    deleteNote(req.body);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: cpp-httplib handler for route '/api/comments' uses request field 'body' on a path where the JWT is not verified; {{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES: :[[@LINE-5]]:15: note: the token is verified here, but not on every path to the use above
    // CHECK-MESSAGES-PUBLIC: :[[@LINE-3]]:16: warning: cpp-httplib handler for route '/api/comments' uses request field 'body'{{.*}}
    // CHECK-MESSAGES-PUBLIC: :[[@LINE-7]]:15: note: the token is verified here{{.*}}
  });
  // Its twin answers 401 when the local says the token failed.
  svr.Post("/api/comments/v2", [](const httplib::Request &req, httplib::Response &res) {
    std::string why;
    bool ok = authenticateRequest(req, why);
    if (!ok) {
      res.status = 401;
      return;
    }
    deleteNote(req.body);
  });

  // Public by the default PublicRoutes: the Connect descriptor, health checks.
  svr.Get("/atlassian-connect.json", [](const httplib::Request &, httplib::Response &res) {
    res.set_content("{}", "application/json");
  });
  svr.Get("/healthz", [](const httplib::Request &, httplib::Response &res) { res.status = 200; });
  // Public by the PUBLIC run's option only.
  svr.Get("/version", [](const httplib::Request &, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/version' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    res.set_content(buildInfo(), "text/plain");
  });
}

// Public by annotation.
[[clang::annotate("appsec::public_route")]] void landing(const httplib::Request &,
                                                         httplib::Response &res) {
  res.set_content("<h1>Issue Notes</h1>", "text/html");
}

// Handlers on a server whose pre-routing handler verifies every request.
void protectedServer(httplib::Server &api) {
  api.set_pre_routing_handler([](const httplib::Request &req, httplib::Response &res) {
    std::string why;
    if (!authenticateRequest(req, why)) {
      res.status = 401;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  api.Get("/api/projects", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(req.get_param_value("q"), "text/plain");
  });
  api.Get("/landing", landing);
}

// A pre-routing handler that decodes the token and passes every request on
// without checking its signature: one finding there, for the routes of this
// server that rely on it alone.
void trustingServer(httplib::Server &svr) {
  svr.set_pre_routing_handler([](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib pre-routing handler reads the request's token and passes the request on without verifying it, so the 2 routes it guards serve requests anyone can forge; verify the token (signature with a pinned algorithm, exp, iss) before returning HandlerResponse::Unhandled, and answer 401 when it fails; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-PUBLIC: :[[@LINE-2]]:3: warning: cpp-httplib pre-routing handler reads the request's token{{.*}}
    auto decoded = jwt::decode(req.get_header_value("Authorization").substr(7));
    res.set_header("X-Account", decoded.get_subject());
    // With the middleware assumed elsewhere, the claim read is reported on its own.
    // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-2]]:33: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data{{.*}}
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.Get(R"(/api/notes/(\w+))", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(req.matches[1], "text/plain");
  });
  svr.Delete(R"(/api/notes/(\w+))", [](const httplib::Request &req, httplib::Response &) {
    deleteNote(req.matches[1]);
  });
  // Verifies in the handler (accountOf above): silent.
  svr.Get("/api/me", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(accountOf(req).value_or(""), "text/plain");
  });
}


// Pre-routing handlers defined in another file: judged by their names until
// the cross-file analysis reads them (see the check's docs).
httplib::Server::HandlerResponse requireBearerToken(const httplib::Request &, httplib::Response &);
httplib::Server::HandlerResponse logRequest(const httplib::Request &, httplib::Response &);

void gatedElsewhere(httplib::Server &svr) {
  svr.set_pre_routing_handler(requireBearerToken);
  svr.Get("/api/reports", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(req.get_param_value("q"), "text/plain");
  });
}

void loggedOnly(httplib::Server &svr) {
  svr.set_pre_routing_handler(logRequest);
  svr.Get("/api/audit", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/api/audit' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    // CHECK-MESSAGES-PUBLIC: :[[@LINE-2]]:3: warning: cpp-httplib handler for route '/api/audit' serves requests without verifying a JWT{{.*}}
    res.set_content(req.get_param_value("q"), "text/plain");
  });
}
