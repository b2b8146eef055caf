#pragma once

#include "oatpp/web/server/interceptor/RequestInterceptor.hpp"

#include <openssl/crypto.h>

#include <string>

// Every request except /health must carry the X-Api-Key configured at start-up.
class ApiKeyInterceptor : public oatpp::web::server::interceptor::RequestInterceptor {
public:
  explicit ApiKeyInterceptor(std::string key) : m_key(std::move(key)) {}

  std::shared_ptr<OutgoingResponse> intercept(const std::shared_ptr<IncomingRequest> &request) override {
    auto tail = request->getPathTail();
    if (tail && *tail == "health") return nullptr;
    auto presented = request->getHeader("X-Api-Key");
    if (presented && presented->size() == m_key.size() &&
        CRYPTO_memcmp(presented->data(), m_key.data(), m_key.size()) == 0)
      return nullptr;
    return oatpp::web::protocol::http::outgoing::ResponseFactory::createResponse(
        oatpp::web::protocol::http::Status::CODE_401, "missing or invalid api key");
  }

private:
  std::string m_key;
};
