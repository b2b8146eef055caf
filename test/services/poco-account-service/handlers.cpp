#include "handlers.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/JWT/Token.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <regex>
#include <set>
#include <sstream>

using Poco::Net::HTMLForm;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace {

std::string accountJson(const Account& a)
{
    Poco::JSON::Object obj;
    obj.set("id", a.id);
    obj.set("username", a.username);
    obj.set("email", a.email);
    obj.set("role", a.role);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(obj, out);
    return out.str();
}

bool validUsername(const std::string& u)
{
    static const std::regex re("^[a-z][a-z0-9_.]{2,31}$");
    return std::regex_match(u, re);
}

} // namespace

std::optional<Poco::JWT::Token> BaseHandler::authenticate(HTTPServerRequest& request) const
{
    const std::string auth = request.get("Authorization", "");
    if (auth.rfind("Bearer ", 0) != 0)
        return std::nullopt;
    Poco::JWT::Signer signer(ctx_.jwtKey);
    Poco::JWT::Token token;
    if (!signer.tryVerify(auth.substr(7), token))
        return std::nullopt;
    if (token.getIssuer() != ctx_.issuer || token.getExpiration() < Poco::Timestamp())
        return std::nullopt;
    return token;
}

void BaseHandler::sendJson(HTTPServerResponse& response, const std::string& body, HTTPResponse::HTTPStatus status)
{
    response.setStatus(status);
    response.setContentType("application/json");
    response.sendBuffer(body.data(), body.size());
}

void RegisterHandler::handleRequest(HTTPServerRequest& request, HTTPServerResponse& response)
{
    HTMLForm form(request, request.stream());
    const auto username = form.get("username", "");
    const auto password = form.get("password", "");
    if (!validUsername(username) || password.size() < 10) {
        sendJson(response, R"({"error":"invalid username or password too short"})", HTTPResponse::HTTP_BAD_REQUEST);
        return;
    }
    if (!ctx_.store->create(username, password, form.get("email", ""))) {
        sendJson(response, R"({"error":"username taken"})", HTTPResponse::HTTP_CONFLICT);
        return;
    }
    sendJson(response, R"({"status":"created"})", HTTPResponse::HTTP_CREATED);
}

void LoginHandler::handleRequest(HTTPServerRequest& request, HTTPServerResponse& response)
{
    HTMLForm form(request, request.stream());
    auto account = ctx_.store->authenticate(form.get("username", ""), form.get("password", ""));
    if (!account) {
        sendJson(response, R"({"error":"bad credentials"})", HTTPResponse::HTTP_UNAUTHORIZED);
        return;
    }
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setIssuer(ctx_.issuer);
    token.setSubject(account->username);
    token.payload().set("role", account->role);
    token.setIssuedAt(Poco::Timestamp());
    token.setExpiration(Poco::Timestamp() + 3600 * Poco::Timestamp::resolution());
    Poco::JWT::Signer signer(ctx_.jwtKey);
    const std::string jwt = signer.sign(token, Poco::JWT::Signer::ALGO_HS256);

    Poco::Net::HTTPCookie session("acct_session", jwt);
    session.setPath("/");
    response.addCookie(session); // expect: appsec-insecure-cookie

    Poco::Net::HTTPCookie lang("lang", form.get("lang", "en") == "de" ? "de" : "en");
    lang.setPath("/");
    response.addCookie(lang);
    sendJson(response, "{\"token\":\"" + jwt + "\"}");
}

void ProfileHandler::handleRequest(HTTPServerRequest& request, HTTPServerResponse& response)
{
    auto token = authenticate(request);
    if (!token) {
        sendJson(response, R"({"error":"unauthorized"})", HTTPResponse::HTTP_UNAUTHORIZED);
        return;
    }
    const auto username = token->getSubject();
    if (request.getMethod() == "POST") {
        HTMLForm form(request, request.stream());
        ctx_.store->updateEmail(username, form.get("email"));
    }
    auto account = ctx_.store->byUsername(username);
    if (!account) {
        sendJson(response, R"({"error":"not found"})", HTTPResponse::HTTP_NOT_FOUND);
        return;
    }
    sendJson(response, accountJson(*account));
}

void AdminSearchHandler::handleRequest(HTTPServerRequest& request, HTTPServerResponse& response)
{
    const std::string auth = request.get("Authorization", "");
    Poco::JWT::Signer signer(ctx_.jwtKey);
    Poco::JWT::Token token;
    signer.tryVerify(auth.substr(auth.find(' ') + 1), token); // expect: appsec-jwt-unsafe-verification, appsec-jwt-missing-verification
    if (token.payload().optValue<std::string>("role", "") != "admin") {
        sendJson(response, R"({"error":"forbidden"})", HTTPResponse::HTTP_FORBIDDEN);
        return;
    }

    static const std::set<std::string> sortable = {"id", "username", "email"};
    std::string name, sort = "id";
    for (const auto& [key, value] : Poco::URI(request.getURI()).getQueryParameters()) {
        if (key == "name")
            name = value;
        else if (key == "sort" && sortable.count(value))
            sort = value;
    }
    std::string body = "[";
    for (const auto& a : ctx_.store->searchByName(name, sort)) { // expect: appsec-sql-injection
        if (body.size() > 1)
            body += ",";
        body += accountJson(a);
    }
    body += "]";
    sendJson(response, body);
}

void ApiKeyHandler::handleRequest(HTTPServerRequest& request, HTTPServerResponse& response)
{
    auto token = authenticate(request);
    if (!token) {
        sendJson(response, R"({"error":"unauthorized"})", HTTPResponse::HTTP_UNAUTHORIZED);
        return;
    }
    const auto key = ctx_.store->issueApiKey(token->getSubject());
    sendJson(response, "{\"api_key\":\"" + key + "\"}", HTTPResponse::HTTP_CREATED);
}
