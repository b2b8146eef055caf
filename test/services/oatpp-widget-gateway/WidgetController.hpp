#pragma once

#include "HttpClient.hpp"

#include "oatpp/core/macro/codegen.hpp"
#include "oatpp/core/macro/component.hpp"
#include "oatpp/web/server/api/ApiController.hpp"

#include <iostream>
#include <map>
#include <set>

#include OATPP_CODEGEN_BEGIN(ApiController)

struct GatewayConfig {
  std::string weatherApiKey;
  std::string weatherBase = "https://api.weatherprovider.example.com/v3";
  bool insecureUpstream = false;
};

class WidgetController : public oatpp::web::server::api::ApiController {
public:
  WidgetController(const GatewayConfig &cfg, OATPP_COMPONENT(std::shared_ptr<ObjectMapper>, objectMapper))
      : oatpp::web::server::api::ApiController(objectMapper), m_cfg(cfg), m_client(!cfg.insecureUpstream) {
    std::cout << "weather provider " << m_cfg.weatherBase << " key=" << m_cfg.weatherApiKey << std::endl; // expect: appsec-sensitive-logging
  }

  ENDPOINT("GET", "/widgets/weather", weather, QUERY(String, city), QUERY(String, units, "units", "metric")) {
    static const std::set<std::string> kUnits = {"metric", "imperial", "standard"};
    std::string u = kUnits.count(*units) ? *units : "metric";
    std::string url = m_cfg.weatherBase + "/current?q=" + HttpClient::escape(*city) + "&units=" + u +
                      "&appid=" + m_cfg.weatherApiKey;
    auto res = m_client.get(url); // expect: appsec-secret-in-url
    if (!res) return createResponse(Status::CODE_500, "upstream unavailable");
    auto out = createResponse(Status::CODE_200, res->body);
    out->putHeader(Header::CONTENT_TYPE, "application/json");
    return out;
  }

  ENDPOINT("GET", "/widgets/rss", rss, QUERY(String, feed)) {
    auto res = m_client.get(*feed); // expect: appsec-ssrf
    if (!res || res->status != 200) return createResponse(Status::CODE_500, "feed unavailable");
    auto out = createResponse(Status::CODE_200, res->body);
    out->putHeader(Header::CONTENT_TYPE, "application/rss+xml");
    return out;
  }

  ENDPOINT("GET", "/widgets/status/{provider}", providerStatus, PATH(String, provider)) {
    static const std::map<std::string, std::string> kStatusPages = {
        {"github", "https://www.githubstatus.com/api/v2/status.json"},
        {"slack", "https://status.slack.com/api/v2.0.0/current"},
    };
    auto it = kStatusPages.find(*provider);
    if (it == kStatusPages.end()) return createResponse(Status::CODE_404, "unknown provider");
    auto res = m_client.get(it->second);
    if (!res) return createResponse(Status::CODE_500, "status unavailable");
    return createResponse(Status::CODE_200, res->body);
  }

  ENDPOINT("GET", "/out", outbound, QUERY(String, url), QUERY(String, src, "src", "widget")) {
    std::cout << "outbound click from " << *src << std::endl;
    auto res = createResponse(Status::CODE_302, "");
    res->putHeader("Location", *url); // expect: appsec-open-redirect
    return res;
  }

  ENDPOINT("GET", "/docs", docs, QUERY(String, section, "section", "intro")) {
    static const std::set<std::string> kSections = {"intro", "weather", "rss", "status"};
    auto res = createResponse(Status::CODE_302, "");
    res->putHeader("Location", "/static/docs/" + (kSections.count(*section) ? *section : std::string("intro")) + ".html");
    return res;
  }

private:
  GatewayConfig m_cfg;
  HttpClient m_client;
};

#include OATPP_CODEGEN_END(ApiController)
