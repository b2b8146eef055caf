// RUN: %check_appsec_tidy %s appsec-sql-injection,appsec-command-injection,appsec-hardcoded-secret %t -- -- -std=c++17
// libpqxx 6.4 (Debian 12, /usr/include/pqxx): the SQL text of a
// transaction's exec family and of a connection's prepare is a sink; bound
// parameters and prepared-statement arguments are data; esc/quote/quote_name
// of a transaction or a connection make a value safe for SQL.
#include <pqxx/pqxx>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

void queries(pqxx::connection &c) {
  std::string user;
  std::getline(std::cin, user);
  pqxx::work w(c);
  std::string q = "SELECT id FROM users WHERE name = '" + user + "'";
  w.exec(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from std::getline() reaches transaction_base::exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
  w.exec0("DELETE FROM sessions WHERE owner = '" + user + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: untrusted console input from std::getline() reaches transaction_base::exec0(), which executes it as SQL {{.*}} [appsec-sql-injection]
  w.exec1(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: untrusted console input from std::getline() reaches transaction_base::exec1(), which executes it as SQL {{.*}} [appsec-sql-injection]
  w.exec_n(1, q);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted console input from std::getline() reaches transaction_base::exec_n(), which executes it as SQL {{.*}} [appsec-sql-injection]
  std::stringstream ss;
  ss << "SELECT id FROM users WHERE name = '" << user << "'";
  w.exec(ss);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from std::getline() reaches transaction_base::exec(), which executes it as SQL {{.*}} [appsec-sql-injection]
  w.exec_params(q, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: untrusted console input from std::getline() reaches transaction_base::exec_params(), which executes it as SQL {{.*}} [appsec-sql-injection]
  w.exec_params0(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: untrusted console input from std::getline() reaches transaction_base::exec_params0(), which executes it as SQL {{.*}} [appsec-sql-injection]
  w.exec_params1(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: untrusted console input from std::getline() reaches transaction_base::exec_params1(), which executes it as SQL {{.*}} [appsec-sql-injection]
  w.exec_params_n(1, q);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted console input from std::getline() reaches transaction_base::exec_params_n(), which executes it as SQL {{.*}} [appsec-sql-injection]

  // Parameters are data, not SQL.
  w.exec_params("SELECT id FROM users WHERE name = $1", user);
  w.exec_params1("SELECT id FROM users WHERE name = $1", user);
  w.exec_params_n(1, "SELECT id FROM users WHERE name = $1", user);
  w.exec_prepared("find_user", user);
  // Escaped or quoted by the transaction or the connection.
  w.exec("SELECT id FROM users WHERE name = '" + w.esc(user) + "'");
  w.exec("SELECT id FROM users WHERE name = " + w.quote(user));
  w.exec("SELECT " + w.quote_name(user) + " FROM users");
  w.exec("SELECT id FROM users WHERE name = '" + c.esc(user) + "'");
  w.exec("SELECT id FROM users WHERE name = " + c.quote(user));
  w.exec("SELECT " + c.quote_name(user) + " FROM users");
  // Escaped for SQL only: still untrusted in a shell command.
  std::system(("/usr/local/bin/notify " + c.quote(user)).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: untrusted console input from std::getline() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
  w.commit();
}

void prepared(pqxx::connection &c) {
  std::string filter;
  std::getline(std::cin, filter);
  c.prepare("find_notes", "SELECT body FROM notes WHERE " + filter);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: untrusted console input from std::getline() reaches connection_base::prepare(), which compiles it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
  c.prepare("find_note", "SELECT body FROM notes WHERE id = $1");
  pqxx::work w(c);
  w.exec_prepared("find_note", filter);
}

void credentials() {
  pqxx::connection c("host=db user=app password=s3cr3t dbname=notes");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the secret given to pqxx::basic_connection_base (which logs in to PostgreSQL with the password in that connection string) is written in the source{{.*}} [appsec-hardcoded-secret]
  pqxx::connection local("host=/var/run/postgresql dbname=notes");
}
