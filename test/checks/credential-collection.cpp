// RUN: %check_appsec_tidy %s appsec-credential-collection %t -- -- -std=c++17
// Passwords and API tokens users send in requests, used by the app to log in
// elsewhere (requirement 10: no collection of Atlassian credentials):
// libcurl's password options, cpp-httplib's basic and bearer auth, Poco's
// HTTPBasicCredentials, a database login; against Debian's headers. A user's
// own login checked against a stored hash, the caller's Authorization header
// passed on, and the app's own credentials from its environment stay silent.
#include <curl/curl.h>
#include <httplib.h>
#include <mariadb/mysql.h>
#include <nlohmann/json.hpp>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <cstdlib>
#include <string>

bool verifyPasswordHash(const std::string &password, const std::string &stored);

void routes(httplib::Server &svr) {
  // "Connect your Jira": the user's e-mail and API token, kept to call Jira.
  svr.Post("/connect-jira", [](const httplib::Request &req, httplib::Response &) {
    auto body = nlohmann::json::parse(req.body);
    std::string email = body["email"], apiToken = body["apiToken"];
    httplib::Client jira("https://example.atlassian.net");
    jira.set_basic_auth(email, apiToken);
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: a secret the user sent in the request ('apiToken') reaches Client::set_basic_auth(), which logs in with that password (HTTP basic auth): the app logs in elsewhere with its users' credentials; an app must not collect Atlassian passwords or API tokens: use OAuth 2.0 (3LO), or the app's own Connect JWT and user impersonation (collected credentials, CWE-522); violates Atlassian requirement 10 (No collection of Atlassian credentials) [appsec-credential-collection]
    // CHECK-MESSAGES: :[[@LINE-5]]:43: note: HTTP request data enters through Request::body
    // CHECK-MESSAGES: :[[@LINE-6]]:17: note: carried through basic_json::parse()
    // CHECK-MESSAGES: :[[@LINE-7]]:10: note: flows into 'body'
    // CHECK-MESSAGES: :[[@LINE-7]]:51: note: carried through basic_json::operator[]()
    // CHECK-MESSAGES: :[[@LINE-8]]:51: note: carried through basic_json::operator basic_string()
    // CHECK-MESSAGES: :[[@LINE-9]]:40: note: flows into 'apiToken'

    CURL *h = curl_easy_init();
    std::string password = req.get_param_value("password");
    // E-mail and password joined: the path shown is the e-mail's.
    curl_easy_setopt(h, CURLOPT_USERPWD, (email + ":" + password).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:67: warning: a password the user sent in the request reaches curl_easy_setopt(), which authenticates with that secret: {{.*}}
    // CHECK-MESSAGES: :[[@LINE-17]]:43: note: HTTP request data enters through Request::body
    // CHECK-MESSAGES: :[[@LINE-18]]:17: note: carried through basic_json::parse()
    // CHECK-MESSAGES: :[[@LINE-19]]:10: note: flows into 'body'
    // CHECK-MESSAGES: :[[@LINE-19]]:25: note: carried through basic_json::operator[]()
    // CHECK-MESSAGES: :[[@LINE-20]]:25: note: carried through basic_json::operator basic_string()
    // CHECK-MESSAGES: :[[@LINE-21]]:17: note: flows into 'email'
    // CHECK-MESSAGES: :[[@LINE-8]]:49: note: carried through operator+()
    // CHECK-MESSAGES: :[[@LINE-9]]:55: note: carried through operator+()
    // CHECK-MESSAGES: :[[@LINE-10]]:67: note: carried through basic_string::c_str()

    // Must stay silent: the caller's own token passed on (delegation); the
    // app's own credentials.
    curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, req.get_header_value("Authorization").c_str());
    jira.set_bearer_token_auth(std::getenv("JIRA_API_TOKEN"));
  });

  // A database console that logs in with what the user typed.
  svr.Post("/db", [](const httplib::Request &req, httplib::Response &) {
    MYSQL *db = mysql_init(nullptr);
    mysql_real_connect(db, "localhost", req.get_param_value("user").c_str(),
                       req.get_param_value("password").c_str(), "app", 0, nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: a password the user sent in the request ('password') reaches mysql_real_connect(), which logs in to MySQL/MariaDB with that password: {{.*}}
    // CHECK-MESSAGES: :[[@LINE-2]]:28: note: HTTP request data enters through Request::get_param_value()
    // CHECK-MESSAGES: :[[@LINE-3]]:56: note: carried through basic_string::c_str()
  });

  // Must stay silent: the user's own login to this app.
  svr.Post("/login", [](const httplib::Request &req, httplib::Response &res) {
    if (!verifyPasswordHash(req.get_param_value("password"), "stored-hash"))
      res.status = 401;
  });
}

void pocoForward(Poco::Net::HTTPServerRequest &req) {
  Poco::Net::HTMLForm form(req, req.stream());
  Poco::Net::HTTPBasicCredentials creds(form.get("username"), form.get("password"));
  // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: a password the user sent in the request ('password') reaches HTTPBasicCredentials::HTTPBasicCredentials(), which logs in with that password (HTTP basic auth): {{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:23: note: HTTP request data enters through HTMLForm::HTMLForm()
  // CHECK-MESSAGES: :[[@LINE-3]]:68: note: carried through NameValueCollection::get()
}
