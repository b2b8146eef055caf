// RUN: %check_appsec_tidy %s appsec-xss,appsec-command-injection %t -- -- -std=c++17
// HTML escapers written by hand (cpp-httplib 0.11 from Debian): a loop over
// the string that appends each character as it is or as an entity. What
// can reach the output decides: no raw '<', '>' or quote is safe for HTML;
// an entity's '&' and ';' are not safe for a shell.
#include <httplib.h>

#include <cstdlib>
#include <sstream>
#include <string>

std::string escapeHtml(const std::string &s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

// Drops the markup characters instead.
std::string stripMarkup(const std::string &s) {
  std::ostringstream out;
  for (char c : s)
    if (c != '<' && c != '>' && c != '"' && c != '\'')
      out << c;
  return out.str();
}

// Forgets the quotes: an attribute value can still be closed.
std::string escapeAngles(const std::string &s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<')
      out += "&lt;";
    else if (s[i] == '>')
      out += "&gt;";
    else
      out.push_back(s[i]);
  }
  return out;
}

// Appends something else than the character or a literal: not an escaper.
std::string decorate(const std::string &s, const std::string &suffix) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += suffix;
    else
      out += c;
  }
  return out;
}

void routes(httplib::Server &svr) {
  svr.Get("/search", [](const httplib::Request &req, httplib::Response &res) {
    std::string q = req.get_param_value("q");
    res.set_content("<p>" + escapeHtml(q) + "</p>", "text/html");
    res.set_content("<p>" + stripMarkup(q) + "</p>", "text/html");
    res.set_content("<input value=\"" + escapeAngles(q) + "\">", "text/html");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::get_param_value() reaches Response::set_content(){{.*}} [appsec-xss]
    res.set_content("<p>" + decorate(q, "&lt;") + "</p>", "text/html");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::get_param_value() reaches Response::set_content(){{.*}} [appsec-xss]
    // HTML-escaped is not shell-safe.
    std::system(("echo " + escapeHtml(q)).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: untrusted HTTP request data from Request::get_param_value() reaches system(){{.*}} [appsec-command-injection]
  });
}
