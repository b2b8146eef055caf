// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled %t
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using asio::ip::tcp;

// --- Clients ------------------------------------------------------------------

void clientContext() {
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: ssl::verify_none makes this TLS client accept any server certificate; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-FIXES: ctx.set_verify_mode(ssl::verify_peer);
}

void clientStream(asio::io_context &io, ssl::context &tlsCtx,
                  const tcp::resolver::results_type &endpoints) {
  ssl::stream<tcp::socket> stream(io, tlsCtx);
  stream.set_verify_mode(boost::asio::ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ssl::verify_none makes this TLS client {{.*}}
  // CHECK-FIXES: stream.set_verify_mode(boost::asio::ssl::verify_peer);
  asio::connect(stream.next_layer(), endpoints);
  stream.handshake(ssl::stream_base::client);
}

// Role unknown: a generic context configured in a helper.
void configure(ssl::context &shared) {
  shared.set_verify_mode(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ssl::verify_none makes this TLS client {{.*}}
  // CHECK-FIXES: shared.set_verify_mode(boost::asio::ssl::verify_peer);
}

bool acceptAnyCertificate(bool, ssl::verify_context &) { return true; }

void callbacks(ssl::context &ctx, ssl::stream<tcp::socket> &s) {
  ctx.set_verify_mode(ssl::verify_peer);
  ctx.set_verify_callback(
      [](bool /*preverified*/, ssl::verify_context &) { return true; });
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the verify callback returns true for every certificate, so verification failures are ignored; {{.*}}
  s.set_verify_callback(acceptAnyCertificate);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the verify callback returns true {{.*}}

  // Must stay silent: callbacks that keep or strengthen the verdict.
  ctx.set_verify_callback(ssl::host_name_verification("example.atlassian.net"));
  ctx.set_verify_callback([](bool preverified, ssl::verify_context &) {
    return preverified;
  });
}

// --- Must stay silent ---------------------------------------------------------

void verifyingClient(int mode) {
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_default_verify_paths();
  ctx.set_verify_mode(ssl::verify_peer);
  ctx.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
  ctx.set_verify_mode(mode);
}

// On a server, verify_none only means "no client certificates".
void serverContext() {
  ssl::context ctx(ssl::context::tls_server);
  ctx.set_verify_mode(ssl::verify_none);
}

void serverByKey() {
  ssl::context ctx(ssl::context::tls);
  ctx.use_certificate_chain_file("/etc/app/cert.pem");
  ctx.use_private_key_file("/etc/app/key.pem", ssl::context::pem);
  ctx.set_verify_mode(ssl::verify_none);
}

void serverStream(asio::io_context &io, ssl::context &ctx, tcp::acceptor &acceptor) {
  ssl::stream<tcp::socket> stream(io, ctx);
  acceptor.accept(stream.lowest_layer());
  stream.set_verify_mode(ssl::verify_none);
  stream.handshake(ssl::stream_base::server);
}

// A member context; the constructor shows it is a server's.
class HttpsListener {
public:
  explicit HttpsListener(asio::io_context &io)
      : io_(io), ctx_(ssl::context::tls) {
    ctx_.use_certificate_chain_file("/etc/app/cert.pem");
    ctx_.use_private_key_file("/etc/app/key.pem", ssl::context::pem);
  }
  void configure() { ctx_.set_verify_mode(ssl::verify_none); }

private:
  asio::io_context &io_;
  ssl::context ctx_;
};
