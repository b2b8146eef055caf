// RUN: %check_appsec_tidy %s appsec-weak-tls-version %t
#include <boost/asio/ssl/context.hpp>

namespace ssl = boost::asio::ssl;

void legacyMethods() {
  ssl::context v1(ssl::context::tlsv1);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: ssl::context::tlsv1 allows only protocols older than TLS 1.2; use ssl::context::tls_client or tls_server with no_tlsv1 and no_tlsv1_1 options; violates Atlassian requirement 3 (Transport layer security) [appsec-weak-tls-version]
  ssl::context v11{boost::asio::ssl::context::tlsv11_client};
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: ssl::context::tlsv11_client allows only protocols older than TLS 1.2; {{.*}}
  ssl::context v3(ssl::context::sslv3_server);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: ssl::context::sslv3_server allows only {{.*}}
  ssl::context v2(ssl::context::sslv2);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: ssl::context::sslv2 allows only {{.*}}
  auto heap = new ssl::context(ssl::context::tlsv1_server);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: ssl::context::tlsv1_server allows only {{.*}}
  delete heap;
}

// The native handle is an OpenSSL SSL_CTX: its minimum is checked too.
void nativeMinimum() {
  ssl::context ctx(ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_VERSION);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the minimum protocol version TLS 1.0 is below TLS 1.2; {{.*}}
  // CHECK-FIXES: SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
}

// --- Must stay silent ---------------------------------------------------------

class Holder {
public:
  // A context member initialised with a modern method.
  Holder() : ctx_(ssl::context::tlsv12_client) {}

private:
  ssl::context ctx_;
};

void modern(ssl::context::method fromConfig) {
  ssl::context a(ssl::context::tls_client);
  ssl::context b(ssl::context::tls_server);
  ssl::context c(ssl::context::tlsv12);
  ssl::context d(ssl::context::tlsv13_client);
  // Generic methods leave the floor to OpenSSL and the system policy.
  ssl::context e(ssl::context::sslv23);
  e.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                ssl::context::no_tlsv1_1);
  ssl::context f(ssl::context::tls);
  ssl::context g(fromConfig);
  ssl::context moved(std::move(a));
}
