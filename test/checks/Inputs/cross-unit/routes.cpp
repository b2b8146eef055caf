// A unit of the service of taint-sources-program.cpp: it serves requests.
#include <httplib.h>

void registerRoutes(httplib::Server &svr) {
  svr.Get("/health", [](const httplib::Request &, httplib::Response &res) {
    res.set_content("ok", "text/plain");
  });
}
