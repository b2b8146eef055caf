// RUN: %check_appsec_tidy %s appsec-secret-in-url %t -- -- -std=c++17 -DCPPHTTPLIB_OPENSSL_SUPPORT
// Secrets and passwords placed in the URL of an outgoing request (path or
// query), against Debian's headers: libcurl, cpp-httplib, Poco, cpprestsdk
// and Boost.Beast. A secret sent in a header or the body, a digest of it,
// and data that is not a secret (an issue key, an e-mail address) stay silent.
#include <curl/curl.h> // before cpprestsdk, whose U() macro breaks curl.h
#include <boost/beast/http.hpp>
#include <cpprest/http_client.h>
#include <httplib.h>
#include <Poco/Net/HTTPRequest.h>

#include <cstdlib>
#include <string>

std::string sha256Hex(const std::string &data);

void curlClient(CURL *h, const std::string &apiKey, const std::string &tokenUrl) {
  std::string url = "https://api.example.com/v1/items?api_key=" + apiKey;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: a secret ('apiKey') reaches curl_easy_setopt(), which sends a request to that URL; send it in a header (Authorization) or the request body instead: servers, proxies and browsers keep URLs in their logs, history and Referer headers (secret in a URL, CWE-598); violates Atlassian requirement 5 (Secret handling) [appsec-secret-in-url]
  // CHECK-MESSAGES: :[[@LINE-4]]:45: note: parameter 'apiKey', given by callers outside this file
  // CHECK-MESSAGES: :[[@LINE-4]]:67: note: 'apiKey' holds a secret (by its name)
  // CHECK-MESSAGES: :[[@LINE-5]]:65: note: carried through operator+()
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: flows into 'url'
  // CHECK-MESSAGES: :[[@LINE-6]]:40: note: carried through basic_string::c_str()

  // Must stay silent: in a header; a URL named after what it fetches.
  curl_slist *headers = curl_slist_append(nullptr, ("Authorization: Bearer " + apiKey).c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_URL, tokenUrl.c_str());
}

void httplibClient(httplib::Client &cli, const std::string &accessToken, const std::string &issueKey,
                   const std::string &emailAddress, const std::string &clientSecret) {
  cli.Get("/rest/api/3/issue?access_token=" + accessToken);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: a secret ('accessToken') reaches Client::Get(), which sends a request to that path; {{.*}} [appsec-secret-in-url]
  // CHECK-MESSAGES: :[[@LINE-4]]:61: note: parameter 'accessToken', given by callers outside this file
  // CHECK-MESSAGES: :[[@LINE-3]]:47: note: 'accessToken' holds a secret (by its name)
  // CHECK-MESSAGES: :[[@LINE-4]]:45: note: carried through operator+()
  cli.Get(("/check?key=" + std::string(std::getenv("API_TOKEN"))).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: a secret ('API_TOKEN') reaches Client::Get(), {{.*}}
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: environment data enters through getenv()
  // CHECK-MESSAGES: :[[@LINE-3]]:52: note: the value of 'API_TOKEN' is a secret
  // CHECK-MESSAGES: :[[@LINE-4]]:28: note: carried through basic_string::basic_string()
  // CHECK-MESSAGES: :[[@LINE-5]]:26: note: carried through operator+()
  // CHECK-MESSAGES: :[[@LINE-6]]:67: note: carried through basic_string::c_str()
  // CHECK-MESSAGES: :[[@LINE-7]]:11: note: carried through basic_string::basic_string()

  // Must stay silent: not secrets, in the body, a digest.
  cli.Get("/rest/api/3/issue/" + issueKey);
  cli.Get("/users?email=" + emailAddress);
  cli.Post("/oauth/token", "client_secret=" + clientSecret, "application/x-www-form-urlencoded");
  cli.Get("/check?fp=" + sha256Hex(accessToken));
}

void pocoClient(const std::string &sessionToken) {
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/data?token=" + sessionToken);
  // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: a secret ('sessionToken') reaches HTTPRequest::HTTPRequest(), which sends the request to that URI; {{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:36: note: parameter 'sessionToken', given by callers outside this file
  // CHECK-MESSAGES: :[[@LINE-3]]:81: note: 'sessionToken' holds a secret (by its name)
  // CHECK-MESSAGES: :[[@LINE-4]]:79: note: carried through operator+()
  Poco::Net::HTTPRequest ok(Poco::Net::HTTPRequest::HTTP_GET, "/data");
  ok.set("Authorization", "Bearer " + sessionToken);
}

void cpprestClient(const utility::string_t &jwt) {
  web::http::client::http_client client(U("https://example.atlassian.net"));
  client.request(web::http::methods::GET, U("/rest/api/3/myself?jwt=") + jwt);
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: a secret ('jwt') reaches http_client::request(), which sends a request to that path; {{.*}}
  // CHECK-MESSAGES: :[[@LINE-4]]:45: note: parameter 'jwt', given by callers outside this file
  // CHECK-MESSAGES: :[[@LINE-3]]:74: note: 'jwt' holds a secret (by its name)
  // CHECK-MESSAGES: :[[@LINE-4]]:72: note: carried through operator+()
}

void beastClient(boost::beast::http::request<boost::beast::http::string_body> &req,
                 const std::string &password) {
  req.target("/login?password=" + password);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: a password ('password') reaches header::target(), which sends the request to that target; {{.*}}
  // CHECK-MESSAGES: :[[@LINE-3]]:37: note: parameter 'password', given by callers outside this file
  // CHECK-MESSAGES: :[[@LINE-3]]:35: note: 'password' holds a password (by its name)
  // CHECK-MESSAGES: :[[@LINE-4]]:33: note: carried through operator+()
  // CHECK-MESSAGES: :[[@LINE-5]]:14: note: carried through basic_string_view::basic_string_view()
  req.body() = "password=" + password; // the body: silent
}

// The key a value is written under in the URL says it is a secret, whatever
// the variable is called; so does the path of Telegram's bot API.
struct Bot {
  std::string token_, m_key;
  void send(CURL *c, const std::string &chat) {
    std::string url = "https://api.telegram.org/bot" + token_ + "/sendMessage?chat_id=" + chat;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: a secret (the Telegram bot token) reaches curl_easy_setopt(), which sends a request to that URL; {{.*}}
    // CHECK-MESSAGES: :[[@LINE-3]]:56: note: Telegram's bot API takes the bot token in the URL path
    // CHECK-MESSAGES: :[[@LINE-4]]:63: note: carried through operator+()
    // CHECK-MESSAGES: :[[@LINE-5]]:89: note: carried through operator+()
    // CHECK-MESSAGES: :[[@LINE-6]]:17: note: flows into 'url'
    // CHECK-MESSAGES: :[[@LINE-6]]:42: note: carried through basic_string::c_str()
    std::string u2 = "https://api.example.com/x?page=1&access_token=" + m_key;
    curl_easy_setopt(c, CURLOPT_URL, u2.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: a secret ('access_token=') reaches curl_easy_setopt(), {{.*}}
    // CHECK-MESSAGES: :[[@LINE-3]]:73: note: what follows 'access_token=' in the URL is a secret
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: flows into 'u2'
    // CHECK-MESSAGES: :[[@LINE-4]]:41: note: carried through basic_string::c_str()
    std::string u3 = "https://api.example.com/x?page=" + chat; // not a secret's key: silent
    curl_easy_setopt(c, CURLOPT_URL, u3.c_str());
  }
};

// A helper whose first caller passes other data of the same origin (a
// parameter of callers outside this file): the second caller's password is
// still reported.
void login(CURL *c, const std::string &pw) {
  std::string u = "https://h/login?p=" + pw;
  curl_easy_setopt(c, CURLOPT_URL, u.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: a password ('password') reaches curl_easy_setopt(), {{.*}}
  // CHECK-MESSAGES: :[[@LINE+7]]:46: note: parameter 'password', given by callers outside this file
  // CHECK-MESSAGES: :[[@LINE+6]]:67: note: 'password' holds a password (by its name)
  // CHECK-MESSAGES: :[[@LINE-5]]:40: note: carried through operator+()
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: flows into 'u'
  // CHECK-MESSAGES: :[[@LINE-6]]:38: note: carried through basic_string::c_str()
}
void viaPath(CURL *c, const std::string &path) { login(c, path); }
void viaPassword(CURL *c, const std::string &password) { login(c, password); }

