// RUN: %check_appsec_tidy %s appsec-open-redirect %t -- -- -std=c++17
// A bool function of the program that returns true only where its parameter
// passed a check (an anchored regex_match, an allow-list, a comparison with
// constants, in its return expression or on the way to it) is a validator
// of that parameter, inferred from its body. Twin: a function whose true
// result says nothing of the URL.
#include <httplib.h>
#include <regex>
#include <set>
#include <string>
static const std::set<std::string> kHosts = {"app.example.com"};
bool host_allowed(const std::string &url, const std::set<std::string> &hosts) {
  static const std::regex kUrl(R"(^https://([A-Za-z0-9.-]+)(?::\d+)?(?:/[^\s]*)?$)");
  std::smatch m;
  return std::regex_match(url, m, kUrl) && hosts.count(m[1].str()) > 0;
}
bool known_page(const std::string &page) {
  if (page == "home" || page == "about")
    return true;
  return false;
}
bool loose(const std::string &url, int n) {
  return n > 3 || url.size() < 100;
}
void routes(httplib::Server &svr) {
  svr.Get("/go", [](const httplib::Request &req, httplib::Response &res) {
    std::string next = req.get_param_value("next");
    if (host_allowed(next, kHosts))
      res.set_redirect(next);
    if (!known_page(next))
      return;
    res.set_redirect(next);
    std::string n2 = req.get_param_value("n2");
    if (loose(n2, 1))
      res.set_redirect(n2);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from Request::get_param_value() reaches Response::set_redirect(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
  });
}
