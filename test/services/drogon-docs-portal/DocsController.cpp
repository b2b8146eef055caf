#include "DocsController.h"

#include <drogon/HttpViewData.h>
#include <drogon/utils/Utilities.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

std::string DocsController::root_ = "/srv/docs";

namespace {

struct Hit {
  std::string path;
  std::string line;
};

std::vector<Hit> grepDocs(const std::string &root, const std::string &needle, size_t limit = 20) {
  std::vector<Hit> hits;
  for (const auto &entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md")
      continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.find(needle) != std::string::npos) {
        hits.push_back({fs::relative(entry.path(), root).string(), line});
        if (hits.size() >= limit)
          return hits;
        break;
      }
    }
  }
  return hits;
}

bool isLocalPath(const std::string &p) {
  return !p.empty() && p[0] == '/' && (p.size() == 1 || (p[1] != '/' && p[1] != '\\'));
}

} // namespace

void DocsController::page(const HttpRequestPtr &req, Callback &&callback) {
  auto name = req->getParameter("name");
  if (name.empty())
    name = "index.html";
  callback(HttpResponse::newFileResponse(root_ + "/pages/" + name)); // expect: appsec-path-traversal
}

void DocsController::asset(const HttpRequestPtr &req, Callback &&callback, const std::string &file) {
  const fs::path base = fs::weakly_canonical(fs::path(root_) / "assets");
  const fs::path full = fs::weakly_canonical(base / file);
  auto rel = full.lexically_relative(base);
  if (rel.empty() || rel.native().rfind("..", 0) == 0)
    return callback(HttpResponse::newNotFoundResponse(req));
  callback(HttpResponse::newFileResponse(full.string()));
}

void DocsController::search(const HttpRequestPtr &req, Callback &&callback) {
  const auto &q = req->getParameter("q");
  auto resp = HttpResponse::newHttpResponse();
  if (q.size() < 3) {
    resp->setBody("<p>Please type at least three characters. You typed: " + q + "</p>"); // expect: appsec-xss
    return callback(resp);
  }
  std::ostringstream html;
  html << "<h2>Results for &quot;" << HttpViewData::htmlTranslate(q) << "&quot;</h2><ul>";
  for (const auto &[path, line] : grepDocs(root_, q))
    html << "<li><a href=\"/docs/page?name=" << utils::urlEncodeComponent(path) << "\">"
         << HttpViewData::htmlTranslate(path) << "</a> " << HttpViewData::htmlTranslate(line)
         << "</li>";
  html << "</ul>";
  resp->setBody(html.str());
  callback(resp);
}

void DocsController::logout(const HttpRequestPtr &req, Callback &&callback) {
  auto next = req->getParameter("next");
  auto resp = HttpResponse::newRedirectionResponse(next.empty() ? "/docs/login" : next); // expect: appsec-open-redirect
  Cookie cleared("docs_token", "");
  cleared.setMaxAge(0);
  cleared.setSecure(true);
  cleared.setPath("/docs");
  resp->addCookie(cleared);
  callback(resp);
}

void DocsController::login(const HttpRequestPtr &req, Callback &&callback) {
  auto back = req->getParameter("back");
  if (!isLocalPath(back))
    back = "/docs/page";
  callback(HttpResponse::newRedirectionResponse(
      "https://id.example.com/authorize?client_id=docs&return=" + utils::urlEncodeComponent(back)));
}
