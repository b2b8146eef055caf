#pragma once

#include "AuthHandler.hpp"

#include "oatpp/core/macro/codegen.hpp"
#include "oatpp/core/macro/component.hpp"
#include "oatpp/web/server/api/ApiController.hpp"

#include <jwt-cpp/jwt.h>
#include <nlohmann/json.hpp>

#include <map>
#include <mutex>

#include OATPP_CODEGEN_BEGIN(ApiController)

struct Order {
  std::string id, owner, item, status;
  int quantity = 1;
};

class OrderStore {
public:
  std::vector<Order> forOwner(const std::string &owner) {
    std::lock_guard<std::mutex> g(m_mu);
    std::vector<Order> out;
    for (const auto &[id, o] : m_orders)
      if (o.owner == owner) out.push_back(o);
    return out;
  }
  std::vector<Order> all() {
    std::lock_guard<std::mutex> g(m_mu);
    std::vector<Order> out;
    for (const auto &kv : m_orders) out.push_back(kv.second);
    return out;
  }
  bool setStatus(const std::string &id, const std::string &owner, const std::string &status) {
    std::lock_guard<std::mutex> g(m_mu);
    auto it = m_orders.find(id);
    if (it == m_orders.end() || (!owner.empty() && it->second.owner != owner)) return false;
    it->second.status = status;
    return true;
  }

private:
  std::mutex m_mu;
  std::map<std::string, Order> m_orders;
};

inline nlohmann::json toJson(const std::vector<Order> &orders) {
  auto arr = nlohmann::json::array();
  for (const auto &o : orders)
    arr.push_back({{"id", o.id}, {"item", o.item}, {"quantity", o.quantity}, {"status", o.status}});
  return arr;
}

class OrdersController : public oatpp::web::server::api::ApiController {
public:
  OrdersController(std::shared_ptr<TokenService> tokens, std::shared_ptr<OrderStore> store,
                   OATPP_COMPONENT(std::shared_ptr<ObjectMapper>, objectMapper))
      : oatpp::web::server::api::ApiController(objectMapper), m_tokens(tokens), m_store(std::move(store)) {
    setDefaultAuthorizationHandler(std::make_shared<JwtBearerHandler>(tokens));
  }

  ENDPOINT("POST", "/api/login", login, BODY_STRING(String, body)) {
    auto creds = nlohmann::json::parse(*body, nullptr, false);
    if (creds.is_discarded()) return createResponse(Status::CODE_400, "bad json");
    std::string user = creds.value("user", "");
    if (!checkPassword(user, creds.value("password", "")))
      return createResponse(Status::CODE_401, "invalid credentials");
    return createResponse(Status::CODE_200, nlohmann::json{{"token", m_tokens->issue(user, roleOf(user))}}.dump());
  }

  ENDPOINT("GET", "/api/orders", listOrders, AUTHORIZATION(std::shared_ptr<OrdersAuth>, auth)) {
    return createResponse(Status::CODE_200, toJson(m_store->forOwner(auth->userId)).dump());
  }

  ENDPOINT("POST", "/api/orders/{id}/confirm", confirmOrder, PATH(String, id),
           AUTHORIZATION(std::shared_ptr<OrdersAuth>, auth)) {
    if (!m_store->setStatus(*id, auth->userId, "confirmed")) return createResponse(Status::CODE_404, "no such order");
    return createResponse(Status::CODE_204, "");
  }

  ENDPOINT("POST", "/api/orders/{id}/cancel", cancelOrder, PATH(String, id), HEADER(String, authorization, "Authorization")) {
    auto decoded = jwt::decode(bearerToken(*authorization));
    std::string userId = decoded.get_subject(); // expect: appsec-jwt-missing-verification
    if (!m_store->setStatus(*id, userId, "cancelled")) return createResponse(Status::CODE_404, "no such order");
    return createResponse(Status::CODE_204, "");
  }

  ENDPOINT("GET", "/api/admin/orders", adminOrders, HEADER(String, authorization, "Authorization")) {
    auto token = jwt::decode(bearerToken(*authorization));
    if (token.get_payload_claim("role").as_string() != "admin") // expect: appsec-jwt-missing-verification
      return createResponse(Status::CODE_403, "admins only");
    return createResponse(Status::CODE_200, toJson(m_store->all()).dump());
  }

  ENDPOINT("POST", "/api/callbacks/payment", paymentCallback, HEADER(String, authorization, "Authorization")) {
    auto orderId = m_tokens->checkServiceToken(bearerToken(*authorization));
    if (!orderId) return createResponse(Status::CODE_401, "bad service token");
    m_store->setStatus(*orderId, "", "paid");
    return createResponse(Status::CODE_200, "ok");
  }

private:
  static bool checkPassword(const std::string &user, const std::string &password);
  static std::string roleOf(const std::string &user) { return user == "ops" ? "admin" : "customer"; }

  std::shared_ptr<TokenService> m_tokens;
  std::shared_ptr<OrderStore> m_store;
};

#include OATPP_CODEGEN_END(ApiController)
