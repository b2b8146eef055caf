#pragma once

#include <Poco/JWT/Signer.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <memory>
#include <optional>
#include <string>

#include "store.h"

struct AppContext {
    std::shared_ptr<AccountStore> store;
    std::string jwtKey;
    std::string issuer = "accounts.example.com";
};

class BaseHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit BaseHandler(const AppContext& ctx) : ctx_(ctx) {}

protected:
    std::optional<Poco::JWT::Token> authenticate(Poco::Net::HTTPServerRequest& request) const;
    static void sendJson(Poco::Net::HTTPServerResponse& response, const std::string& body,
                         Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);

    const AppContext& ctx_;
};

class RegisterHandler : public BaseHandler {
public:
    using BaseHandler::BaseHandler;
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

class LoginHandler : public BaseHandler {
public:
    using BaseHandler::BaseHandler;
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

class ProfileHandler : public BaseHandler {
public:
    using BaseHandler::BaseHandler;
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

class AdminSearchHandler : public BaseHandler {
public:
    using BaseHandler::BaseHandler;
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

class ApiKeyHandler : public BaseHandler {
public:
    using BaseHandler::BaseHandler;
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;
};
