#include "http_client.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <iostream>
#include <regex>

using Poco::Net::HTTPRequestHandler;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;
using nlohmann::json;

namespace {

std::string read_body(HTTPServerRequest &req) {
  std::string body;
  Poco::StreamCopier::copyToString(req.stream(), body);
  return body;
}

void send(HTTPServerResponse &res, HTTPResponse::HTTPStatus status, const std::string &text,
          const std::string &type = "text/plain") {
  res.setStatus(status);
  res.setContentType(type);
  res.send() << text;
}

class RelayHandler : public HTTPRequestHandler {
public:
  RelayHandler(const RelayConfig &cfg, HttpClient &client) : cfg_(cfg), client_(client) {}

  void handleRequest(HTTPServerRequest &req, HTTPServerResponse &res) override {
    Poco::URI uri(req.getURI());
    const auto path = uri.getPath();
    const bool post = req.getMethod() == "POST";
    if (post && path == "/hooks/forward")
      return forward(req, res);
    if (post && path.rfind("/hooks/deliver/", 0) == 0)
      return deliver(path.substr(15), req, res);
    if (path == "/preview")
      return preview(uri, res);
    if (post && path == "/alerts")
      return alert(req, res);
    if (path == "/healthz")
      return send(res, HTTPResponse::HTTP_OK, "ok");
    send(res, HTTPResponse::HTTP_NOT_FOUND, "not found");
  }

private:
  // Generic relay: {"target": "...", "payload": {...}}
  void forward(HTTPServerRequest &req, HTTPServerResponse &res) {
    auto body = json::parse(read_body(req), nullptr, false);
    if (body.is_discarded() || !body.contains("target"))
      return send(res, HTTPResponse::HTTP_BAD_REQUEST, "target required");
    const auto target = body["target"].get<std::string>();
    if (target.rfind("http://", 0) != 0 && target.rfind("https://", 0) != 0)
      return send(res, HTTPResponse::HTTP_BAD_REQUEST, "unsupported scheme");
    auto result = client_.post_json(target, body.value("payload", json::object()).dump()); // expect: appsec-ssrf
    record_metric("forward", result.ok());
    send(res, result.ok() ? HTTPResponse::HTTP_ACCEPTED : HTTPResponse::HTTP_BAD_GATEWAY,
         result.error);
  }

  void deliver(const std::string &subscriber, HTTPServerRequest &req, HTTPServerResponse &res) {
    auto result = client_.deliver(subscriber, read_body(req));
    record_metric("deliver", result.ok());
    send(res, result.ok() ? HTTPResponse::HTTP_ACCEPTED : HTTPResponse::HTTP_BAD_GATEWAY,
         result.error);
  }

  void preview(const Poco::URI &uri, HTTPServerResponse &res) {
    static const std::regex kUrl(R"(^https://([a-z0-9.-]+)/([A-Za-z0-9._~/-]*)$)");
    std::string url;
    for (const auto &[key, value] : uri.getQueryParameters())
      if (key == "url")
        url = value;
    std::smatch m;
    if (!std::regex_match(url, m, kUrl))
      return send(res, HTTPResponse::HTTP_BAD_REQUEST, "bad url");
    auto result = client_.fetch_preview(m[1].str(), m[2].str());
    if (!result.ok())
      return send(res, HTTPResponse::HTTP_BAD_GATEWAY, result.error);
    json out = {{"status", result.status}, {"bytes", result.body.size()}};
    send(res, HTTPResponse::HTTP_OK, out.dump(), "application/json");
  }

  void alert(HTTPServerRequest &req, HTTPServerResponse &res) {
    auto body = json::parse(read_body(req), nullptr, false);
    if (body.is_discarded())
      return send(res, HTTPResponse::HTTP_BAD_REQUEST, "bad json");
    std::string url = cfg_.pager_base + "/v2/enqueue?routing_key=" + cfg_.pager_token;
    json event = {{"event_action", "trigger"},
                  {"payload",
                   {{"summary", body.value("summary", "alert")},
                    {"severity", body.value("severity", "error")},
                    {"source", "hook-relay"}}}};
    auto result = client_.post_json(url, event.dump()); // expect: appsec-secret-in-url
    send(res, result.ok() ? HTTPResponse::HTTP_ACCEPTED : HTTPResponse::HTTP_BAD_GATEWAY,
         result.error);
  }

  void record_metric(const std::string &name, bool ok) {
    if (cfg_.metrics_api_key.empty())
      return;
    std::string url = cfg_.metrics_base + "/v1/incr?name=relay." + name + (ok ? ".ok" : ".fail");
    url += "&api_key=" + cfg_.metrics_api_key;
    auto r = client_.get(url); // expect: appsec-secret-in-url
    if (!r.ok())
      std::cerr << "metrics push failed: " << r.error << std::endl;
  }

  const RelayConfig &cfg_;
  HttpClient &client_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  Factory(const RelayConfig &cfg, HttpClient &client) : cfg_(cfg), client_(client) {}
  HTTPRequestHandler *createRequestHandler(const HTTPServerRequest &) override {
    return new RelayHandler(cfg_, client_);
  }

private:
  const RelayConfig &cfg_;
  HttpClient &client_;
};

} // namespace

int main() {
  auto cfg = RelayConfig::from_env();
  HttpClient client(cfg);
  Poco::Net::ServerSocket socket(cfg.port);
  Poco::Net::HTTPServer server(new Factory(cfg, client), socket, new Poco::Net::HTTPServerParams);
  server.start();
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  int sig = 0;
  sigwait(&set, &sig);
  server.stop();
}
