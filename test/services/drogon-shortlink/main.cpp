// go/ links for the office: short slugs that redirect to long URLs.
#include <drogon/drogon.h>
#include <libpq-fe.h>

#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

using namespace drogon;
using Callback = std::function<void(const HttpResponsePtr &)>;

namespace {

class LinkRepo {
public:
  LinkRepo() {
    conn_ = PQconnectdb("host=127.0.0.1 dbname=golinks user=golinks password=g0links!prod"); // expect: appsec-hardcoded-secret
  }
  ~LinkRepo() { PQfinish(conn_); }

  bool insert(const std::string &slug, const std::string &target, const std::string &owner) {
    std::lock_guard<std::mutex> lock(mu_);
    const char *params[] = {slug.c_str(), target.c_str(), owner.c_str()};
    PGresult *res = PQexecParams(conn_, "INSERT INTO links(slug, target, owner) VALUES($1, $2, $3)",
                                 3, nullptr, params, nullptr, nullptr, 0);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    return ok;
  }

  std::optional<std::string> resolve(const std::string &slug) {
    std::lock_guard<std::mutex> lock(mu_);
    const char *params[] = {slug.c_str()};
    PGresult *res = PQexecParams(conn_, "SELECT target FROM links WHERE slug = $1", 1, nullptr,
                                 params, nullptr, nullptr, 0);
    std::optional<std::string> out;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
      out = PQgetvalue(res, 0, 0);
    PQclear(res);
    return out;
  }

  Json::Value stats(const std::string &owner, const std::string &order) {
    std::string sql = "SELECT slug, target, hits FROM links WHERE owner = '" + owner + "' ORDER BY " + order;
    std::lock_guard<std::mutex> lock(mu_);
    PGresult *res = PQexec(conn_, sql.c_str()); // expect: appsec-sql-injection
    Json::Value rows(Json::arrayValue);
    if (PQresultStatus(res) == PGRES_TUPLES_OK) {
      for (int i = 0; i < PQntuples(res); ++i) {
        Json::Value row;
        row["slug"] = PQgetvalue(res, i, 0);
        row["target"] = PQgetvalue(res, i, 1);
        row["hits"] = std::stoi(PQgetvalue(res, i, 2));
        rows.append(row);
      }
    }
    PQclear(res);
    return rows;
  }

  void hit(const std::string &slug) {
    std::lock_guard<std::mutex> lock(mu_);
    const char *params[] = {slug.c_str()};
    PQclear(PQexecParams(conn_, "UPDATE links SET hits = hits + 1 WHERE slug = $1", 1, nullptr,
                         params, nullptr, nullptr, 0));
  }

private:
  PGconn *conn_ = nullptr;
  std::mutex mu_;
};

bool validSlug(const std::string &s) {
  if (s.empty() || s.size() > 64)
    return false;
  for (unsigned char c : s)
    if (!std::isalnum(c) && c != '-' && c != '_')
      return false;
  return true;
}

bool isHttpUrl(const std::string &u) {
  return u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0;
}

std::string orderClause(const std::string &sort) {
  switch (sort.empty() ? 'h' : sort[0]) {
  case 's': return "slug ASC";
  case 'c': return "created_at DESC";
  default: return "hits DESC";
  }
}

HttpResponsePtr textResponse(HttpStatusCode code, const std::string &text) {
  auto resp = HttpResponse::newHttpResponse(code, CT_TEXT_PLAIN);
  resp->setBody(text);
  return resp;
}

} // namespace

int main() {
  auto repo = std::make_shared<LinkRepo>();

  app().registerHandler(
      "/api/links",
      [repo](const HttpRequestPtr &req, Callback &&cb) {
        auto json = req->getJsonObject();
        if (!json)
          return cb(textResponse(k400BadRequest, "expected JSON"));
        auto slug = (*json)["slug"].asString();
        auto target = (*json)["target"].asString();
        if (!validSlug(slug) || !isHttpUrl(target))
          return cb(textResponse(k400BadRequest, "invalid slug or target"));
        auto owner = req->getHeader("X-Auth-Request-Email");
        if (!repo->insert(slug, target, owner))
          return cb(textResponse(k400BadRequest, "slug already taken"));
        Json::Value out;
        out["short"] = "https://go.example.com/" + slug;
        auto resp = HttpResponse::newHttpJsonResponse(out);
        resp->setStatusCode(k201Created);
        cb(resp);
      },
      {Post});

  app().registerHandler(
      "/api/stats?sort={sort}",
      [repo](const HttpRequestPtr &req, Callback &&cb, const std::string &sort) {
        auto owner = req->getParameter("owner");
        if (owner.empty())
          owner = req->getHeader("X-Auth-Request-Email");
        cb(HttpResponse::newHttpJsonResponse(repo->stats(owner, orderClause(sort))));
      },
      {Get});

  app().registerHandler(
      "/{slug}",
      [repo](const HttpRequestPtr &req, Callback &&cb, const std::string &slug) {
        if (!validSlug(slug))
          return cb(HttpResponse::newNotFoundResponse(req));
        auto target = repo->resolve(slug);
        if (!target) {
          auto resp = HttpResponse::newHttpResponse();
          resp->setStatusCode(k404NotFound);
          resp->setBody("<h1>No go link named " + slug + "</h1><a href=\"/new?slug=" + slug +
                        "\">Create it</a>");
          return cb(resp);
        }
        repo->hit(slug);
        cb(HttpResponse::newRedirectionResponse(*target, k301MovedPermanently));
      },
      {Get});

  app().registerHandler(
      "/new",
      [](const HttpRequestPtr &req, Callback &&cb) {
        auto slug = req->getParameter("slug");
        auto resp = HttpResponse::newHttpResponse();
        resp->setBody("<form method=post action=/api/links><input name=slug value=\"" + slug + // expect: appsec-xss
                      "\"><input name=target><button>Save</button></form>");
        cb(resp);
      },
      {Get});

  app().registerHandler(
      "/sso/callback",
      [](const HttpRequestPtr &req, Callback &&cb) {
        auto state = req->getParameter("state");
        auto resp = HttpResponse::newRedirectionResponse(state.empty() ? "/" : state); // expect: appsec-open-redirect
        Cookie session("go_session", utils::genRandomString(40));
        session.setPath("/");
        session.setMaxAge(8 * 3600);
        resp->addCookie(session); // expect: appsec-insecure-cookie
        cb(resp);
      },
      {Get});

  app().addListener("0.0.0.0", 8000).setThreadNum(4).run();
}
