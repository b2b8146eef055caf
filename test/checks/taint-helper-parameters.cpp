// RUN: %check_appsec_tidy %s appsec-sql-injection,appsec-command-injection %t -- -- -std=c++17
// What real helpers and handlers do to some of their values and not others:
// a helper that escapes one parameter and formats another as it is, a helper
// that checks one parameter against an allow-list, a route that dispatches on
// one element of the split path, a value chosen by a validating ternary, a
// validated value joined with the program's own secret, and a query builder
// whose methods return *this. Each has a twin whose value is not checked.
#include <httplib.h>
#include <sqlite3.h>

#include <cstdlib>
#include <set>
#include <string>
#include <vector>

sqlite3 *db;

// The owner is escaped (%q); the column is not. (Two copies: each is called
// one way, so each sink shows what its callers pass.)
void listNotes(const std::string &owner, const std::string &column) {
  char *sql = sqlite3_mprintf("SELECT * FROM notes WHERE owner = '%q' ORDER BY %s",
                              owner.c_str(), column.c_str());
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_free(sql);
}
void listNotesSorted(const std::string &owner, const std::string &column) {
  char *sql = sqlite3_mprintf("SELECT * FROM notes WHERE owner = '%q' ORDER BY %s",
                              owner.c_str(), column.c_str());
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted HTTP request data from Request::get_param_value() reaches sqlite3_exec(), {{.*}} [appsec-sql-injection]
  sqlite3_free(sql);
}

// The format must be one of three; the path is the caller's.
int convert(const std::string &path, const std::string &format) {
  static const std::set<std::string> Formats = {"pdf", "odt", "docx"};
  if (!Formats.count(format))
    return -1;
  std::string cmd = "soffice --convert-to " + format + " '" + path + "'";
  return std::system(cmd.c_str());
}
int convertFile(const std::string &path, const std::string &format) {
  static const std::set<std::string> Formats = {"pdf", "odt", "docx"};
  if (!Formats.count(format))
    return -1;
  std::string cmd = "soffice --convert-to " + format + " '" + path + "'";
  return std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: untrusted HTTP request data from Request::get_param_value() reaches system(), {{.*}} [appsec-command-injection]
}

class Query {
public:
  Query &where(const std::string &c) { where_ = c; return *this; }
  Query &orderBy(const std::string &c) { order_ = c; return *this; }
  std::string str() const { return "SELECT * FROM items WHERE " + where_ + " ORDER BY " + order_; }

private:
  std::string where_ = "1", order_ = "id";
};

std::vector<std::string> split(const std::string &path) {
  std::vector<std::string> Out(1);
  for (char C : path)
    if (C == '/')
      Out.emplace_back();
    else
      Out.back() += C;
  return Out;
}
const std::string ApiKey = "k-123";

void routes(httplib::Server &svr) {
  svr.Get("/notes", [](const httplib::Request &req, httplib::Response &) {
    listNotes(req.get_param_value("owner"), "created");
    listNotesSorted(req.get_param_value("owner"), req.get_param_value("sort"));
  });
  svr.Get("/convert", [](const httplib::Request &req, httplib::Response &) {
    convert("/srv/doc.md", req.get_param_value("format"));
    convertFile(req.get_param_value("path"), "pdf");
  });
  svr.Get(R"(/ops/(.*))", [](const httplib::Request &req, httplib::Response &) {
    std::vector<std::string> parts = split(req.matches[1]);
    if (parts.size() == 2 && parts[0] == "ping")
      std::system(("ping -c 1 " + parts[1]).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: untrusted HTTP request data from Request::matches {{.*}} [appsec-command-injection]
    if (parts.size() == 2 && parts[1] == "uptime")
      std::system(parts[1].c_str());
  });
  svr.Get("/units", [](const httplib::Request &req, httplib::Response &) {
    static const std::set<std::string> Units = {"metric", "imperial"};
    std::string units = req.get_param_value("units");
    std::string u = Units.count(units) ? units : "metric";
    std::system(("weather --units " + u + " --key " + ApiKey).c_str());
    std::string v = units.empty() ? "metric" : units;
    std::system(("weather --units " + v + " --key " + ApiKey).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: untrusted HTTP request data from Request::get_param_value() {{.*}} [appsec-command-injection]
  });
  svr.Get("/items", [](const httplib::Request &req, httplib::Response &) {
    Query q;
    q.where("owner = 'me'").orderBy(req.get_param_value("sort"));
    sqlite3_exec(db, q.str().c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: untrusted HTTP request data from Request::get_param_value() {{.*}} [appsec-sql-injection]
    Query fixed;
    fixed.where("owner = 'me'").orderBy("name");
    sqlite3_exec(db, fixed.str().c_str(), nullptr, nullptr, nullptr);
  });
}
