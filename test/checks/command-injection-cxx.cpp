// RUN: %check_appsec_tidy %s appsec-command-injection %t -- -- -std=c++17
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

void strings_and_streams() {
  std::string name;
  std::getline(std::cin, name);
  std::string cmd = "useradd " + name;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted console input from std::getline() reaches system(), which runs it as a shell command {{.*}}
}

void ostringstream_and_append() {
  std::string host;
  std::cin >> host;
  std::ostringstream os;
  os << "ping -c1 " << host;
  std::system(os.str().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted console input from operator>> reaches system(), {{.*}}
  std::string s("nslookup ");
  s.append(host.substr(0, 20));
  std::system(s.data());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted console input from operator>> reaches system(), {{.*}}
}

void file_stream() {
  std::ifstream in("/var/spool/jobs");
  std::string job;
  std::getline(in, job);
  popen(job.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: untrusted file contents from std::getline() reaches popen(), {{.*}}
}

struct Request {
  std::string command;
  int retries;
};

void fields_and_containers(const char *env) {
  Request r;
  r.command = std::getenv("JOB");
  r.retries = 3;
  std::vector<std::string> queue;
  queue.push_back(r.command);
  std::system(queue.front().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: untrusted environment data from getenv() reaches system(), {{.*}}
  std::optional<std::string> maybe = std::string(std::getenv("X"));
  std::system(maybe->c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted environment data from getenv() reaches system(), {{.*}}
}

class Runner {
public:
  virtual ~Runner() = default;
  virtual void run(const std::string &c) = 0;
};
class ShellRunner : public Runner {
public:
  void run(const std::string &c) override {
    std::system(c.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted environment data from getenv() reaches system(), {{.*}}
  }
};

void virtual_and_lambda(Runner &runner) {
  std::string v = std::getenv("TASK");
  runner.run(v);
  auto exec = [](const std::string &c) { return std::system(c.c_str()); };
  // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: untrusted environment data from getenv() reaches system(), {{.*}}
  exec(v + " --now");
}

// ---- must stay silent --------------------------------------------------------

void allow_list_set(const std::set<std::string> &allowed) {
  std::string tool;
  std::getline(std::cin, tool);
  if (allowed.count(tool) == 0)
    return;
  std::system(("run " + tool).c_str());
}

void allow_list_literals() {
  std::string mode;
  std::cin >> mode;
  if (mode != "fast" && mode != "safe")
    return;
  std::system(("optimize --" + mode).c_str());
}

void allow_list_map(const std::map<std::string, std::string> &commands) {
  std::string key;
  std::cin >> key;
  auto it = commands.find(key);
  if (it == commands.end())
    return;
  std::system(("run " + key).c_str());
}

void regex_validated() {
  static const std::regex id("[a-z0-9]{1,16}");
  std::string job;
  std::getline(std::cin, job);
  if (!std::regex_match(job, id))
    return;
  std::system(("run-job " + job).c_str());
}

void bool_guard() {
  std::string job;
  std::getline(std::cin, job);
  bool ok = std::regex_match(job, std::regex("[a-z]+"));
  if (ok)
    std::system(("run-job " + job).c_str());
}

void numbers_only() {
  std::string n;
  std::getline(std::cin, n);
  int pid = std::stoi(n);
  std::system(("kill " + std::to_string(pid)).c_str());
}

void reassigned() {
  std::string cmd;
  std::getline(std::cin, cmd);
  cmd = "uptime";
  std::system(cmd.c_str());
}

void string_view_conversion() {
  std::string s = std::getenv("X");
  std::string_view v = s;
  std::system(std::string(v).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: untrusted environment data from getenv() reaches system(), {{.*}}
}

void string_stream_is_not_input(const std::string &list) {
  std::stringstream in(list);
  std::string item;
  std::getline(in, item, ';');
  std::system(("ls " + item).c_str()); // the option string was never untrusted
  std::stringstream in2(std::getenv("LIST"));
  std::getline(in2, item, ';');
  std::system(("ls " + item).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: untrusted environment data from getenv() reaches system(), {{.*}}
}
