#include "portal.h"

#include <iostream>

AccountRepo::AccountRepo(const std::string &conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
  if (PQstatus(conn_) != CONNECTION_OK) std::cerr << "postgres: " << PQerrorMessage(conn_);
}

AccountRepo::~AccountRepo() { PQfinish(conn_); }

bool AccountRepo::ok() const { return PQstatus(conn_) == CONNECTION_OK; }

std::vector<Account> AccountRepo::rows(PGresult *res) {
  std::vector<Account> out;
  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    std::cerr << "query: " << PQresultErrorMessage(res);
    PQclear(res);
    return out;
  }
  for (int i = 0; i < PQntuples(res); ++i) {
    Account a{std::stol(PQgetvalue(res, i, 0)), PQgetvalue(res, i, 1), PQgetvalue(res, i, 2), "",
              PQgetvalue(res, i, 3), PQgetvalue(res, i, 4)};
    if (PQnfields(res) > 5) a.password = PQgetvalue(res, i, 5);
    out.push_back(std::move(a));
  }
  PQclear(res);
  return out;
}

std::optional<Account> AccountRepo::find_by_email(const std::string &email) {
  const char *params[] = {email.c_str()};
  PGresult *res = PQexecParams(conn_,
                               "SELECT id, email, display_name, status, org, password FROM accounts "
                               "WHERE email = $1",
                               1, nullptr, params, nullptr, nullptr, 0);
  auto found = rows(res);
  if (found.empty()) return std::nullopt;
  return found.front();
}

bool AccountRepo::create(const std::string &email, const std::string &password,
                         const std::string &display_name, const std::string &org) {
  const char *params[] = {email.c_str(), password.c_str(), display_name.c_str(), org.c_str()};
  PGresult *res = PQexecParams(conn_,
                               "INSERT INTO accounts(email, password, display_name, org, status) "
                               "VALUES($1, $2, $3, $4, 'active')",
                               4, nullptr, params, nullptr, nullptr, 0); // expect: appsec-plaintext-storage
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  return ok;
}

std::vector<Account> AccountRepo::search(const std::string &name_fragment) {
  std::string sql = "SELECT id, email, display_name, status, org FROM accounts "
                    "WHERE display_name ILIKE '%" + name_fragment + "%' ORDER BY display_name LIMIT 25";
  return rows(PQexec(conn_, sql.c_str()));
}

std::vector<Account> AccountRepo::by_org(const std::string &org) {
  std::string sql = "SELECT id, email, display_name, status, org FROM accounts WHERE org = '" + org +
                    "' ORDER BY id";
  return rows(PQexec(conn_, sql.c_str()));
}
