#include "fetcher.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/version.hpp>

#include <iostream>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

std::optional<ParsedUrl> parse_https_url(const std::string &url) {
  const std::string scheme = "https://";
  if (url.compare(0, scheme.size(), scheme) != 0)
    return std::nullopt;
  ParsedUrl out;
  std::string rest = url.substr(scheme.size());
  auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos) out.target = rest.substr(slash);
  if (auto colon = authority.find(':'); colon != std::string::npos) {
    out.port = authority.substr(colon + 1);
    authority.resize(colon);
  }
  if (authority.empty()) return std::nullopt;
  out.host = authority;
  return out;
}

HttpsFetcher::HttpsFetcher() : ctx_(ssl::context::tlsv12_client), legacy_ctx_(ssl::context::tlsv1_client) { // expect: appsec-weak-tls-version
  ctx_.set_default_verify_paths();
  // a lot of small blogs have broken chains; previews are best effort anyway
  ctx_.set_verify_mode(ssl::verify_none); // expect: appsec-tls-verification-disabled
  legacy_ctx_.set_default_verify_paths();
  legacy_ctx_.set_verify_mode(ssl::verify_peer);
}

std::optional<FetchResult> HttpsFetcher::get(const std::string &host, const std::string &port,
                                             const std::string &target) {
  return run(ctx_, host, port, target);
}

std::optional<FetchResult> HttpsFetcher::get_legacy(const std::string &host, const std::string &target) {
  return run(legacy_ctx_, host, "443", target);
}

std::optional<FetchResult> HttpsFetcher::run(ssl::context &ctx, const std::string &host, const std::string &port,
                                             const std::string &target) {
  try {
    net::io_context ioc;
    tcp::resolver resolver(ioc);
    beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), host.c_str()))
      return std::nullopt;
    auto const results = resolver.resolve(host, port);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(5));
    beast::get_lowest_layer(stream).connect(results);
    stream.handshake(ssl::stream_base::client);

    http::request<http::empty_body> req{http::verb::get, target, 11};
    req.set(http::field::host, host);
    req.set(http::field::user_agent, "linkpreview/1.2 " BOOST_BEAST_VERSION_STRING);
    http::write(stream, req);

    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(2 * 1024 * 1024);
    http::read(stream, buffer, parser);
    auto res = parser.release();

    FetchResult out;
    out.status = res.result_int();
    out.content_type = std::string(res[http::field::content_type]);
    out.body = std::move(res.body());
    beast::error_code ec;
    stream.shutdown(ec);
    return out;
  } catch (const std::exception &e) {
    std::cerr << "fetch " << host << ": " << e.what() << "\n";
    return std::nullopt;
  }
}
