// RUN: %check_appsec_tidy %s appsec-weak-tls-version %t
#include <openssl/ssl.h>

// --- Version-specific methods -------------------------------------------------

void legacyMethods() {
  SSL_CTX *a = SSL_CTX_new(TLSv1_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: TLSv1_method() only speaks a protocol older than TLS 1.2; use TLS_client_method() or TLS_server_method() with SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); violates Atlassian requirement 3 (Transport layer security) [appsec-weak-tls-version]
  SSL_CTX *b = SSL_CTX_new(TLSv1_1_client_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: TLSv1_1_client_method() only speaks a protocol older than TLS 1.2; {{.*}}
  SSL_CTX *c = SSL_CTX_new(TLSv1_server_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: TLSv1_server_method() only speaks {{.*}}
  SSL_CTX *d = SSL_CTX_new(DTLSv1_client_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: DTLSv1_client_method() only speaks {{.*}}
  SSL_CTX_free(a);
  SSL_CTX_free(b);
  SSL_CTX_free(c);
  SSL_CTX_free(d);
}

// --- Minimum and maximum versions ---------------------------------------------

void minimums(SSL_CTX *ctx, SSL *ssl) {
  SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version TLS 1.0 is below TLS 1.2; {{.*}}
  // CHECK-FIXES: SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_min_proto_version(ctx, TLS1_1_VERSION); // tls11
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version TLS 1.1 is below TLS 1.2; {{.*}}
  // CHECK-FIXES: SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); // tls11
  SSL_CTX_set_min_proto_version(ctx, SSL3_VERSION); // ssl3
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version SSL 3.0 is below TLS 1.2; {{.*}}
  // CHECK-FIXES: SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); // ssl3
  SSL_CTX_set_min_proto_version(ctx, 0); // zero
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: a minimum protocol version of 0 allows the oldest protocol the library supports; require TLS1_2_VERSION; {{.*}}
  // CHECK-FIXES: SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); // zero
  SSL_set_min_proto_version(ssl, 0x0301); // per connection
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version TLS 1.0 is below TLS 1.2; {{.*}}
  // CHECK-FIXES: SSL_set_min_proto_version(ssl, TLS1_2_VERSION); // per connection
  SSL_CTX_set_min_proto_version(ctx, DTLS1_VERSION); // dtls
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version DTLS 1.0 is below TLS 1.2; {{.*}}
  // DTLS has its own version numbers: no rewrite to TLS1_2_VERSION.
  // CHECK-FIXES: SSL_CTX_set_min_proto_version(ctx, DTLS1_VERSION); // dtls
}

void maximums(SSL_CTX *ctx, SSL *ssl) {
  SSL_CTX_set_max_proto_version(ctx, TLS1_1_VERSION);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the maximum protocol version is capped at TLS 1.1, below TLS 1.2; {{.*}}
  SSL_set_max_proto_version(ssl, TLS1_VERSION);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the maximum protocol version is capped at TLS 1.0, below TLS 1.2; {{.*}}
}

// A named constant or a macro of the user's own is reported but not rewritten.
static const int kOldestVersion = TLS1_VERSION;
#define APP_MIN_TLS TLS1_1_VERSION
void namedValues(SSL_CTX *named) {
  SSL_CTX_set_min_proto_version(named, kOldestVersion);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version TLS 1.0 {{.*}}
  // CHECK-FIXES: SSL_CTX_set_min_proto_version(named, kOldestVersion);
  SSL_CTX_set_min_proto_version(named, APP_MIN_TLS);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version TLS 1.1 {{.*}}
  // CHECK-FIXES: SSL_CTX_set_min_proto_version(named, APP_MIN_TLS);
}

// A user's wrapper macro: reported where it is used.
#define APP_ALLOW_LEGACY_TLS(c) SSL_CTX_set_min_proto_version((c), TLS1_VERSION)
void wrapper(SSL_CTX *wrapped) {
  APP_ALLOW_LEGACY_TLS(wrapped);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version TLS 1.0 {{.*}}
  // CHECK-FIXES: APP_ALLOW_LEGACY_TLS(wrapped);
}

// --- Must stay silent ---------------------------------------------------------

void modern(SSL_CTX *ctx, SSL *ssl, int fromConfig) {
  SSL_CTX *client = SSL_CTX_new(TLS_client_method());
  SSL_CTX *server = SSL_CTX_new(TLS_server_method());
  SSL_CTX *generic = SSL_CTX_new(SSLv23_method()); // a name for TLS_method
  SSL_CTX *pinned = SSL_CTX_new(TLSv1_2_client_method());
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
  SSL_set_min_proto_version(ssl, TLS1_2_VERSION);
  SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION);
  SSL_CTX_set_max_proto_version(ctx, 0); // 0 = the highest supported
  SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
  SSL_CTX_set_min_proto_version(ctx, fromConfig); // run-time value
  long min = SSL_CTX_get_min_proto_version(ctx);  // reading is fine
  SSL_set_tlsext_host_name(ssl, "example.atlassian.net"); // other SSL_ctrl
  (void)min;
  SSL_CTX_free(client);
  SSL_CTX_free(server);
  SSL_CTX_free(generic);
  SSL_CTX_free(pinned);
}
