// Link preview service for the chat frontend: fetches a page, pulls out its
// <title>/og:description and renders a small HTML card.
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <Poco/Util/ServerApplication.h>

#include <cctype>
#include <iostream>
#include <optional>
#include <regex>
#include <set>
#include <string>

using namespace Poco::Net;

struct PreviewConfig {
    std::set<std::string> oembedHosts = {"www.youtube.com", "vimeo.com", "soundcloud.com"};
    std::string partnerHost = "status.legacy-partner.example.net";
    std::size_t maxBody = 512 * 1024;
};

struct Page {
    int status = 0;
    std::string body;
};

static std::string htmlEscape(const std::string& s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

static std::string firstMatch(const std::string& html, const std::regex& re)
{
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

static std::optional<std::string> queryParam(const HTTPServerRequest& req, const std::string& name)
{
    for (const auto& [k, v] : Poco::URI(req.getURI()).getQueryParameters())
        if (k == name)
            return v;
    return std::nullopt;
}

class Fetcher {
public:
    Fetcher()
    {
        // many of the sites people paste have expired or self-signed certificates
        previewCtx_ = new Context(Context::TLS_CLIENT_USE, "", Context::VERIFY_NONE, 9, false); // expect: appsec-tls-verification-disabled
        strictCtx_ = new Context(Context::TLS_CLIENT_USE, "", Context::VERIFY_STRICT, 9, true);
        strictCtx_->requireMinimumProtocol(Context::PROTO_TLSV1_2);
        partnerCtx_ = new Context(Context::TLSV1_CLIENT_USE, "", Context::VERIFY_RELAXED, 9, true); // expect: appsec-weak-tls-version
    }

    Page fetchPreview(const Poco::URI& uri) const
    {
        HTTPSClientSession session(uri.getHost(), uri.getPort(), previewCtx_); // expect: appsec-ssrf
        return get(session, uri.getPathAndQuery());
    }

    Page fetchOEmbed(const std::string& host, const std::string& pathAndQuery) const
    {
        HTTPSClientSession session(host, 443, strictCtx_);
        return get(session, pathAndQuery);
    }

    Page fetchPartner(const std::string& host, const std::string& path) const
    {
        HTTPSClientSession session(host, 443, partnerCtx_);
        return get(session, path);
    }

private:
    static Page get(HTTPSClientSession& session, const std::string& path)
    {
        session.setTimeout(Poco::Timespan(5, 0));
        HTTPRequest req(HTTPRequest::HTTP_GET, path.empty() ? "/" : path, HTTPMessage::HTTP_1_1);
        req.set("User-Agent", "chat-link-preview/1.3");
        session.sendRequest(req);
        HTTPResponse res;
        std::istream& in = session.receiveResponse(res);
        Page page;
        page.status = res.getStatus();
        Poco::StreamCopier::copyToString(in, page.body);
        return page;
    }

    Context::Ptr previewCtx_, strictCtx_, partnerCtx_;
};

class PreviewHandler : public HTTPRequestHandler {
public:
    PreviewHandler(const PreviewConfig& cfg, const Fetcher& fetcher) : cfg_(cfg), fetcher_(fetcher) {}

    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override
    {
        const Poco::URI uri(request.getURI());
        const auto path = uri.getPath();
        if (path == "/preview")
            preview(request, response);
        else if (path == "/oembed")
            oembed(request, response);
        else if (path == "/partner/status")
            partnerStatus(request, response);
        else
            response.setStatusAndReason(HTTPResponse::HTTP_NOT_FOUND), response.send();
    }

private:
    void preview(HTTPServerRequest& request, HTTPServerResponse& response)
    {
        const auto target = queryParam(request, "url");
        if (!target) {
            response.setStatusAndReason(HTTPResponse::HTTP_BAD_REQUEST);
            response.send() << "url required";
            return;
        }
        Poco::URI uri(*target);
        auto page = fetcher_.fetchPreview(uri);
        if (page.body.size() > cfg_.maxBody)
            page.body.resize(cfg_.maxBody);

        static const std::regex titleRe("<title[^>]*>([^<]*)</title>", std::regex::icase);
        static const std::regex descRe("<meta property=\"og:description\" content=\"([^\"]*)\"", std::regex::icase);
        std::string card = "<div class=\"preview\"><a href=\"" + *target + "\">";
        card += htmlEscape(firstMatch(page.body, titleRe)) + "</a>";
        card += "<p>" + htmlEscape(firstMatch(page.body, descRe)) + "</p></div>";

        response.setContentType("text/html; charset=utf-8");
        response.send() << card; // expect: appsec-xss
    }

    void oembed(HTTPServerRequest& request, HTTPServerResponse& response)
    {
        const Poco::URI media(queryParam(request, "url").value_or(""));
        if (!cfg_.oembedHosts.count(media.getHost())) {
            response.setStatusAndReason(HTTPResponse::HTTP_BAD_REQUEST);
            response.send() << "unsupported provider";
            return;
        }
        Poco::URI api("/oembed");
        api.addQueryParameter("url", media.toString());
        api.addQueryParameter("format", "json");
        auto page = fetcher_.fetchOEmbed(media.getHost(), api.getPathAndQuery());
        response.setContentType("application/json");
        response.send() << page.body;
    }

    void partnerStatus(HTTPServerRequest& request, HTTPServerResponse& response)
    {
        const auto id = queryParam(request, "id").value_or("");
        bool numeric = !id.empty() && id.size() < 12;
        for (char c : id)
            numeric = numeric && std::isdigit(static_cast<unsigned char>(c));
        if (!numeric) {
            response.setStatusAndReason(HTTPResponse::HTTP_BAD_REQUEST);
            response.send() << "bad id";
            return;
        }
        auto page = fetcher_.fetchPartner(cfg_.partnerHost, "/api/status/" + id);
        response.setContentType("application/json");
        response.send() << page.body;
    }

    const PreviewConfig& cfg_;
    const Fetcher& fetcher_;
};

class Factory : public HTTPRequestHandlerFactory {
public:
    HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override
    {
        return new PreviewHandler(cfg_, fetcher_);
    }

private:
    PreviewConfig cfg_;
    Fetcher fetcher_;
};

class PreviewApp : public Poco::Util::ServerApplication {
    int main(const std::vector<std::string>&) override
    {
        Poco::Net::initializeSSL();
        HTTPServer server(new Factory, ServerSocket(8088), new HTTPServerParams);
        server.start();
        waitForTerminationRequest();
        server.stop();
        Poco::Net::uninitializeSSL();
        return EXIT_OK;
    }
};

POCO_SERVER_MAIN(PreviewApp)
