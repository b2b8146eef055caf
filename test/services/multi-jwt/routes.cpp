#include "middleware.h"
#include "utils/auth.h"

#include <map>
#include <mutex>
#include <vector>

struct Project {
  std::string owner;
  std::string name;
  bool archived = false;
};

class ProjectStore {
public:
  std::vector<std::pair<int, Project>> owned_by(const std::string &user) {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::pair<int, Project>> out;
    for (const auto &[id, p] : projects_)
      if (p.owner == user)
        out.emplace_back(id, p);
    return out;
  }
  int create(const std::string &owner, const std::string &name) {
    std::lock_guard<std::mutex> lock(mu_);
    projects_[next_id_] = Project{owner, name};
    return next_id_++;
  }
  bool archive(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = projects_.find(id);
    if (it == projects_.end())
      return false;
    it->second.archived = true;
    return true;
  }
  size_t purge_archived() {
    std::lock_guard<std::mutex> lock(mu_);
    size_t n = 0;
    for (auto it = projects_.begin(); it != projects_.end();) {
      if (it->second.archived) {
        it = projects_.erase(it);
        ++n;
      } else {
        ++it;
      }
    }
    return n;
  }

private:
  std::mutex mu_;
  std::map<int, Project> projects_;
  int next_id_ = 1;
};

static crow::json::wvalue project_list(const std::vector<std::pair<int, Project>> &items) {
  crow::json::wvalue out;
  unsigned i = 0;
  for (const auto &[id, p] : items) {
    out["projects"][i]["id"] = id;
    out["projects"][i]["name"] = p.name;
    out["projects"][i]["archived"] = p.archived;
    ++i;
  }
  return out;
}

void setup_routes(ProjectsApp &app, ProjectStore &store) {
  CROW_ROUTE(app, "/health")([] { return "ok"; });

  CROW_ROUTE(app, "/api/token/refresh").methods("POST"_method)([](const crow::request &req) {
    auto token = auth::bearer_token(req.get_header_value("Authorization"));
    if (!token)
      return crow::response(401);
    auto who = auth::principal_for_refresh(*token); // expect: appsec-jwt-missing-verification
    if (!who)
      return crow::response(401);
    crow::json::wvalue body{{"token", auth::issue(*who)}};
    return crow::response(body);
  });

  CROW_ROUTE(app, "/api/projects")
      .CROW_MIDDLEWARES(app, JwtAuth)([&app, &store](const crow::request &req) {
        auto &ctx = app.get_context<JwtAuth>(req);
        return crow::response(project_list(store.owned_by(ctx.user)));
      });

  CROW_ROUTE(app, "/api/projects")
      .methods("POST"_method)
      .CROW_MIDDLEWARES(app, JwtAuth)([&app, &store](const crow::request &req) {
        auto &ctx = app.get_context<JwtAuth>(req);
        auto body = crow::json::load(req.body);
        if (!body || !body.has("name"))
          return crow::response(400);
        int id = store.create(ctx.user, std::string(body["name"].s()));
        return crow::response(201, crow::json::wvalue{{"id", id}});
      });

  CROW_ROUTE(app, "/api/projects/<int>/archive")
      .methods("POST"_method)
      .CROW_MIDDLEWARES(app, JwtAuth)([&app, &store](const crow::request &req, int id) {
        auto &ctx = app.get_context<JwtAuth>(req);
        if (ctx.role != "admin" && ctx.role != "maintainer")
          return crow::response(403);
        return crow::response(store.archive(static_cast<int>(id)) ? 204 : 404);
      });

  CROW_ROUTE(app, "/api/admin/purge").methods("POST"_method)([&store] { // expect: appsec-jwt-missing-verification
    auto removed = store.purge_archived();
    CROW_LOG_INFO << "purged " << removed << " archived projects";
    return crow::response(crow::json::wvalue{{"removed", static_cast<int>(removed)}});
  });
}

int main() {
  auth::load_config();
  ProjectsApp app;
  ProjectStore store;
  setup_routes(app, store);
  app.port(8080).multithreaded().run();
}
