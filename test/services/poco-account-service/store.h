#pragma once

#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <vector>

struct Account {
    int id = 0;
    std::string username;
    std::string email;
    std::string role;
};

class AccountStore {
public:
    explicit AccountStore(const std::string& dbFile);

    bool create(const std::string& username, const std::string& password, const std::string& email);
    std::optional<Account> authenticate(const std::string& username, const std::string& password);
    std::optional<Account> byUsername(const std::string& username);
    std::vector<Account> searchByName(const std::string& fragment, const std::string& orderBy);
    void updateEmail(const std::string& username, const std::string& email);
    std::string issueApiKey(const std::string& username);

private:
    Poco::Data::Session session_;
};
