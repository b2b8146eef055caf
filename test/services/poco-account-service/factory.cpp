#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>
#include <Poco/Util/ServerApplication.h>

#include <iostream>

#include "handlers.h"

class AccountHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit AccountHandlerFactory(AppContext ctx) : ctx_(std::move(ctx)) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override
    {
        const std::string path = Poco::URI(request.getURI()).getPath();
        if (path == "/register")
            return new RegisterHandler(ctx_);
        if (path == "/login")
            return new LoginHandler(ctx_);
        if (path == "/me")
            return new ProfileHandler(ctx_);
        if (path == "/me/api-key")
            return new ApiKeyHandler(ctx_);
        if (path == "/admin/users")
            return new AdminSearchHandler(ctx_);
        return nullptr;
    }

private:
    AppContext ctx_;
};

class AccountServer : public Poco::Util::ServerApplication {
protected:
    int main(const std::vector<std::string>&) override
    {
        AppContext ctx;
        ctx.store = std::make_shared<AccountStore>(config().getString("accounts.db", "accounts.db"));
        ctx.jwtKey = config().getString("accounts.jwtKey");
        unsigned short port = static_cast<unsigned short>(config().getInt("accounts.port", 8080));

        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(16);
        Poco::Net::HTTPServer server(new AccountHandlerFactory(ctx), Poco::Net::ServerSocket(port), params);
        server.start();
        std::cout << "account service on :" << port << std::endl;
        waitForTerminationRequest();
        server.stop();
        return Application::EXIT_OK;
    }
};

POCO_SERVER_MAIN(AccountServer)
