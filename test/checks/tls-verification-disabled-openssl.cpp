// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled %t
#include <openssl/ssl.h>

// --- Client contexts and connections ---------------------------------------

void clientContext() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SSL_VERIFY_NONE makes this TLS client accept any server certificate; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-FIXES: SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  SSL_CTX_free(ctx);
}

void clientConnection(SSL_CTX *ctx, int fd) {
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_set_verify(ssl, 0, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: SSL_VERIFY_NONE makes this TLS client accept any server certificate; {{.*}}
  // CHECK-FIXES: SSL_set_verify(ssl, SSL_VERIFY_PEER, nullptr);
  SSL_set_tlsext_host_name(ssl, "api.atlassian.com");
  SSL_connect(ssl);
}

// Role unknown (a parameter configured elsewhere): explicitly switching
// verification off is reported; a server shows itself by loading a key.
void configure(SSL_CTX *ctx) {
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SSL_VERIFY_NONE {{.*}}
  // CHECK-FIXES: SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
}

// A named constant is reported, but not rewritten: its other uses would not be.
static const int kNoVerify = SSL_VERIFY_NONE;
void namedConstant(SSL_CTX *ctx) {
  SSL_CTX_set_verify(ctx, kNoVerify, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SSL_VERIFY_NONE {{.*}}
  // CHECK-FIXES: SSL_CTX_set_verify(ctx, kNoVerify, nullptr);
}

// --- Accept-all verify callbacks --------------------------------------------

static int acceptAll(int, X509_STORE_CTX *) { return 1; }
static int acceptAllLogged(int preverify, X509_STORE_CTX *) {
  if (!preverify)
    return 1; // "log and continue"
  return 1;
}
static int keepVerdict(int preverify, X509_STORE_CTX *) { return preverify; }
static int acceptAllCertChains(X509_STORE_CTX *, void *) { return 1; }
static int realChainCheck(X509_STORE_CTX *store, void *) {
  return X509_verify_cert(store);
}

void callbacks(SSL_CTX *ctx) {
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, acceptAll);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: the verify callback returns 1 for every certificate, so verification failures are ignored; {{.*}}
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, &acceptAllLogged);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: the verify callback returns 1 {{.*}}
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER,
                     [](int, X509_STORE_CTX *) { return 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the verify callback returns 1 {{.*}}
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER,
                     +[](int, X509_STORE_CTX *) -> int { return true; });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the verify callback returns 1 {{.*}}
  SSL_CTX_set_cert_verify_callback(ctx, acceptAllCertChains, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: the certificate verification callback accepts every certificate chain; {{.*}}

  // Callbacks that keep OpenSSL's verdict are fine.
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, keepVerdict);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER,
                     [](int ok, X509_STORE_CTX *) { return ok; });
  SSL_CTX_set_cert_verify_callback(ctx, realChainCheck, nullptr);
}

// --- Must stay silent -------------------------------------------------------

void verifyingClient(SSL_CTX *ctx, int mode) {
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT,
                     nullptr);
  SSL_CTX_set_verify(ctx, mode, nullptr); // not a constant
}

// Server side, SSL_VERIFY_NONE only means "do not ask for client certificates".
void serverByMethod() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  SSL_CTX_free(ctx);
}

void serverByKey(SSL_CTX *ctx) {
  SSL_CTX_use_certificate_chain_file(ctx, "/etc/app/cert.pem");
  SSL_CTX_use_PrivateKey_file(ctx, "/etc/app/key.pem", SSL_FILETYPE_PEM);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
}

void serverConnection(int fd) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
  SSL *ssl = SSL_new(ctx);
  SSL_set_verify(ssl, SSL_VERIFY_NONE, nullptr); // inherits the server role of ctx
  SSL_set_fd(ssl, fd);
  SSL_accept(ssl);
}

void acceptedConnection(SSL_CTX *ctx, int fd) {
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_set_min_proto_version(ssl, TLS1_2_VERSION); // SSL_ctrl, but not SNI
  SSL_set_verify(ssl, SSL_VERIFY_NONE, nullptr);
  SSL_accept(ssl);
}

// A member context whose class shows server evidence in another method.
class TlsListener {
public:
  TlsListener() : ctx_(SSL_CTX_new(TLS_method())) {
    SSL_CTX_use_certificate_file(ctx_, "/etc/app/cert.pem", SSL_FILETYPE_PEM);
  }
  void configure() { SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr); }

private:
  SSL_CTX *ctx_;
};

// A member context of a class that connects out.
class AtlassianTlsClient {
public:
  AtlassianTlsClient() : ctx_(SSL_CTX_new(TLS_client_method())) {}
  void configure() { SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr); }
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: SSL_VERIFY_NONE {{.*}}
  // CHECK-FIXES: void configure() { SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, nullptr); }

private:
  SSL_CTX *ctx_;
};

// --- Macros -----------------------------------------------------------------

// The value written in a user macro body: reported at the use, not rewritten.
#define APP_TLS_VERIFY_MODE SSL_VERIFY_NONE
void userMacroValue(SSL_CTX *ctx) {
  SSL_CTX_set_verify(ctx, APP_TLS_VERIFY_MODE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SSL_VERIFY_NONE {{.*}}
  // CHECK-FIXES: SSL_CTX_set_verify(ctx, APP_TLS_VERIFY_MODE, nullptr);
}

// A whole call inside a macro body: reported where the macro is used.
#define APP_DISABLE_VERIFY(c) SSL_CTX_set_verify((c), SSL_VERIFY_NONE, nullptr)
void userMacroCall(SSL_CTX *ctx) {
  APP_DISABLE_VERIFY(ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SSL_VERIFY_NONE {{.*}}
  // CHECK-FIXES: APP_DISABLE_VERIFY(ctx);
}

#define APP_SET_VERIFY(c, m) SSL_CTX_set_verify((c), (m), nullptr)
void macroWithSafeArgument(SSL_CTX *ctx) {
  APP_SET_VERIFY(ctx, SSL_VERIFY_PEER);
}

// Code in a template that is never instantiated says nothing about values.
template <typename Ctx> void generic(Ctx *ctx, int mode) {
  SSL_CTX_set_verify(ctx, mode, nullptr);
}
