// Build-artifact server for the CI farm: browse, download and upload artifacts.
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using json = nlohmann::json;

struct ServerConfig {
  fs::path artifact_root = "/srv/artifacts";
  fs::path upload_root = "/srv/artifacts/incoming";
  fs::path thumbs_root = "/srv/artifacts/thumbs";
  std::string public_dir = "./public";
  int port = 9000;
};

static ServerConfig load_config(int argc, char **argv) {
  ServerConfig cfg;
  if (argc > 1) cfg.artifact_root = argv[1];
  if (argc > 2) cfg.port = std::stoi(argv[2]);
  cfg.upload_root = cfg.artifact_root / "incoming";
  cfg.thumbs_root = cfg.artifact_root / "thumbs";
  return cfg;
}

static std::optional<fs::path> resolve_under(const fs::path &root, const std::string &rel) {
  auto base = fs::weakly_canonical(root);
  auto full = fs::weakly_canonical(base / rel);
  auto r = full.lexically_relative(base);
  if (r.empty() || *r.begin() == "..") return std::nullopt;
  return full;
}

static std::string read_all(std::ifstream &in) {
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

static std::string mime_for(const fs::path &p) {
  auto ext = p.extension().string();
  if (ext == ".json") return "application/json";
  if (ext == ".txt" || ext == ".log") return "text/plain";
  if (ext == ".png") return "image/png";
  return "application/octet-stream";
}

static bool safe_component(const std::string &name) {
  if (name.empty() || name.size() > 128 || name[0] == '.') return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  return true;
}

static void setup_routes(httplib::Server &svr, const ServerConfig &cfg) {
  svr.set_mount_point("/", cfg.public_dir);

  svr.Get(R"(/artifacts/(.+))", [&cfg](const httplib::Request &req, httplib::Response &res) {
    auto path = resolve_under(cfg.artifact_root, req.matches[1]);
    if (!path || !fs::is_regular_file(*path)) {
      res.status = 404;
      return;
    }
    std::ifstream in(*path, std::ios::binary);
    res.set_content(read_all(in), mime_for(*path).c_str());
  });

  svr.Get("/download", [&cfg](const httplib::Request &req, httplib::Response &res) {
    auto build = req.get_param_value("build");
    auto file = req.get_param_value("file");
    std::ifstream in(cfg.artifact_root.string() + "/" + build + "/" + file, std::ios::binary); // expect: appsec-path-traversal
    if (!in) {
      res.status = 404;
      return;
    }
    res.set_header("Content-Disposition", "attachment");
    res.set_content(read_all(in), "application/octet-stream");
  });

  svr.Get("/thumb", [&cfg](const httplib::Request &req, httplib::Response &res) {
    static const std::regex name_re("^[a-z0-9_-]{1,64}\\.png$");
    auto name = req.get_param_value("name");
    if (!std::regex_match(name, name_re)) {
      res.status = 400;
      return;
    }
    std::ifstream in(cfg.thumbs_root / name, std::ios::binary);
    if (!in) {
      res.status = 404;
      return;
    }
    res.set_content(read_all(in), "image/png");
  });

  svr.Post("/upload", [&cfg](const httplib::Request &req, httplib::Response &res) {
    if (!req.has_file("artifact")) {
      res.status = 400;
      return;
    }
    const auto file = req.get_file_value("artifact");
    auto build = req.has_file("build") ? req.get_file_value("build").content : std::string("adhoc");
    if (!safe_component(build)) {
      res.status = 400;
      return;
    }
    fs::create_directories(cfg.upload_root / build);
    std::ofstream out(cfg.upload_root / build / file.filename, std::ios::binary); // expect: appsec-path-traversal
    out << file.content;
    res.set_content(json{{"stored", file.filename}, {"bytes", file.content.size()}}.dump(),
                    "application/json");
  });

  svr.Post("/logs", [&cfg](const httplib::Request &req, httplib::Response &res) {
    auto job = req.get_param_value("job");
    if (!safe_component(job)) {
      res.status = 400;
      return;
    }
    std::ofstream out(cfg.artifact_root / "logs" / (job + ".log"), std::ios::app);
    out << req.body;
    res.status = 204;
  });

  svr.Delete("/artifacts", [&cfg](const httplib::Request &req, httplib::Response &res) {
    auto target = cfg.artifact_root / req.get_param_value("path");
    std::error_code ec;
    auto n = fs::remove_all(target, ec); // expect: appsec-path-traversal
    res.set_content(json{{"removed", n}}.dump(), "application/json");
  });

  svr.Get("/list", [&cfg](const httplib::Request &req, httplib::Response &res) {
    auto dir = resolve_under(cfg.artifact_root, req.get_param_value("build"));
    if (!dir || !fs::is_directory(*dir)) {
      res.status = 404;
      return;
    }
    json items = json::array();
    for (const auto &entry : fs::directory_iterator(*dir))
      items.push_back({{"name", entry.path().filename().string()},
                       {"size", entry.is_regular_file() ? entry.file_size() : 0}});
    res.set_content(items.dump(), "application/json");
  });

  svr.Get("/login/done", [](const httplib::Request &req, httplib::Response &res) {
    auto next = req.get_param_value("next");
    if (next.empty() || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
      next = "/";
    res.set_redirect(next); // expect: appsec-open-redirect
  });

  svr.Get("/go", [](const httplib::Request &req, httplib::Response &res) {
    res.set_redirect(req.get_param_value("to")); // expect: appsec-open-redirect
  });
}

int main(int argc, char **argv) {
  auto cfg = load_config(argc, argv);
  httplib::Server svr;
  setup_routes(svr, cfg);
  svr.set_logger([](const httplib::Request &req, const httplib::Response &res) {
    std::cout << req.method << " " << req.path << " -> " << res.status << "\n";
  });
  std::cout << "serving " << cfg.artifact_root << " on :" << cfg.port << std::endl;
  svr.listen("0.0.0.0", cfg.port);
}
