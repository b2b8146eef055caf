#pragma once

#include <boost/asio/ssl.hpp>

#include <optional>
#include <string>

struct FetchResult {
  unsigned status = 0;
  std::string content_type;
  std::string body;
};

struct ParsedUrl {
  std::string host;
  std::string port = "443";
  std::string target = "/";
};

std::optional<ParsedUrl> parse_https_url(const std::string &url);

class HttpsFetcher {
public:
  HttpsFetcher();
  // GET https://host:port/target, following no redirects.
  std::optional<FetchResult> get(const std::string &host, const std::string &port, const std::string &target);
  std::optional<FetchResult> get_legacy(const std::string &host, const std::string &target);

private:
  std::optional<FetchResult> run(boost::asio::ssl::context &ctx, const std::string &host, const std::string &port,
                                 const std::string &target);
  boost::asio::ssl::context ctx_;
  boost::asio::ssl::context legacy_ctx_;
};
