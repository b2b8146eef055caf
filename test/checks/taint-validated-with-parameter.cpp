// RUN: %check_appsec_tidy %s appsec-path-traversal %t -- -- -std=c++17
// A value validated character by character, then joined with a parameter
// the function is given (a base directory): the validated part stays
// validated, and the parameter's part is judged where its data comes from,
// in the callers. Twins: the value not validated, the directory from the
// request.
#include <httplib.h>

#include <cctype>
#include <fstream>
#include <string>

// The path is returned: each caller's directory decides.
std::string invoicePath(const std::string &dir, const httplib::Request &req) {
  std::string id = req.get_param_value("id");
  for (char c : id)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return "";
  return dir + "/INV-" + id + ".pdf";
}

// The file is opened here: reported (here, where the sink is) only because
// one caller passes a directory from the request.
void sendInvoice(const std::string &dir, const httplib::Request &req) {
  std::string id = req.get_param_value("id");
  for (char c : id)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return;
  std::ifstream in(dir + "/INV-" + id + ".pdf");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted HTTP request data from Request::get_param_value() reaches basic_ifstream::basic_ifstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
}

void sendReceipt(const std::string &dir, const httplib::Request &req) {
  std::string id = req.get_param_value("id");
  for (char c : id)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return;
  std::ifstream in(dir + "/RCPT-" + id + ".pdf");
}

// Not validated: reported whatever the directory.
void sendAttachment(const std::string &dir, const httplib::Request &req) {
  std::string name = req.get_param_value("name");
  std::ifstream in(dir + "/" + name);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted HTTP request data from Request::get_param_value() reaches basic_ifstream::basic_ifstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
}

// Called from no function of this file: its directory comes from callers
// elsewhere, of unknown origin, which this check does not report.
void sendStatement(const std::string &dir, const httplib::Request &req) {
  std::string id = req.get_param_value("id");
  for (char c : id)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return;
  std::ifstream in(dir + "/ST-" + id + ".pdf");
  std::string raw = req.get_param_value("raw");
  std::ifstream in2(dir + "/ST-" + raw + ".pdf");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::get_param_value() reaches basic_ifstream::basic_ifstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
}

void routes(httplib::Server &svr, const std::string &configured) {
  svr.Get("/invoice", [configured](const httplib::Request &req, httplib::Response &res) {
    std::ifstream in(invoicePath(configured, req));
    std::ifstream in2(invoicePath("/srv/invoices", req));
    std::ifstream in3(invoicePath(req.get_param_value("dir"), req));
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from Request::get_param_value() reaches basic_ifstream::basic_ifstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
    sendInvoice("/srv/invoices", req);
    sendInvoice(req.get_param_value("dir"), req);
    sendReceipt("/srv/receipts", req);
    sendAttachment("/srv/attachments", req);
    (void)res;
  });
}
