// Dashboard gateway: forwards widget requests to internal services and lets the
// "embed" widget fetch arbitrary feeds server-side (to avoid CORS in the browser).
#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>
#include <cpprest/uri.h>
#include <cpprest/uri_builder.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <thread>

using namespace web;
using namespace web::http;
using namespace web::http::client;
using namespace web::http::experimental::listener;

struct GatewayConfig {
    std::string listenUrl = "http://0.0.0.0:8060";
    std::map<std::string, std::string> upstreams = {
        {"billing", "https://billing.internal.example.com"},
        {"inventory", "https://inventory.internal.example.com"},
        {"search", "http://search.internal.example.com:9200"},
    };
    std::string billingApiKey;
};

namespace {

http_client_config clientConfig(bool strictTls)
{
    http_client_config cfg;
    cfg.set_timeout(std::chrono::seconds(10));
    cfg.set_validate_certificates(strictTls);
    return cfg;
}

std::string queryValue(const http_request& req, const std::string& key)
{
    auto params = uri::split_query(req.request_uri().query());
    auto it = params.find(key);
    return it == params.end() ? std::string() : uri::decode(it->second);
}

void forwardResponse(const http_request& req, http_response upstream)
{
    http_response out(upstream.status_code());
    for (const auto& name : {"Content-Type", "Cache-Control", "ETag"}) {
        auto it = upstream.headers().find(name);
        if (it != upstream.headers().end())
            out.headers().add(it->first, it->second);
    }
    out.set_body(upstream.body());
    req.reply(out);
}

} // namespace

class Gateway {
public:
    explicit Gateway(GatewayConfig cfg) : cfg_(std::move(cfg)), listener_(uri(cfg_.listenUrl)) {}

    void start()
    {
        listener_.support(methods::GET, [this](http_request req) { route(req); });
        listener_.open().wait();
    }

    void stop() { listener_.close().wait(); }

private:
    void route(const http_request& req)
    {
        auto segments = uri::split_path(req.relative_uri().path());
        if (segments.empty()) {
            req.reply(status_codes::NotFound);
            return;
        }
        if (segments[0] == "api" && segments.size() >= 2)
            upstreamApi(req, segments);
        else if (segments[0] == "feed")
            fetchFeed(req);
        else if (segments[0] == "export")
            exportCsv(req);
        else if (segments[0] == "out")
            leave(req);
        else
            req.reply(status_codes::NotFound);
    }

    void upstreamApi(const http_request& req, const std::vector<std::string>& segments)
    {
        auto base = cfg_.upstreams.find(segments[1]);
        if (base == cfg_.upstreams.end()) {
            req.reply(status_codes::NotFound, "unknown service");
            return;
        }
        uri_builder path;
        for (size_t i = 2; i < segments.size(); ++i)
            path.append_path(segments[i], true);
        path.set_query(req.relative_uri().query());
        if (segments[1] == "billing")
            path.append_query("api_key", cfg_.billingApiKey); // expect: appsec-secret-in-url

        http_client client(uri(base->second), clientConfig(true));
        client.request(methods::GET, path.to_string())
            .then([req](http_response resp) { forwardResponse(req, resp); })
            .then([req](pplx::task<void> t) {
                try {
                    t.get();
                } catch (const std::exception& e) {
                    req.reply(status_codes::BadGateway, e.what());
                }
            });
    }

    void fetchFeed(const http_request& req)
    {
        const auto target = queryValue(req, "url");
        if (target.empty() || !uri::validate(target)) {
            req.reply(status_codes::BadRequest, "url required");
            return;
        }
        // feeds are often self-hosted with whatever certificate the owner had lying around
        auto cfg = clientConfig(true);
        cfg.set_validate_certificates(false); // expect: appsec-tls-verification-disabled
        http_client client(uri(target), cfg); // expect: appsec-ssrf
        http_request upstream(methods::GET);
        if (req.headers().has("Accept"))
            upstream.headers().add("Accept", req.headers().find("Accept")->second);
        client.request(upstream)
            .then([req](http_response resp) { forwardResponse(req, resp); })
            .wait();
    }

    void exportCsv(const http_request& req)
    {
        auto name = queryValue(req, "filename");
        if (name.empty())
            name = "export";
        http_response resp(status_codes::OK);
        resp.headers().add("Content-Disposition", "attachment; filename=\"" + name + ".csv\""); // expect: appsec-header-injection
        resp.headers().set_content_type("text/csv");
        resp.set_body("widget,value\n");
        req.reply(resp);
    }

    void leave(const http_request& req)
    {
        auto to = queryValue(req, "to");
        http_response resp(status_codes::Found);
        if (to.size() > 1 && to[0] == '/' && to[1] != '/' && to.find('\\') == std::string::npos &&
            to.find_first_of("\r\n") == std::string::npos)
            resp.headers().add("Location", to); // expect: appsec-open-redirect
        else
            resp.headers().add("Location", "/");
        req.reply(resp);
    }

    GatewayConfig cfg_;
    http_listener listener_;
};

int main()
{
    GatewayConfig cfg;
    if (const char* key = std::getenv("BILLING_API_KEY"))
        cfg.billingApiKey = key;
    Gateway gw(cfg);
    gw.start();
    std::cout << "gateway listening on " << cfg.listenUrl << std::endl;
    std::string line;
    std::getline(std::cin, line);
    gw.stop();
}
