// node-probe-exporter: exposes host metrics in Prometheus text format, runs
// on-demand reachability probes and pushes a summary to the central pushgateway.
#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>
#include <cpprest/uri.h>

#include <openssl/ssl.h>
#include <syslog.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

using namespace web;
using namespace web::http;
using namespace web::http::experimental::listener;

struct ExporterConfig {
    std::string listen = "http://0.0.0.0:9109";
    std::string instance = "node-01";
    std::string logDir = "/var/log/probe-exporter";
    std::string pushgateway = "https://push.metrics.example.com";
};

static std::string shell(const std::string& cmd)
{
    std::array<char, 256> buf{};
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) { // expect: appsec-command-injection
        while (fgets(buf.data(), buf.size(), p))
            out += buf.data();
        pclose(p);
    }
    return out;
}

static std::string readAll(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class Exporter {
public:
    explicit Exporter(ExporterConfig cfg) : cfg_(std::move(cfg)), listener_(cfg_.listen)
    {
        listener_.support(methods::GET, [this](http_request r) { dispatch(r); });
        listener_.support(methods::POST, [this](http_request r) { push(r); });
    }

    void open() { listener_.open().wait(); }
    void close() { listener_.close().wait(); }

private:
    void dispatch(const http_request& req)
    {
        auto parts = uri::split_path(uri::decode(req.relative_uri().path()));
        if (parts.size() == 1 && parts[0] == "metrics")
            metrics(req);
        else if (parts.size() == 2 && parts[0] == "probe")
            icmpProbe(req, parts[1]);
        else if (parts.size() == 2 && parts[0] == "probe-tcp")
            tcpProbe(req, parts[1]);
        else if (parts.size() == 1 && parts[0] == "logs")
            logs(req);
        else
            req.reply(status_codes::NotFound);
    }

    void metrics(const http_request& req)
    {
        std::ostringstream out;
        out << "# TYPE node_load1 gauge\n";
        std::istringstream load(readAll("/proc/loadavg"));
        double l1 = 0;
        load >> l1;
        out << "node_load1{instance=\"" << cfg_.instance << "\"} " << l1 << "\n";
        http_response resp(status_codes::OK);
        resp.headers().set_content_type("text/plain; version=0.0.4");
        resp.headers().add("X-Exporter-Instance", cfg_.instance);
        if (req.headers().has("X-Request-Id"))
            resp.headers().add("X-Request-Id", req.headers().find("X-Request-Id")->second);
        resp.set_body(out.str());
        req.reply(resp);
    }

    void icmpProbe(const http_request& req, const std::string& host)
    {
        auto query = uri::split_query(req.relative_uri().query());
        std::string count = query.count("count") ? query["count"] : "3";
        int n = 3;
        try {
            n = std::clamp(std::stoi(count), 1, 10);
        } catch (...) {
        }
        std::string out = shell("ping -c " + std::to_string(n) + " -W 1 " + host + " 2>&1");
        std::string msg = "icmp probe " + host + " finished";
        syslog(LOG_INFO, msg.c_str()); // expect: appsec-format-string
        req.reply(status_codes::OK, out);
    }

    void tcpProbe(const http_request& req, const std::string& target)
    {
        static const std::regex hostPort(R"(^([A-Za-z0-9.-]{1,253}):([0-9]{1,5})$)");
        std::smatch m;
        if (!std::regex_match(target, m, hostPort)) {
            req.reply(status_codes::BadRequest, "expected host:port");
            return;
        }
        std::string out = shell("nc -z -w 2 " + m[1].str() + " " + m[2].str() + " && echo open || echo closed");
        syslog(LOG_INFO, "tcp probe %s: %s", target.c_str(), out.c_str());
        req.reply(status_codes::OK, out);
    }

    void logs(const http_request& req)
    {
        auto query = uri::split_query(uri::decode(req.relative_uri().query()));
        if (query.count("rotation")) {
            int idx = 0;
            try {
                idx = std::stoi(query["rotation"]);
            } catch (...) {
                req.reply(status_codes::BadRequest);
                return;
            }
            req.reply(status_codes::OK, readAll(cfg_.logDir + "/probe.log." + std::to_string(idx)));
            return;
        }
        std::string name = query.count("file") ? query["file"] : "probe.log";
        std::ifstream in(cfg_.logDir + "/" + name); // expect: appsec-path-traversal
        std::stringstream ss;
        ss << in.rdbuf();
        req.reply(status_codes::OK, ss.str());
    }

    void push(const http_request& req)
    {
        if (req.relative_uri().path() != "/push") {
            req.reply(status_codes::NotFound);
            return;
        }
        client::http_client_config cc;
        cc.set_credentials(web::credentials("exporter", "pushgw-Exp0rter!")); // expect: appsec-hardcoded-secret
        cc.set_ssl_context_callback([](boost::asio::ssl::context& ctx) {
            SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_VERSION); // expect: appsec-weak-tls-version
        });
        client::http_client gw(uri(cfg_.pushgateway), cc);
        std::string job = "/metrics/job/probe/instance/" + uri::encode_data_string(cfg_.instance);
        http_request upload(methods::POST);
        upload.set_request_uri(job);
        upload.set_body(readAll("/proc/loadavg"));
        gw.request(upload).then([req](http_response r) { req.reply(r.status_code()); }).wait();
    }

    ExporterConfig cfg_;
    http_listener listener_;
};

int main(int argc, char** argv)
{
    ExporterConfig cfg;
    if (argc > 1)
        cfg.instance = argv[1];
    openlog("probe-exporter", LOG_PID, LOG_DAEMON);
    Exporter exporter(cfg);
    exporter.open();
    std::cout << "exporter up on " << cfg.listen << std::endl;
    for (;;)
        std::this_thread::sleep_for(std::chrono::hours(1));
}
