// RUN: %check_appsec_tidy %s appsec-command-injection,appsec-sql-injection %t -- -- -std=c++17 -isystem /usr/include/jsoncpp
// Request bodies parsed with the JSON libraries Debian ships (real headers:
// nlohmann/json 3.11, JsonCpp 1.9; Debian's RapidJSON 1.1.0 header does not
// compile with clang 19, so its models have no test here), read back by member,
// element, iteration and structured binding. Numbers, booleans, values
// checked against an allow-list and documents the program builds itself
// stay silent.
#include <httplib.h>
#include <json/json.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>

using nlohmann::json;

void run(const std::string &command) { std::system(command.c_str()); }
// CHECK-MESSAGES: :[[@LINE-1]]:60: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]

void nlohmannRoutes(httplib::Server &svr, sqlite3 *db) {
  svr.Post("/api/jobs", [db](const httplib::Request &req, httplib::Response &) {
    json body = json::parse(req.body);
    std::string script = body["script"].get<std::string>();
    std::system(script.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    std::string name = body.at("name");
    sqlite3_exec(db, ("DELETE FROM jobs WHERE name = '" + name + "'").c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:71: warning: untrusted HTTP request data from Request::body reaches sqlite3_exec(){{.*}} [appsec-sql-injection]
    std::system(body.value("post", "true").c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    for (auto &[key, value] : body["env"].items())
      std::system(("export " + key + "=" + value.get<std::string>()).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:70: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    // Reported in run() above, through this call.
    for (const auto &step : body["steps"])
      run(step.get<std::string>());
  });
  // Silent: a number, a flag, a value checked against an allow-list, and a
  // document the program builds itself.
  svr.Post("/api/limits", [](const httplib::Request &req, httplib::Response &) {
    json body = json::parse(req.body);
    int workers = body["workers"].get<int>();
    bool verbose = body.value("verbose", false);
    std::system(("limit --workers " + std::to_string(workers) + (verbose ? " -v" : "")).c_str());
    static const std::set<std::string> Queues{"default", "bulk"};
    std::string queue = body["queue"];
    if (Queues.count(queue))
      std::system(("drain " + queue).c_str());
    json own = {{"cmd", "uptime"}};
    std::system(own["cmd"].get<std::string>().c_str());
  });
}

void jsoncppRoutes(httplib::Server &svr) {
  svr.Post("/api/hooks", [](const httplib::Request &req, httplib::Response &) {
    Json::CharReaderBuilder builder;
    std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
    Json::Value hook;
    std::string errors;
    if (!reader->parse(req.body.data(), req.body.data() + req.body.size(), &hook, &errors))
      return;
    std::system(hook["command"].asString().c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    for (auto it = hook["args"].begin(); it != hook["args"].end(); ++it)
      std::system((it.name() + "=" + (*it).asString()).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    // Silent: a number.
    std::system(("sleep " + std::to_string(hook["delay"].asInt())).c_str());
  });
  svr.Post("/api/legacy", [](const httplib::Request &req, httplib::Response &) {
    std::istringstream in(req.body);
    Json::Value root;
    in >> root;
    std::system(root.get("cmd", "true").asCString());
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
    Json::Value old;
    Json::Reader().parse(req.body, old);
    std::system(old["cmd"].asCString());
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: untrusted HTTP request data from Request::body reaches system(){{.*}} [appsec-command-injection]
  });
}

// Structured bindings of the standard library's own types.
struct Credentials {
  std::string user, host;
};
Credentials credentialsOf(const httplib::Request &req) { return {req.get_param_value("u"), "db"}; }

void bindings(httplib::Server &svr) {
  svr.Get("/api/bind", [](const httplib::Request &req, httplib::Response &) {
    for (const auto &[name, value] : req.params)
      std::system(value.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: untrusted HTTP request data from Request::params reaches system(){{.*}} [appsec-command-injection]
    auto [user, host] = credentialsOf(req);
    std::system(("ssh " + user + "@" + host).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: untrusted HTTP request data from Request::get_param_value() reaches system(){{.*}} [appsec-command-injection]
    std::map<std::string, int> sizes{{"a", 1}};
    for (const auto &[label, size] : sizes)
      std::system(("echo " + label).c_str()); // silent: the program's own map
  });
}
