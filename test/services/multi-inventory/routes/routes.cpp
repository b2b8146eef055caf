#include "app.h"

#include <cstdlib>
#include <iostream>

void register_routes(httplib::Server &server, ItemRepository &items, AuditLog &audit) {
  server.Get("/api/items/by-sku", [&items](const auto &req, auto &res) {
    controllers::find_by_sku(req, res, items);
  });
  server.Get("/api/items/search", [&items](const auto &req, auto &res) {
    controllers::search_items(req, res, items);
  });
  server.Get("/api/reports/stock", [&items](const auto &req, auto &res) {
    controllers::report(req, res, items);
  });
  server.Get(R"(/api/categories/([^/]+)/count)", [&items](const auto &req, auto &res) {
    controllers::category_count(req, res, items);
  });
  server.Post("/api/items/adjust", [&items, &audit](const auto &req, auto &res) {
    controllers::adjust(req, res, items, audit);
  });
  server.Get("/api/audit", [&audit](const auto &req, auto &res) {
    controllers::audit_trail(req, res, audit);
  });
}

int main() {
  Config cfg;
  if (const char *dsn = std::getenv("INVENTORY_PG_DSN"))
    cfg.pg_dsn = dsn;
  if (const char *audit = std::getenv("INVENTORY_AUDIT_DB"))
    cfg.audit_path = audit;

  ItemRepository items(cfg.pg_dsn);
  AuditLog audit(cfg.audit_path);

  httplib::Server server;
  register_routes(server, items, audit);
  std::cout << "inventory listening on " << cfg.port << std::endl;
  server.listen("0.0.0.0", cfg.port);
}
