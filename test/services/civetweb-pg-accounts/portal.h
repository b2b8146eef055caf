#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CivetServer.h>
#include <libpq-fe.h>

struct Account {
  long id = 0;
  std::string email, display_name, password, status, org;
};

class AccountRepo {
public:
  explicit AccountRepo(const std::string &conninfo);
  ~AccountRepo();
  bool ok() const;
  std::optional<Account> find_by_email(const std::string &email);
  bool create(const std::string &email, const std::string &password, const std::string &display_name,
              const std::string &org);
  std::vector<Account> search(const std::string &name_fragment);
  std::vector<Account> by_org(const std::string &org);

private:
  std::vector<Account> rows(PGresult *res);
  PGconn *conn_;
};

// Cookie-backed login sessions (in memory; the portal runs a single instance).
std::string open_session(const std::string &email);
std::optional<std::string> session_user(mg_connection *conn);

class ApiHandler : public CivetHandler {
public:
  explicit ApiHandler(AccountRepo &repo) : repo_(repo) {}

protected:
  AccountRepo &repo_;
};

struct SignupHandler : ApiHandler {
  using ApiHandler::ApiHandler;
  bool handlePost(CivetServer *server, mg_connection *conn) override;
};
struct LoginHandler : ApiHandler {
  using ApiHandler::ApiHandler;
  bool handlePost(CivetServer *server, mg_connection *conn) override;
};
struct SearchHandler : ApiHandler {
  using ApiHandler::ApiHandler;
  bool handleGet(CivetServer *server, mg_connection *conn) override;
};
struct ExportHandler : ApiHandler {
  using ApiHandler::ApiHandler;
  bool handleGet(CivetServer *server, mg_connection *conn) override;
};
