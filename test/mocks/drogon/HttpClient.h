// Test mock of Drogon: imitates lib/inc/drogon/HttpClient.h (v1.9.x). Not Drogon's code.
#pragma once

#include <drogon/HttpRequest.h>
#include <drogon/HttpResponse.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace trantor {
class EventLoop;
}

namespace drogon {

class HttpClient;
using HttpClientPtr = std::shared_ptr<HttpClient>;
using HttpReqCallback = std::function<void(ReqResult, const HttpResponsePtr &)>;

class HttpClient {
public:
  virtual void sendRequest(const HttpRequestPtr &req, const HttpReqCallback &callback,
                           double timeout = 0) = 0;
  std::pair<ReqResult, HttpResponsePtr> sendRequest(const HttpRequestPtr &req, double timeout = 0);
  static HttpClientPtr newHttpClient(const std::string &ip, uint16_t port, bool useSSL = false,
                                     trantor::EventLoop *loop = nullptr, bool useOldTLS = false,
                                     bool validateCert = true);
  /// "http://host[:port]" or "https://host[:port]".
  static HttpClientPtr newHttpClient(const std::string &hostString,
                                     trantor::EventLoop *loop = nullptr, bool useOldTLS = false,
                                     bool validateCert = true);
  virtual ~HttpClient() {}
};

} // namespace drogon
