// Warehouse inventory API.
#include <cstdlib>
#include <iostream>

#include "app.h"

int main(int argc, char **argv) {
  inv::DbConfig dbc;
  if (const char *h = std::getenv("INV_DB_HOST")) dbc.host = h;
  if (const char *p = std::getenv("INV_DB_PASSWORD")) dbc.password = p;
  int port = argc > 1 ? std::atoi(argv[1]) : 8070;

  auto db = std::make_shared<inv::Db>(dbc);
  httplib::Server svr;
  svr.set_mount_point("/", "./www");
  inv::register_routes(svr, db);
  std::cout << "inventory api on :" << port << std::endl;
  svr.listen("0.0.0.0", port);
}
