// deployd: receives GitHub push webhooks and a few ops endpoints for the staging box.
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using json = nlohmann::json;

struct DeployConfig {
  std::string repo_dir = "/opt/app/src";
  std::string hook_secret;
  std::string ops_token;
  std::string registry = "registry.internal:5000/app";
};

static DeployConfig g_cfg;

static std::string run_capture(const std::string &cmd) {
  std::string out;
  FILE *p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 256> buf{};
  while (fgets(buf.data(), buf.size(), p)) out += buf.data();
  pclose(p);
  return out;
}

static std::string hmac_sha256_hex(const std::string &key, const std::string &data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char *>(data.data()), data.size(), md, &len);
  std::ostringstream os;
  for (unsigned i = 0; i < len; ++i) os << std::hex << std::setw(2) << std::setfill('0') << int(md[i]);
  return os.str();
}

static bool valid_signature(const httplib::Request &req) {
  auto sig = req.get_header_value("X-Hub-Signature-256");
  auto expected = "sha256=" + hmac_sha256_hex(g_cfg.hook_secret, req.body);
  return sig.size() == expected.size() &&
         CRYPTO_memcmp(sig.data(), expected.data(), sig.size()) == 0;
}

static bool ops_authorized(const httplib::Request &req) {
  auto token = req.get_header_value("X-Ops-Token");
  if (token != g_cfg.ops_token) {
    std::cerr << "rejected ops call from " << req.remote_addr << " token=" << token << "\n"; // expect: appsec-sensitive-logging
    return false;
  }
  return true;
}

static bool is_numeric(const std::string &s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

static void setup(httplib::Server &svr) {
  svr.Post("/hooks/github", [](const httplib::Request &req, httplib::Response &res) {
    if (!valid_signature(req)) {
      res.status = 401;
      return;
    }
    if (req.get_header_value("X-GitHub-Event") != "push") {
      res.status = 204;
      return;
    }
    auto payload = json::parse(req.body, nullptr, false);
    if (payload.is_discarded()) {
      res.status = 400;
      return;
    }
    std::string ref = payload.value("ref", "");
    std::string branch = ref.substr(ref.rfind('/') + 1);
    std::string cmd = "cd " + g_cfg.repo_dir + " && git fetch origin && git checkout -f origin/" +
                      branch + " && make deploy";
    int rc = std::system(cmd.c_str()); // expect: appsec-command-injection
    for (const auto &commit : payload["commits"])
      std::cout << "deployed " << commit.value("id", "") << " " << commit.value("message", "") << "\n";
    res.set_content(json{{"branch", branch}, {"rc", rc}}.dump(), "application/json");
  });

  svr.Post("/ops/restart", [](const httplib::Request &req, httplib::Response &res) {
    if (!ops_authorized(req)) { res.status = 403; return; }
    static const std::set<std::string> units{"app-web", "app-worker", "app-scheduler", "nginx"};
    auto unit = req.get_param_value("unit");
    if (!units.count(unit)) {
      res.status = 400;
      res.set_content("unknown unit", "text/plain");
      return;
    }
    auto out = run_capture("systemctl restart " + unit + " 2>&1");
    res.set_content(out, "text/plain");
  });

  svr.Get("/ops/logs", [](const httplib::Request &req, httplib::Response &res) {
    if (!ops_authorized(req)) { res.status = 403; return; }
    static const std::regex unit_re("^app-[a-z]{2,16}$");
    auto unit = req.get_param_value("unit");
    auto lines = req.get_param_value("lines");
    if (!std::regex_match(unit, unit_re) || !is_numeric(lines)) {
      res.status = 400;
      return;
    }
    res.set_content(run_capture("journalctl -u " + unit + " -n " + lines + " --no-pager"), "text/plain");
  });

  svr.Post("/ops/pull", [](const httplib::Request &req, httplib::Response &res) {
    if (!ops_authorized(req)) { res.status = 403; return; }
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.contains("tag")) { res.status = 400; return; }
    std::string tag = body["tag"];
    char cmd[512];
    std::snprintf(cmd, sizeof(cmd), "docker pull %s:%s 2>&1", g_cfg.registry.c_str(), tag.c_str());
    FILE *p = popen(cmd, "r"); // expect: appsec-command-injection
    std::string out;
    char buf[256];
    while (p && fgets(buf, sizeof buf, p)) out += buf;
    if (p) pclose(p);
    res.set_content(out, "text/plain");
  });

  svr.Post("/ops/scale", [](const httplib::Request &req, httplib::Response &res) {
    if (!ops_authorized(req)) { res.status = 403; return; }
    int replicas = 0;
    try {
      replicas = std::stoi(req.get_param_value("replicas"));
    } catch (...) {
      res.status = 400;
      return;
    }
    if (replicas < 0 || replicas > 20) { res.status = 400; return; }
    auto out = run_capture("docker compose -f /opt/app/compose.yml up -d --scale worker=" +
                           std::to_string(replicas) + " 2>&1");
    res.set_content(out, "text/plain");
  });

  svr.Get("/ops/status", [](const httplib::Request &, httplib::Response &res) {
    res.set_content(run_capture("git -C " + g_cfg.repo_dir + " log -1 --oneline"), "text/plain");
  });
}

int main() {
  if (const char *s = std::getenv("DEPLOYD_HOOK_SECRET")) g_cfg.hook_secret = s;
  if (const char *t = std::getenv("DEPLOYD_OPS_TOKEN")) g_cfg.ops_token = t;
  if (g_cfg.hook_secret.empty() || g_cfg.ops_token.empty()) {
    std::cerr << "DEPLOYD_HOOK_SECRET and DEPLOYD_OPS_TOKEN are required\n";
    return 1;
  }
  std::cout << "deployd starting, ops token " << g_cfg.ops_token << "\n"; // expect: appsec-sensitive-logging
  httplib::Server svr;
  setup(svr);
  svr.listen("0.0.0.0", 9443);
}
