// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17
// civetweb 1.15 (Debian 12): authorization handlers for a URI prefix (C API
// mg_set_auth_handler and C++ CivetAuthHandler), verifying with libjwt 1.10
// (Debian 12), and handlers outside their prefix.
#include <CivetServer.h>
#include <civetweb.h>
#include <jwt.h>

#include <cstring>

extern const unsigned char kSecret[];
extern const int kSecretLen;

static int verify_bearer(struct mg_connection *conn, void *) {
  const char *header = mg_get_header(conn, "Authorization");
  jwt_t *token = nullptr;
  if (!header || std::strncmp(header, "Bearer ", 7) != 0 ||
      jwt_decode(&token, header + 7, kSecret, kSecretLen) != 0) {
    mg_send_http_error(conn, 401, "%s", "unauthorized");
    return 0;
  }
  jwt_free(token);
  return 1;
}

static int api_notes(struct mg_connection *conn, void *) {
  char body[1024];
  int n = mg_read(conn, body, sizeof body);
  mg_printf(conn, "HTTP/1.1 200 OK\r\n\r\n%.*s", n, body);
  return 200;
}

static int admin_reset(struct mg_connection *conn, void *) {
  char body[64];
  mg_read(conn, body, sizeof body);
  return 204;
}

void start(struct mg_context *ctx) {
  mg_set_auth_handler(ctx, "/api", verify_bearer, nullptr);
  mg_set_request_handler(ctx, "/api/notes", api_notes, nullptr);
  mg_set_request_handler(ctx, "/admin/reset", admin_reset, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: civetweb handler for route '/admin/reset' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
  // CHECK-MESSAGES: :[[@LINE-11]]:12: note: handler defined here
}

class TokenAuth : public CivetAuthHandler {
public:
  bool authorize(CivetServer *, struct mg_connection *conn) override {
    return verify_bearer(conn, nullptr) == 1;
  }
};

class ItemsHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    std::string q;
    CivetServer::getParam(conn, "q", q);
    mg_printf(conn, "HTTP/1.1 200 OK\r\n\r\n%s", q.c_str());
    return true;
  }
};

class ExportHandler : public CivetHandler {
public:
  bool handlePost(CivetServer *, struct mg_connection *conn) override {
    std::string body = CivetServer::getPostData(conn);
    return !body.empty();
  }
};

void startCpp(CivetServer &server, TokenAuth &auth, ItemsHandler &items, ExportHandler &exports) {
  server.addAuthHandler("/items", auth);
  server.addHandler("/items", items);
  server.addHandler("/export", exports);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: civetweb handler for route '/export' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
}
