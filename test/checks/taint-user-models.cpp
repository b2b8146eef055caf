// RUN: %check_appsec_tidy %s appsec-command-injection %t -- --config="{CheckOptions: {AppSecModelFiles: '%inputs/models/acme.json'}}" -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=BROKEN -expect-clang-tidy-error %s appsec-command-injection %t -- --config="{CheckOptions: {AppSecModelFiles: '%inputs/models/broken.json'}}" -- -std=c++17
#include <string>

// A broken model file is reported (file, entry, key, what was expected) and
// the built-in models still work.
// CHECK-MESSAGES-BROKEN: error: invalid model file: {{.*}}broken.json: sinks[0] (function "acme::run_script"): key 'category' has "shell"; expected one of command, sql, path, format, ssrf, xss, redirect, header, jwt-key, jwt-algorithm, credential, jwt-claim, log, store, url; using the built-in models only [clang-tidy-config]

namespace acme {
struct Request {
  std::string param(const char *name) const;
};
void run_script(const std::string &s);
std::string shell_escape(const std::string &s);
} // namespace acme

void handler(const acme::Request &req) {
  std::string name = req.param("name");
  acme::run_script("greet " + name);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted HTTP request data from Request::param() reaches run_script(), which runs it as a script (OS command injection, CWE-78); {{.*}}
  acme::run_script("greet " + acme::shell_escape(name));
}

// Annotations work without any model file.
[[clang::annotate("appsec::source:network")]] std::string next_message();
[[clang::annotate("appsec::sink:command")]] void enqueue_shell(const std::string &cmd);
[[clang::annotate("appsec::validator")]] bool known_queue(const std::string &q);
void annotated() {
  std::string m = next_message();
  enqueue_shell(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: untrusted network data from next_message() reaches enqueue_shell(), which is an annotated command sink {{.*}}
  // CHECK-MESSAGES-BROKEN: :[[@LINE-2]]:17: warning: untrusted network data from next_message() reaches enqueue_shell(), {{.*}}
  if (known_queue(m))
    enqueue_shell(m);
}

void param_sink(int, [[clang::annotate("appsec::sink:command")]] const char *script);
void annotated_param(int (*read_line)(char *, int)) {
  std::string s = next_message();
  param_sink(1, s.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted network data from next_message() reaches param_sink(), which uses it as an annotated command sink {{.*}}
  // CHECK-MESSAGES-BROKEN: :[[@LINE-2]]:19: warning: {{.*}}
}

