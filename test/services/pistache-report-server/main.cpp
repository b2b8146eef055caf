// Internal reporting service: renders CSV/PDF reports with the `reportgen` tool
// and serves the generated files to the BI dashboard.
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/router.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

using namespace Pistache;
namespace fs = std::filesystem;

struct Config {
    fs::path reportRoot = "/srv/reports";
    std::string generator = "/usr/local/bin/reportgen";
    std::string dashboardUrl = "https://bi.internal.example.com";
};

namespace util {

std::string runCommand(const std::string& cmd)
{
    std::string output;
    FILE* pipe = popen(cmd.c_str(), "r"); // expect: appsec-command-injection
    if (!pipe)
        return output;
    std::array<char, 512> buf{};
    while (fgets(buf.data(), buf.size(), pipe))
        output += buf.data();
    pclose(pipe);
    return output;
}

bool isSlug(std::string_view s)
{
    if (s.empty() || s.size() > 40)
        return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            return false;
    return true;
}

std::string readFile(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary); // expect: appsec-path-traversal
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace util

class ReportHandler {
public:
    explicit ReportHandler(Config cfg) : cfg_(std::move(cfg)) {}

    void setup(Rest::Router& router)
    {
        using namespace Rest;
        Routes::Post(router, "/reports/:name/render", Routes::bind(&ReportHandler::render, this));
        Routes::Get(router, "/reports/archive", Routes::bind(&ReportHandler::archive, this));
        Routes::Get(router, "/reports/files/:file", Routes::bind(&ReportHandler::download, this));
        Routes::Get(router, "/reports/export", Routes::bind(&ReportHandler::exportCsv, this));
        Routes::Get(router, "/reports/shared", Routes::bind(&ReportHandler::shared, this));
        Routes::Get(router, "/done", Routes::bind(&ReportHandler::done, this));
        Routes::Get(router, "/back", Routes::bind(&ReportHandler::back, this));
    }

private:
    void render(const Rest::Request& req, Http::ResponseWriter resp)
    {
        static const std::set<std::string> formats = {"csv", "pdf", "xlsx"};
        auto name = req.param(":name").as<std::string>();
        auto format = req.query().get("format").value_or("csv");
        if (!util::isSlug(name) || formats.count(format) == 0) {
            resp.send(Http::Code::Bad_Request, "bad report name or format");
            return;
        }
        std::ostringstream cmd;
        cmd << cfg_.generator << " --report " << name << " --format " << format
            << " --out " << (cfg_.reportRoot / "out").string();
        auto out = util::runCommand(cmd.str());
        resp.send(Http::Code::Ok, out, MIME(Text, Plain));
    }

    void archive(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto since = req.query().get("since").value_or("7 days ago");
        std::string cmd = "find " + cfg_.reportRoot.string() + " -newermt '" + since +
                          "' -name '*.csv' | xargs tar czf /tmp/reports.tgz";
        util::runCommand(cmd);
        resp.send(Http::Code::Ok, "archived");
    }

    void download(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto file = req.param(":file").as<std::string>();
        auto root = fs::weakly_canonical(cfg_.reportRoot / "out");
        auto target = fs::weakly_canonical(root / file);
        auto rel = target.lexically_relative(root);
        if (rel.empty() || *rel.begin() == "..") {
            resp.send(Http::Code::Forbidden, "outside report directory");
            return;
        }
        std::ifstream in(target, std::ios::binary);
        if (!in) {
            resp.send(Http::Code::Not_Found);
            return;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        resp.send(Http::Code::Ok, ss.str(), MIME(Application, OctetStream));
    }

    void exportCsv(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto path = req.query().get("path");
        if (!path) {
            resp.send(Http::Code::Bad_Request, "path required");
            return;
        }
        auto label = req.query().get("label").value_or("export");
        auto content = util::readFile(cfg_.reportRoot / *path);
        resp.headers().addRaw(Http::Header::Raw("Content-Disposition", "attachment; filename=\"" + label + ".csv\"")); // expect: appsec-header-injection
        resp.send(Http::Code::Ok, content, MIME(Text, Plain));
    }

    void shared(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto id = req.query().get("id").value_or("");
        if (!util::isSlug(id)) {
            resp.send(Http::Code::Bad_Request, "bad id");
            return;
        }
        resp.headers().addRaw(Http::Header::Raw("Content-Disposition", "inline; filename=\"" + id + ".pdf\""));
        resp.send(Http::Code::Ok, util::readFile(cfg_.reportRoot / "shared" / (id + ".pdf")),
                  MIME(Application, OctetStream));
    }

    void done(const Rest::Request& req, Http::ResponseWriter resp)
    {
        auto next = req.query().get("next").value_or("/");
        resp.headers().add<Http::Header::Location>(next); // expect: appsec-open-redirect
        resp.send(Http::Code::Found);
    }

    void back(const Rest::Request& req, Http::ResponseWriter resp)
    {
        static const std::map<std::string, std::string> pages = {
            {"sales", "/dashboards/sales"}, {"ops", "/dashboards/ops"}, {"finance", "/dashboards/finance"}};
        auto page = req.query().get("page").value_or("sales");
        auto it = pages.find(page);
        std::string target = cfg_.dashboardUrl + (it != pages.end() ? it->second : "/");
        resp.headers().add<Http::Header::Location>(target);
        resp.send(Http::Code::Found);
    }

    Config cfg_;
};

int main(int argc, char** argv)
{
    Config cfg;
    if (argc > 1)
        cfg.reportRoot = argv[1];

    Rest::Router router;
    ReportHandler handler(cfg);
    handler.setup(router);

    Http::Endpoint server(Address(Ipv4::any(), Port(8085)));
    server.init(Http::Endpoint::options().threads(2).flags(Tcp::Options::ReuseAddr));
    server.setHandler(router.handler());
    std::clog << "report server up, root=" << cfg.reportRoot << '\n';
    server.serve();
}
