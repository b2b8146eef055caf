// RUN: %check_appsec_tidy %s appsec-command-injection %t -- -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=ALL %s appsec-command-injection %t -- --config="{CheckOptions: {appsec-command-injection.Sources: 'all'}}" -- -std=c++17
// Sources: auto (the default). In a unit that serves requests, the command
// line, the environment, stdin and local files are controlled by whoever runs
// the service, not by the people who send it requests: only remote data
// counts. (A unit without request handlers counts every origin; Juliet's
// cases are such units.) cpp-httplib 0.11 from Debian.
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

static std::string shell(const std::string &command) {
  FILE *pipe = popen(command.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: untrusted HTTP request data from Request::get_param_value() reaches popen(), {{.*}} [appsec-command-injection]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:30: warning: untrusted environment data from getenv() reaches popen(), {{.*}} [appsec-command-injection]
  std::string out;
  if (pipe)
    pclose(pipe);
  return out;
}

int main() {
  httplib::Server svr;
  // The working directory the operator started the service in.
  svr.Get("/files", [](const httplib::Request &, httplib::Response &res) {
    res.set_content(shell(std::string("ls ") + std::getenv("PWD")), "text/plain");
  });
  svr.Get("/run", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(shell(req.get_param_value("cmd")), "text/plain");
  });
  // Both origins in one value: the request's part counts, and the path shown
  // starts there.
  svr.Get("/tool", [](const httplib::Request &req, httplib::Response &) {
    std::string cmd = std::string(std::getenv("TOOL")) + " " + req.get_param_value("file");
    std::system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::get_param_value() reaches system(), {{.*}} [appsec-command-injection]
    // CHECK-MESSAGES-ALL: :[[@LINE-2]]:21: warning: untrusted HTTP request data from Request::get_param_value() reaches system(), {{.*}} [appsec-command-injection]
  });
  svr.listen("127.0.0.1", 8080);
}
