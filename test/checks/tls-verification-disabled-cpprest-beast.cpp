// RUN: %check_appsec_tidy %s appsec-tls-verification-disabled %t -- -- -std=c++17
// cpprestsdk 2.10.18 and Boost.Beast 1.81 from Debian 12: clients that
// switch certificate verification off, and their twins that keep it on.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <cpprest/http_client.h>
#include <cpprest/ws_client.h>

namespace beast = boost::beast;
namespace ssl = boost::asio::ssl;

web::http::client::http_client jiraClient(bool insecure) {
  web::http::client::http_client_config config;
  config.set_validate_certificates(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: set_validate_certificates(false) makes this cpprestsdk client accept any server certificate; violates Atlassian requirement 3 (Transport layer security) [appsec-tls-verification-disabled]
  // CHECK-FIXES: config.set_validate_certificates(true);
  return web::http::client::http_client(U("https://example.atlassian.net"), config);
}

void webSocketClient() {
  web::websockets::client::websocket_client_config config;
  config.set_validate_certificates(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: set_validate_certificates(false) makes this cpprestsdk client {{.*}}
  // CHECK-FIXES: config.set_validate_certificates(true);
  web::websockets::client::websocket_client client(config);
}

// Silent: verification on, or chosen at run time from configuration.
web::http::client::http_client_config verifiedConfig(bool validate) {
  web::http::client::http_client_config config;
  config.set_validate_certificates(true);
  config.set_validate_certificates(validate);
  return config;
}

void beastClient(boost::asio::io_context &io, ssl::context &ctx) {
  beast::ssl_stream<beast::tcp_stream> stream(io, ctx);
  stream.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ssl::verify_none makes this TLS client accept any server certificate; {{.*}}
  // CHECK-FIXES: stream.set_verify_mode(ssl::verify_peer);
  stream.handshake(ssl::stream_base::client);
}

// Silent: the Beast stream verifies its peer.
void beastVerifiedClient(boost::asio::io_context &io, ssl::context &ctx) {
  beast::ssl_stream<beast::tcp_stream> stream(io, ctx);
  stream.set_verify_mode(ssl::verify_peer);
  stream.handshake(ssl::stream_base::client);
}
