// mediad - stores images uploaded by the CMS and serves thumbnails.
#include "ApiKeyInterceptor.hpp"
#include "MediaController.hpp"

#include "oatpp/web/server/HttpRouter.hpp"

#include <cstdlib>
#include <iostream>

int main(int argc, char **argv) {
  MediaConfig cfg;
  if (argc > 1) cfg.root = argv[1];
  if (argc > 2) cfg.thumbs = argv[2];
  const char *key = std::getenv("MEDIAD_API_KEY");
  if (!key || !*key) {
    std::cerr << "MEDIAD_API_KEY is required\n";
    return 1;
  }

  auto router = oatpp::web::server::HttpRouter::createShared();
  router->addController(std::make_shared<MediaController>(cfg));
  auto handler = oatpp::web::server::HttpConnectionHandler::createShared(router);
  handler->addRequestInterceptor(std::make_shared<ApiKeyInterceptor>(key));
  std::cout << "mediad serving " << cfg.root << std::endl;
  return 0;
}
