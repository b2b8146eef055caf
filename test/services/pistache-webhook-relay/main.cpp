// deploy-relay: receives deployment webhooks from CI runners (authenticated with
// HS256 JWTs) and fans them out to the subscriber callbacks registered per team.
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/router.h>

#include <curl/curl.h>
#include <jwt-cpp/jwt.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

using namespace Pistache;
using json = nlohmann::json;

struct RelayConfig {
    std::string jwtSecret;
    std::string issuer = "ci.example.com";
    std::string slackWebhook;
};

struct Subscription {
    std::string team;
    std::string callbackUrl;
};

namespace http_out {

size_t discard(char*, size_t size, size_t n, void*) { return size * n; }

long postJson(const std::string& url, const std::string& payload, bool verifyTls)
{
    CURL* c = curl_easy_init();
    if (!c)
        return -1;
    curl_slist* hdrs = curl_slist_append(nullptr, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url.c_str()); // expect: appsec-ssrf
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 5L);
    if (!verifyTls) {
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L); // expect: appsec-tls-verification-disabled
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L); // expect: appsec-tls-verification-disabled
    }
    long status = 0;
    if (curl_easy_perform(c) == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(c);
    return status;
}

} // namespace http_out

class DeployRelay {
public:
    explicit DeployRelay(RelayConfig cfg) : cfg_(std::move(cfg)) {}

    void routes(Rest::Router& router)
    {
        using namespace Rest;
        Routes::Post(router, "/hooks/deploy", Routes::bind(&DeployRelay::onDeploy, this));
        Routes::Post(router, "/subscriptions", Routes::bind(&DeployRelay::subscribe, this));
        Routes::Get(router, "/hooks/status", Routes::bind(&DeployRelay::status, this));
        Routes::Post(router, "/hooks/legacy", Routes::bind(&DeployRelay::legacyHook, this));
        Routes::Get(router, "/healthz", [](const Rest::Request&, Http::ResponseWriter resp) {
            resp.send(Http::Code::Ok, "ok");
            return Route::Result::Ok;
        });
    }

private:
    static std::optional<std::string> bearer(const Rest::Request& req)
    {
        auto auth = req.headers().tryGetRaw("Authorization");
        if (!auth || auth->value().rfind("Bearer ", 0) != 0)
            return std::nullopt;
        return auth->value().substr(7);
    }

    std::optional<std::string> verifiedTeam(const Rest::Request& req)
    {
        auto token = bearer(req);
        if (!token)
            return std::nullopt;
        auto decoded = jwt::decode(*token);
        std::error_code ec;
        jwt::verify()
            .allow_algorithm(jwt::algorithm::hs256{cfg_.jwtSecret})
            .with_issuer(cfg_.issuer)
            .verify(decoded, ec);
        if (ec) {
            std::cerr << "rejected CI token: " << ec.message() << '\n';
            return std::nullopt;
        }
        return decoded.get_payload_claim("team").as_string();
    }

    void onDeploy(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto team = verifiedTeam(req);
        if (!team) {
            resp.send(Http::Code::Unauthorized);
            return;
        }
        auto event = json::parse(req.body(), nullptr, false);
        if (event.is_discarded()) {
            resp.send(Http::Code::Bad_Request, "invalid json");
            return;
        }
        event["team"] = *team;
        std::vector<Subscription> targets;
        {
            std::lock_guard<std::mutex> lock(mu_);
            for (const auto& s : subs_)
                if (s.team == *team)
                    targets.push_back(s);
        }
        int delivered = 0;
        for (const auto& s : targets)
            if (http_out::postJson(s.callbackUrl, event.dump(), true) / 100 == 2)
                ++delivered;
        if (!cfg_.slackWebhook.empty())
            http_out::postJson(cfg_.slackWebhook, json{{"text", "deploy by " + *team}}.dump(), true);
        resp.send(Http::Code::Ok, json{{"delivered", delivered}}.dump(), MIME(Application, Json));
    }

    void subscribe(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto team = verifiedTeam(req);
        if (!team) {
            resp.send(Http::Code::Unauthorized);
            return;
        }
        auto body = json::parse(req.body(), nullptr, false);
        if (body.is_discarded() || !body.contains("callback_url")) {
            resp.send(Http::Code::Bad_Request, "callback_url required");
            return;
        }
        std::string url = body["callback_url"].get<std::string>();
        bool verify = body.value("verify_tls", true);
        // send a ping so the subscriber knows the hook is live
        long code = http_out::postJson(url, R"({"ping":true})", verify);
        {
            std::lock_guard<std::mutex> lock(mu_);
            subs_.push_back({*team, url});
        }
        resp.send(Http::Code::Created, json{{"ping_status", code}}.dump(), MIME(Application, Json));
    }

    void status(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto token = bearer(req);
        if (!token) {
            resp.send(Http::Code::Unauthorized);
            return;
        }
        auto decoded = jwt::decode(*token);
        auto team = decoded.get_payload_claim("team").as_string(); // expect: appsec-jwt-missing-verification
        json out = json::array();
        std::lock_guard<std::mutex> lock(mu_);
        for (const auto& s : subs_)
            if (s.team == team)
                out.push_back({{"callback_url", s.callbackUrl}});
        resp.send(Http::Code::Ok, out.dump(), MIME(Application, Json));
    }

    void legacyHook(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto token = bearer(req).value_or("");
        auto decoded = jwt::decode(token);
        std::error_code ec;
        jwt::verify()
            .allow_algorithm(jwt::algorithm::hs256{"relay-legacy-2019"}) // expect: appsec-hardcoded-secret
            .allow_algorithm(jwt::algorithm::none{}) // expect: appsec-jwt-unsafe-verification
            .verify(decoded, ec);
        if (ec) {
            std::cerr << "legacy hook rejected, token=" << token << '\n'; // expect: appsec-sensitive-logging
            resp.send(Http::Code::Unauthorized);
            return;
        }
        resp.send(Http::Code::Accepted, "queued");
    }

    RelayConfig cfg_;
    std::mutex mu_;
    std::vector<Subscription> subs_;
};

int main()
{
    RelayConfig cfg;
    const char* secret = std::getenv("RELAY_JWT_SECRET");
    if (!secret) {
        std::cerr << "RELAY_JWT_SECRET not set\n";
        return 1;
    }
    cfg.jwtSecret = secret;
    if (const char* slack = std::getenv("RELAY_SLACK_WEBHOOK"))
        cfg.slackWebhook = slack;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    DeployRelay relay(cfg);
    Rest::Router router;
    relay.routes(router);

    Http::Endpoint server(Address(Ipv4::any(), Port(8070)));
    server.init(Http::Endpoint::options().threads(4));
    server.setHandler(router.handler());
    server.serve();
    curl_global_cleanup();
}
