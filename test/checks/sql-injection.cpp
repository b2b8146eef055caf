// RUN: %check_appsec_tidy %s appsec-sql-injection %t -- -- -std=c++17 -I/usr/include/postgresql -I/usr/include/mariadb
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mysql.h>
#include <libpq-fe.h>
#include <set>
#include <sqlite3.h>
#include <string>
#include <sys/socket.h>

void sqlite_concat(sqlite3 *db) {
  std::string user;
  std::getline(std::cin, user);
  std::string q = "SELECT * FROM users WHERE name = '" + user + "'";
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted console input from std::getline() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); violates Atlassian requirement 8 (Validate untrusted data) [appsec-sql-injection]
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: untrusted console input from std::getline() reaches sqlite3_prepare_v2(), which compiles it as SQL {{.*}}
}

void sqlite_bound_parameter(sqlite3 *db) {
  std::string user;
  std::getline(std::cin, user);
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, "SELECT * FROM users WHERE name = ?", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, user.c_str(), -1, SQLITE_TRANSIENT); // data, not SQL
  sqlite3_step(st);
}

void libpq(PGconn *conn, int sock) {
  char id[64] = {0};
  recv(sock, id, sizeof id - 1, 0);
  char q[256];
  snprintf(q, sizeof q, "DELETE FROM notes WHERE id = '%s'", id);
  PQexec(conn, q);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: untrusted network data from recv() reaches PQexec(), which executes it as SQL {{.*}}
  const char *params[1] = {id};
  PQexecParams(conn, "DELETE FROM notes WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0);
  char *lit = PQescapeLiteral(conn, id, sizeof id);
  std::string q2 = std::string("DELETE FROM notes WHERE id = ") + lit;
  PQexec(conn, q2.c_str());
  PQfreemem(lit);
}

void mysql(MYSQL *m, int sock) {
  char name[64] = {0};
  recv(sock, name, sizeof name - 1, 0);
  std::string q = std::string("SELECT 1 FROM t WHERE n='") + name + "'";
  mysql_query(m, q.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted network data from recv() reaches mysql_query(), {{.*}}
  char esc[130];
  mysql_real_escape_string(m, esc, name, std::strlen(name));
  std::string q2 = std::string("SELECT 1 FROM t WHERE n='") + esc + "'";
  mysql_query(m, q2.c_str());
}

void allow_listed_order(sqlite3 *db, const std::set<std::string> &columns) {
  std::string col;
  std::getline(std::cin, col);
  if (!columns.count(col))
    return;
  std::string q = "SELECT * FROM t ORDER BY " + col;
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
}

void numeric_id(sqlite3 *db) {
  std::string s;
  std::getline(std::cin, s);
  long id = std::strtol(s.c_str(), nullptr, 10);
  std::string q = "SELECT * FROM t WHERE id = " + std::to_string(id);
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
}
