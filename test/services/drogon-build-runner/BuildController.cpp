#include "BuildController.h"
#include "shell.h"

#include <trantor/utils/Logger.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

namespace {

const std::string kWorkRoot = "/var/lib/buildbot/work";
std::atomic<int> nextBuildId{1000};

std::string workdir(int id) { return kWorkRoot + "/" + std::to_string(id); }

HttpResponsePtr error(HttpStatusCode code, const std::string &msg) {
  Json::Value body;
  body["error"] = msg;
  auto resp = HttpResponse::newHttpJsonResponse(body);
  resp->setStatusCode(code);
  return resp;
}

bool isKnownRepo(const std::string &url) {
  static const std::regex re(R"(^https://git\.example\.com/[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+\.git$)");
  return std::regex_match(url, re);
}

} // namespace

void BuildController::startBuild(const HttpRequestPtr &req,
                                 std::function<void(const HttpResponsePtr &)> &&callback) {
  auto json = req->getJsonObject();
  if (!json || !(*json)["repo"].isString())
    return callback(error(k400BadRequest, "repo required"));

  const std::string repo = (*json)["repo"].asString();
  const std::string branch = json->get("branch", "main").asString();
  const int jobs = json->get("jobs", 4).asInt();
  if (!isKnownRepo(repo))
    return callback(error(k400BadRequest, "unknown repository"));

  const int id = nextBuildId++;
  const auto dir = workdir(id);

  auto clone = shell::exec({"git", "clone", "--depth", "1", "--branch", branch, repo, dir});
  if (clone.status != 0)
    return callback(error(k500InternalServerError, clone.output));

  std::ostringstream make;
  make << "make -C " << dir << " -j" << std::max(1, std::min(jobs, 16));
  if ((*json)["defines"].isArray()) {
    const auto &defs = (*json)["defines"];
    for (Json::ArrayIndex i = 0; i < defs.size(); ++i)
      make << " " << defs[i].asString();
  }
  auto build = shell::capture(make.str()); // expect: appsec-command-injection

  Json::Value out;
  out["id"] = id;
  out["status"] = build.status;
  out["log"] = build.output;
  callback(HttpResponse::newHttpJsonResponse(out));
}

void BuildController::runTests(const HttpRequestPtr &req,
                               std::function<void(const HttpResponsePtr &)> &&callback,
                               int buildId) {
  static const std::set<std::string> kSuites = {"unit", "integration", "smoke"};
  auto json = req->getJsonObject();
  std::string suite = json ? json->get("suite", "unit").asString() : "unit";
  if (!kSuites.count(suite))
    return callback(error(k400BadRequest, "unknown suite"));
  std::string filter = json ? json->get("filter", "*").asString() : "*";

  auto res = shell::capture("cd " + workdir(buildId) + " && ./run_tests.sh " + suite + // expect: appsec-command-injection
                            " --gtest_filter='" + filter + "'");
  Json::Value out;
  out["passed"] = res.status == 0;
  out["output"] = res.output;
  callback(HttpResponse::newHttpJsonResponse(out));
}

void BuildController::tailLog(const HttpRequestPtr &req,
                              std::function<void(const HttpResponsePtr &)> &&callback,
                              int buildId) {
  int lines = 200;
  auto requested = req->getParameter("lines");
  if (!requested.empty()) {
    try {
      lines = std::stoi(requested);
    } catch (const std::exception &) {
      return callback(error(k400BadRequest, "lines must be a number"));
    }
  }
  auto res = shell::capture("tail -n " + std::to_string(lines) + " " + workdir(buildId) + "/build.log");
  auto resp = HttpResponse::newHttpResponse();
  resp->setContentTypeCode(CT_TEXT_PLAIN);
  resp->setBody(res.output);
  callback(resp);
}

void BuildController::artifact(const HttpRequestPtr &req,
                               std::function<void(const HttpResponsePtr &)> &&callback,
                               int buildId, const std::string &file) {
  static const std::regex safeName("^[A-Za-z0-9][A-Za-z0-9._-]*$");
  if (!std::regex_match(file, safeName))
    return callback(error(k400BadRequest, "bad artifact name"));
  auto resp = HttpResponse::newFileResponse(workdir(buildId) + "/out/" + file);
  auto saveAs = req->getParameter("download_as");
  if (!saveAs.empty())
    resp->addHeader("Content-Disposition", "attachment; filename=\"" + saveAs + "\""); // expect: appsec-header-injection
  callback(resp);
}

void BuildController::cleanup(const HttpRequestPtr &req,
                              std::function<void(const HttpResponsePtr &)> &&callback,
                              const std::string &buildId) {
  for (char c : buildId)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return callback(error(k400BadRequest, "bad build id"));
  std::string cmd = "rm -rf " + kWorkRoot + "/" + buildId;
  int rc = std::system(cmd.c_str());
  LOG_INFO << "cleanup of build " << buildId << " by " << req->getHeader("X-Forwarded-User")
           << " -> " << rc;
  callback(HttpResponse::newHttpResponse(rc == 0 ? k204NoContent : k500InternalServerError, CT_NONE));
}
