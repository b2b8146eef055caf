// RUN: %check_appsec_tidy %s appsec-sql-injection %t -- -- -std=c++17
// Poco::Data (Debian's libpoco-dev 1.11): the statement's text is what goes
// into `session << ...` or `statement << ...`; values bound with use() are
// not part of it.
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <httplib.h>

using namespace Poco::Data::Keywords;

void routes(httplib::Server &svr, Poco::Data::Session &session) {
  svr.Get("/accounts", [&](const httplib::Request &req, httplib::Response &) {
    std::string name = req.get_param_value("name");
    Poco::Data::Statement select(session);
    select << "SELECT id FROM accounts WHERE name = '" + name + "'";
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted HTTP request data from Request::get_param_value() reaches Statement::operator<<(), which executes it as SQL {{.*}} [appsec-sql-injection]
    select.execute();
    session << "DELETE FROM accounts WHERE name = '" + name + "'", now;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: untrusted HTTP request data from Request::get_param_value() reaches Session::operator<<(), which executes it as SQL {{.*}} [appsec-sql-injection]

    Poco::Data::Statement bound(session);
    bound << "SELECT id FROM accounts WHERE name = ?", use(name);
    bound.execute();
    session << "DELETE FROM accounts WHERE name = ?", use(name), now;
    std::string fixed = "SELECT COUNT(*) FROM accounts";
    session << fixed, now;
  });
}
