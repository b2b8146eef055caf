// file-drop: small internal upload box. Teams POST multipart uploads (basic auth with the
// shared upload key), images get a thumbnail, files are listed and downloadable.
#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <Poco/Util/ServerApplication.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

using namespace Poco::Net;
namespace fs = std::filesystem;

struct DropConfig {
    fs::path root = "/srv/filedrop";
    std::string uploadKey;
};

namespace {

std::string escapeHtml(const std::string& in)
{
    std::ostringstream out;
    for (char c : in) {
        if (c == '<') out << "&lt;";
        else if (c == '>') out << "&gt;";
        else if (c == '&') out << "&amp;";
        else if (c == '"') out << "&quot;";
        else if (c == '\'') out << "&#39;";
        else out << c;
    }
    return out.str();
}

bool isImage(const fs::path& p)
{
    auto ext = p.extension().string();
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".gif";
}

void makeThumbnail(const fs::path& image, const std::string& geometry)
{
    std::string cmd = "convert \"" + image.string() + "\" -thumbnail " + geometry + " \"" +
                      image.string() + ".thumb.png\"";
    std::system(cmd.c_str()); // expect: appsec-command-injection
}

} // namespace

class SavingPartHandler : public PartHandler {
public:
    explicit SavingPartHandler(fs::path dir) : dir_(std::move(dir)) {}

    void handlePart(const MessageHeader& header, std::istream& stream) override
    {
        std::string disposition;
        NameValueCollection params;
        MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
        std::string filename = params.get("filename", "upload.bin");
        fs::path dest = dir_ / filename;
        std::ofstream out(dest, std::ios::binary); // expect: appsec-path-traversal
        Poco::StreamCopier::copyStream(stream, out);
        saved_.push_back(dest);
    }

    const std::vector<fs::path>& saved() const { return saved_; }

private:
    fs::path dir_;
    std::vector<fs::path> saved_;
};

class DropHandler : public HTTPRequestHandler {
public:
    explicit DropHandler(const DropConfig& cfg) : cfg_(cfg), log_(Poco::Logger::get("filedrop")) {}

    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override
    {
        Poco::URI uri(request.getURI());
        if (uri.getPath() == "/upload" && request.getMethod() == HTTPRequest::HTTP_POST)
            upload(request, response);
        else if (uri.getPath() == "/files")
            list(response);
        else if (uri.getPath() == "/download")
            download(uri, response);
        else {
            response.setStatusAndReason(HTTPResponse::HTTP_NOT_FOUND);
            response.send();
        }
    }

private:
    bool authorized(const HTTPServerRequest& request)
    {
        if (!request.hasCredentials())
            return false;
        HTTPBasicCredentials creds(request);
        if (creds.getPassword() != cfg_.uploadKey) {
            log_.warning("rejected upload from user " + creds.getUsername());
            return false;
        }
        return true;
    }

    void upload(HTTPServerRequest& request, HTTPServerResponse& response)
    {
        if (!authorized(request)) {
            response.requireAuthentication("filedrop");
            response.send();
            return;
        }
        SavingPartHandler parts(cfg_.root);
        HTMLForm form(request, request.stream(), parts);

        static const std::map<std::string, std::string> sizes = {
            {"small", "128x128"}, {"medium", "320x320"}, {"large", "640x640"}};
        auto size = sizes.find(form.get("thumb", "small"));
        std::string geometry = size != sizes.end() ? size->second : "128x128";

        std::string page = "<html><body><h2>Uploaded</h2><ul>";
        for (const auto& p : parts.saved()) {
            if (isImage(p))
                makeThumbnail(p, geometry);
            page += "<li>" + p.filename().string() + "</li>";
        }
        page += "</ul><p>Comment: " + escapeHtml(form.get("comment", "")) + "</p></body></html>";
        response.setContentType("text/html");
        response.send() << page; // expect: appsec-xss
    }

    void list(HTTPServerResponse& response)
    {
        std::ostringstream html;
        html << "<html><body><ul>";
        for (const auto& entry : fs::directory_iterator(cfg_.root)) {
            auto name = entry.path().filename().string();
            html << "<li><a href=\"/download?name=" << Poco::URI(name).toString() << "\">"
                 << escapeHtml(name) << "</a></li>";
        }
        html << "</ul></body></html>";
        response.setContentType("text/html");
        response.send() << html.str();
    }

    void download(const Poco::URI& uri, HTTPServerResponse& response)
    {
        std::string name;
        for (const auto& [k, v] : uri.getQueryParameters())
            if (k == "name")
                name = v;
        const auto root = fs::weakly_canonical(cfg_.root);
        const auto target = fs::weakly_canonical(root / name);
        const auto rootStr = root.string() + "/";
        if (target.string().compare(0, rootStr.size(), rootStr) != 0 || !fs::is_regular_file(target)) {
            response.setStatusAndReason(HTTPResponse::HTTP_NOT_FOUND);
            response.send();
            return;
        }
        response.sendFile(target.string(), "application/octet-stream");
    }

    const DropConfig& cfg_;
    Poco::Logger& log_;
};

class DropFactory : public HTTPRequestHandlerFactory {
public:
    explicit DropFactory(DropConfig cfg) : cfg_(std::move(cfg)) {}
    HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new DropHandler(cfg_); }

private:
    DropConfig cfg_;
};

class FileDropApp : public Poco::Util::ServerApplication {
    int main(const std::vector<std::string>&) override
    {
        DropConfig cfg;
        cfg.root = config().getString("filedrop.root", "/srv/filedrop");
        cfg.uploadKey = config().getString("filedrop.uploadKey");
        logger().information("file-drop starting, root=" + cfg.root.string() + " key=" + cfg.uploadKey); // expect: appsec-sensitive-logging

        HTTPServer server(new DropFactory(cfg), ServerSocket(8090), new HTTPServerParams);
        server.start();
        waitForTerminationRequest();
        server.stop();
        return EXIT_OK;
    }
};

POCO_SERVER_MAIN(FileDropApp)
