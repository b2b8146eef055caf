// widget-gateway - backend for the dashboard widgets (weather, RSS, vendor
// status pages). Keeps the provider API keys out of the browser.
#include "WidgetController.hpp"

#include "oatpp/web/server/HttpRouter.hpp"
#include "oatpp/web/server/interceptor/RequestInterceptor.hpp"

#include <cstdlib>
#include <cstring>

int main() {
  GatewayConfig cfg;
  if (const char *k = std::getenv("WEATHER_API_KEY")) cfg.weatherApiKey = k;
  if (const char *b = std::getenv("WEATHER_BASE")) cfg.weatherBase = b;
  if (const char *i = std::getenv("GATEWAY_INSECURE_UPSTREAM")) cfg.insecureUpstream = std::strcmp(i, "1") == 0;

  auto router = oatpp::web::server::HttpRouter::createShared();
  router->addController(std::make_shared<WidgetController>(cfg));
  auto handler = oatpp::web::server::HttpConnectionHandler::createShared(router);
  return handler ? 0 : 1;
}
