// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-command-injection %t -- -- -std=c++17
// A const accessor called again with the same constant arguments on an
// object nobody wrote in between reads the same value: a check of the first
// call's result counts for the second (`hosts.count(uri.host())`, then
// `fetch(uri.host())`). Twins: another accessor or another argument, the
// object replaced in between, a non-const method.
#include <httplib.h>

#include <cstdlib>
#include <set>
#include <string>

static const std::set<std::string> kHosts = {"api.example.com", "cdn.example.com"};

class Url {
public:
  explicit Url(std::string text) : text_(std::move(text)) {}
  std::string host() const { return text_.substr(0, text_.find('/')); }
  std::string path() const { return text_.substr(text_.find('/')); }
  std::string next() { return text_; } // not const: may change the object
private:
  std::string text_;
};

void preview(const httplib::Request &req) {
  Url target(req.get_param_value("url"));
  if (!kHosts.count(target.host()))
    return;
  httplib::Client cli(target.host());
  cli.Get(target.path());

  httplib::Client other(target.path());
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: untrusted HTTP request data from Request::get_param_value() reaches {{.*}} [appsec-ssrf]
}

void previewReplaced(const httplib::Request &req) {
  Url target(req.get_param_value("url"));
  if (!kHosts.count(target.host()))
    return;
  target = Url(req.get_param_value("fallback"));
  httplib::Client cli(target.host());
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from Request::get_param_value() reaches {{.*}} [appsec-ssrf]
}

void previewNonConst(const httplib::Request &req) {
  Url target(req.get_param_value("url"));
  if (!kHosts.count(target.next()))
    return;
  httplib::Client cli(target.next());
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from Request::get_param_value() reaches {{.*}} [appsec-ssrf]
}

// A header checked, then read again by name.
void ping(const httplib::Request &req) {
  if (!kHosts.count(req.get_header_value("X-Target")))
    return;
  std::string cmd = "ping -c 1 " + req.get_header_value("X-Target");
  std::system(cmd.c_str());
  std::string other = "ping -c 1 " + req.get_header_value("X-Fallback");
  std::system(other.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::get_header_value() reaches system(), {{.*}} [appsec-command-injection]
}
