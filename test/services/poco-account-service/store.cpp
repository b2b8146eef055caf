#include "store.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Statement.h>
#include <Poco/DigestEngine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include <iomanip>
#include <sstream>

using namespace Poco::Data::Keywords;

namespace {

std::string sha256Hex(const std::string& in)
{
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(in);
    return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string randomToken()
{
    Poco::RandomInputStream rnd;
    std::ostringstream out;
    for (int i = 0; i < 24; ++i)
        out << std::hex << std::setw(2) << std::setfill('0') << (rnd.get() & 0xff);
    return out.str();
}

} // namespace

AccountStore::AccountStore(const std::string& dbFile)
    : session_((Poco::Data::SQLite::Connector::registerConnector(), "SQLite"), dbFile)
{
    session_ << "CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY, username TEXT UNIQUE, "
                "password TEXT, email TEXT, role TEXT DEFAULT 'user', api_key_hash TEXT)",
        now;
}

bool AccountStore::create(const std::string& username, const std::string& password, const std::string& email)
{
    std::string user = username, pass = password, mail = email;
    Poco::Data::Statement insert(session_);
    insert << "INSERT INTO accounts (username, password, email) VALUES (?, ?, ?)", use(user), use(pass), use(mail); // expect: appsec-plaintext-storage
    return insert.execute() == 1;
}

std::optional<Account> AccountStore::authenticate(const std::string& username, const std::string& password)
{
    std::string user = username, pass = password;
    Account acc;
    Poco::Data::Statement select(session_);
    select << "SELECT id, username, email, role FROM accounts WHERE username = ? AND password = ?",
        into(acc.id), into(acc.username), into(acc.email), into(acc.role), use(user), use(pass), range(0, 1);
    if (select.execute() == 0)
        return std::nullopt;
    return acc;
}

std::optional<Account> AccountStore::byUsername(const std::string& username)
{
    std::string user = username;
    Account acc;
    Poco::Data::Statement select(session_);
    select << "SELECT id, username, email, role FROM accounts WHERE username = ?",
        into(acc.id), into(acc.username), into(acc.email), into(acc.role), use(user), range(0, 1);
    if (select.execute() == 0)
        return std::nullopt;
    return acc;
}

std::vector<Account> AccountStore::searchByName(const std::string& fragment, const std::string& orderBy)
{
    std::string sql = "SELECT id, username, email, role FROM accounts WHERE username LIKE '%" + fragment +
                      "%' ORDER BY " + orderBy;
    Poco::Data::Statement select(session_);
    select << sql;
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::vector<Account> out;
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
        Account a;
        a.id = rs["id"].convert<int>();
        a.username = rs["username"].convert<std::string>();
        a.email = rs["email"].convert<std::string>();
        a.role = rs["role"].convert<std::string>();
        out.push_back(a);
    }
    return out;
}

void AccountStore::updateEmail(const std::string& username, const std::string& email)
{
    std::string user = username, mail = email;
    session_ << "UPDATE accounts SET email = ? WHERE username = ?", use(mail), use(user), now;
}

std::string AccountStore::issueApiKey(const std::string& username)
{
    std::string key = randomToken();
    std::string hash = sha256Hex(key);
    std::string user = username;
    session_ << "UPDATE accounts SET api_key_hash = ? WHERE username = ?", use(hash), use(user), now;
    return key;
}
