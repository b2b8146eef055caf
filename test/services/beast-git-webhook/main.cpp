// mirrorhook - receives GitHub push webhooks, refreshes the local mirror of
// the pushed repository and kicks the CI pipeline for the branch.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <regex>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using json = nlohmann::json;

static const char kWebhookSecret[] = "gh-hook-4f1c9e77b2d04a8a";

struct Settings {
  std::string mirror_root = "/srv/mirrors";
  std::string ci_base = "https://ci.internal.example.com";
  std::string ci_token;
};

struct PushEvent {
  std::string repo;
  std::string ref;
  std::string after;
  std::string pusher;
};

static std::string to_hex(const unsigned char *data, unsigned int len) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 0xf];
  }
  return out;
}

static bool signature_ok(const std::string &body, beast::string_view header) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), kWebhookSecret, sizeof(kWebhookSecret) - 1, // expect: appsec-hardcoded-secret
       reinterpret_cast<const unsigned char *>(body.data()), body.size(), mac, &mac_len);
  std::string expected = "sha256=" + to_hex(mac, mac_len);
  if (header.size() != expected.size())
    return false;
  return CRYPTO_memcmp(expected.data(), header.data(), expected.size()) == 0;
}

static std::optional<PushEvent> parse_push(const std::string &body) {
  auto doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.contains("repository"))
    return std::nullopt;
  PushEvent ev;
  ev.repo = doc["repository"].value("name", "");
  ev.ref = doc.value("ref", "");
  ev.after = doc.value("after", "");
  if (doc.contains("pusher")) ev.pusher = doc["pusher"].value("name", "");
  return ev;
}

static bool valid_repo_name(const std::string &name) {
  if (name.empty() || name.size() > 100) return false;
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
  return name.find("..") == std::string::npos;
}

static void refresh_mirror(const Settings &s, const PushEvent &ev) {
  std::string branch = ev.ref;
  if (branch.rfind("refs/heads/", 0) == 0) branch = branch.substr(11);
  std::string cmd = "git -C " + s.mirror_root + "/" + ev.repo + ".git fetch --quiet origin " + branch;
  if (std::system(cmd.c_str()) != 0) // expect: appsec-command-injection
    std::cerr << "fetch failed for " << ev.repo << "\n";
}

static std::string commit_subject(const Settings &s, const PushEvent &ev) {
  static const std::regex sha_re("^[0-9a-f]{40}$");
  if (!std::regex_match(ev.after, sha_re)) return {};
  std::string cmd = "git -C " + s.mirror_root + "/" + ev.repo + ".git log -1 --format=%s " + ev.after;
  std::string out;
  if (FILE *p = popen(cmd.c_str(), "r")) {
    char buf[256];
    while (fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
  }
  return out;
}

static size_t discard(char *, size_t size, size_t nmemb, void *) { return size * nmemb; }

static void trigger_ci(const Settings &s, const PushEvent &ev, const std::string &subject) {
  CURL *curl = curl_easy_init();
  if (!curl) return;
  std::string url = s.ci_base + "/api/v1/pipelines/trigger?token=" + s.ci_token;
  json payload = {{"repo", ev.repo}, {"ref", ev.ref}, {"sha", ev.after}, {"title", subject}};
  std::string body = payload.dump();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str()); // expect: appsec-secret-in-url
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK)
    std::cerr << "ci trigger failed: " << curl_easy_strerror(rc) << "\n";
  curl_easy_cleanup(curl);
}

static http::response<http::string_body> handle(const Settings &s, const http::request<http::string_body> &req) {
  auto reply = [&req](http::status st, std::string text) {
    http::response<http::string_body> res{st, req.version()};
    res.set(http::field::content_type, "text/plain");
    res.body() = std::move(text);
    res.prepare_payload();
    return res;
  };
  if (req.method() != http::verb::post || req.target() != "/hooks/github")
    return reply(http::status::not_found, "not found");
  if (!signature_ok(req.body(), req["X-Hub-Signature-256"]))
    return reply(http::status::unauthorized, "bad signature");
  if (req["X-GitHub-Event"] == "ping")
    return reply(http::status::ok, "pong");

  auto ev = parse_push(req.body());
  if (!ev || !valid_repo_name(ev->repo))
    return reply(http::status::bad_request, "unsupported payload");

  std::cout << "push to " << ev->repo << " " << ev->ref << " by " << ev->pusher << std::endl;
  refresh_mirror(s, *ev);
  trigger_ci(s, *ev, commit_subject(s, *ev));
  return reply(http::status::accepted, "queued");
}

int main() {
  Settings settings;
  if (const char *t = std::getenv("CI_TRIGGER_TOKEN")) settings.ci_token = t;
  if (const char *r = std::getenv("MIRROR_ROOT")) settings.mirror_root = r;
  curl_global_init(CURL_GLOBAL_DEFAULT);

  net::io_context ioc;
  tcp::acceptor acceptor{ioc, {tcp::v4(), 9000}};
  for (;;) {
    tcp::socket sock{ioc};
    acceptor.accept(sock);
    beast::flat_buffer buf;
    beast::error_code ec;
    http::request<http::string_body> req;
    http::read(sock, buf, req, ec);
    if (!ec) {
      auto res = handle(settings, req);
      http::write(sock, res, ec);
    }
    sock.shutdown(tcp::socket::shutdown_both, ec);
  }
}
