// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=FACTORY %s appsec-jwt-missing-verification %t -- -- -std=c++17 -DWITH_FACTORY
// Poco 1.11 (Debian 12): HTTPRequestHandler overrides, verified with
// Poco::JWT in the handler, or by the request handler factory before it
// creates any handler.
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>

const std::string &sharedSecret();

class NotesHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::JWT::Signer signer(sharedSecret());
    Poco::JWT::Token token;
    if (!signer.tryVerify(request.get("Authorization", ""), token) ||
        token.getExpiration() < Poco::Timestamp()) {
      response.setStatus(Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED);
      response.send();
      return;
    }
    response.send() << request.getURI();
  }
};

class ExportHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: Poco request handler 'ExportHandler::handleRequest' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    response.send() << request.get("X-Export", "");
  }
};

// HTTP basic credentials checked against the user table (the body is in
// another file): hasCredentials() only asks whether the Authorization header
// is there, the first half of the check, not a use of request data.
bool isAuthorizedUser(Poco::Net::HTTPServerRequest &request);

class PortfolioHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    if (!request.hasCredentials() || !isAuthorizedUser(request)) {
      response.redirect("/");
      return;
    }
    Poco::Net::HTTPBasicCredentials cred(request);
    response.send() << cred.getUsername() << request.get("X-Page", "");
  }
};

// Its twin asks only whether credentials are present, and trusts the rest.
class DashboardHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: Poco request handler 'DashboardHandler::handleRequest' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    if (!request.hasCredentials()) {
      response.redirect("/");
      return;
    }
    response.send() << request.get("X-Page", "");
  }
};

#ifdef WITH_FACTORY
class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &request) override {
    Poco::JWT::Signer signer(sharedSecret());
    Poco::JWT::Token token;
    if (!signer.tryVerify(request.get("Authorization", ""), token))
      return nullptr;
    return new ExportHandler;
  }
};
#endif
