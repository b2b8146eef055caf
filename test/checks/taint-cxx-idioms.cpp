// RUN: %check_appsec_tidy %s appsec-command-injection %t -- -- -std=c++17
// Request data (cpp-httplib 0.11, Debian's header) carried by C++ idioms
// real services use: an object that keeps it from its constructor, an
// iterator temporary, smart pointers, tuples and variants, a std::function
// holding a lambda, an aggregate initialised member by member. Each has a
// twin that holds the program's own data.
#include <httplib.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <variant>

class Job {
public:
  explicit Job(std::string command) : command_(std::move(command)) {}
  void run() const { std::system(command_.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
  const std::string &command() const { return command_; }

private:
  std::string command_;
};

struct Task {
  std::string owner;
  std::string command;
};

void routes(httplib::Server &svr) {
  svr.Post("/tasks", [](const httplib::Request &req, httplib::Response &) {
    // An aggregate: each member holds its own initialiser.
    Task t{req.body, "uptime"};
    std::system(t.command.c_str());
    std::system(t.owner.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
  });
  svr.Post("/jobs", [](const httplib::Request &req, httplib::Response &) {
    Job(req.body).run(); // reported in run(), through the constructor
    Job own("uptime");
    own.run();
    std::system(Job(req.body).command().c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    std::system(Job("df -h").command().c_str());
  });
  svr.Get("/params", [](const httplib::Request &req, httplib::Response &) {
    std::system(req.params.find("cmd")->second.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: untrusted HTTP request data from Request::params reaches system(){{.*}} [appsec-command-injection]
    std::system(req.params.begin()->second.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: untrusted HTTP request data from Request::params reaches system(){{.*}} [appsec-command-injection]
    std::multimap<std::string, std::string> defaults{{"cmd", "true"}};
    std::system(defaults.find("cmd")->second.c_str());
  });
  svr.Post("/wrapped", [](const httplib::Request &req, httplib::Response &) {
    auto shared = std::make_shared<std::string>(req.body);
    std::system(shared->c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    auto unique = std::make_unique<std::string>("ls");
    std::system(unique->c_str());
    std::tuple<std::string, int> task{req.body, 1};
    std::system(std::get<0>(task).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    std::variant<std::string, int> step = req.get_header_value("X-Step");
    std::system(std::get<std::string>(step).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: untrusted HTTP request data from Request::get_header_value() reaches system(){{.*}} [appsec-command-injection]
    auto fixed = std::make_tuple(std::string("date"), 2);
    std::system(std::get<0>(fixed).c_str());
  });
  svr.Post("/callbacks", [](const httplib::Request &req, httplib::Response &) {
    std::function<void(const std::string &)> exec = [](const std::string &c) { std::system(c.c_str()); };
    // CHECK-MESSAGES: :[[@LINE-1]]:94: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    exec(req.body);
    std::function<void(const std::string &)> echo = [](const std::string &c) { (void)c.size(); };
    echo(req.body);
  });
}
