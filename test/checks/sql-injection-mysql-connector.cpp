// RUN: %check_appsec_tidy %s appsec-sql-injection,appsec-command-injection,appsec-hardcoded-secret %t -- -- -std=c++17
// MySQL Connector/C++ 1.1 (Debian 12, /usr/include/cppconn, the JDBC-style
// API that MariaDB Connector/C++ shares): the SQL text given to Statement's
// and PreparedStatement's execute family and to prepareStatement is a sink,
// through sql::SQLString; setString parameters are data; the password given
// to Driver::connect is a credential.
#include <cppconn/driver.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_connection.h>
#include <mysql_driver.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

void queries(sql::Connection *con) {
  std::string user;
  std::getline(std::cin, user);
  std::unique_ptr<sql::Statement> st(con->createStatement());
  std::string q = "SELECT id FROM users WHERE name = '" + user + "'";
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery(q));
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: untrusted console input from std::getline() reaches Statement::executeQuery(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
  st->execute("DELETE FROM sessions WHERE owner = '" + user + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted console input from std::getline() reaches Statement::execute(), which executes it as SQL {{.*}} [appsec-sql-injection]
  sql::SQLString update("UPDATE users SET seen = 1 WHERE name = '");
  update += user;
  update += "'";
  st->executeUpdate(update);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted console input from std::getline() reaches Statement::executeUpdate(), which executes it as SQL {{.*}} [appsec-sql-injection]
  std::unique_ptr<sql::PreparedStatement> ps(con->prepareStatement("SELECT id FROM users WHERE name = '" + user + "'"));
  // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: untrusted console input from std::getline() reaches Connection::prepareStatement(), which compiles it as SQL {{.*}} [appsec-sql-injection]
  ps->executeQuery(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted console input from std::getline() reaches PreparedStatement::executeQuery(), which executes it as SQL {{.*}} [appsec-sql-injection]
  sql::SQLString name(user);
  std::string plain = name;
  st->execute("SELECT id FROM users WHERE name = '" + plain + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted console input from std::getline() reaches Statement::execute(), which executes it as SQL {{.*}} [appsec-sql-injection]
  st->executeQuery(sql::SQLString("SELECT id FROM users WHERE name = '") + name + "'");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted console input from std::getline() reaches Statement::executeQuery(), which executes it as SQL {{.*}} [appsec-sql-injection]

  // Bound parameters are data, not SQL.
  std::unique_ptr<sql::PreparedStatement> find(con->prepareStatement("SELECT id FROM users WHERE name = ?"));
  find->setString(1, user);
  std::unique_ptr<sql::ResultSet> found(find->executeQuery());
  find->execute();
  st->executeQuery("SELECT COUNT(*) FROM users");

  // Escaped by the connection: safe in SQL, not in a shell command.
  auto *mysql = dynamic_cast<sql::mysql::MySQL_Connection *>(con);
  sql::SQLString escaped = mysql->escapeString(user);
  st->execute("DELETE FROM sessions WHERE owner = '" + escaped + "'");
  std::system(("/usr/local/bin/notify " + escaped.asStdString()).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:66: warning: untrusted console input from std::getline() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

void credentials() {
  sql::mysql::MySQL_Driver *driver = sql::mysql::get_mysql_driver_instance();
  std::unique_ptr<sql::Connection> con(driver->connect("tcp://db:3306", "app", "s3cr3t"));
  // CHECK-MESSAGES: :[[@LINE-1]]:80: warning: the secret given to sql::mysql::MySQL_Driver::connect (which logs in to MySQL/MariaDB with that password) is written in the source{{.*}} [appsec-hardcoded-secret]
  sql::Driver *generic = get_driver_instance();
  std::unique_ptr<sql::Connection> other(generic->connect("tcp://db:3306", "app", "s3cr3t"));
  // CHECK-MESSAGES: :[[@LINE-1]]:83: warning: the secret given to sql::Driver::connect (which logs in to MySQL/MariaDB with that password) is written in the source{{.*}} [appsec-hardcoded-secret]
  const char *pw = std::getenv("DB_PASSWORD");
  std::unique_ptr<sql::Connection> fromEnv(generic->connect("tcp://db:3306", "app", pw));
}
