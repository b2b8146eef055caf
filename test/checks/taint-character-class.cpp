// RUN: %check_appsec_tidy %s appsec-command-injection,appsec-path-traversal %t -- -- -std=c++17
// Validation character by character in C++: a range-for over a
// std::string, std::isalnum and character comparisons, in a bool helper or
// inline before the use; std::all_of/any_of with a predicate, and
// find_first_not_of with the allowed characters.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

bool checkName(const std::string &name) {
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
      return false;
  return true;
}

// Accepts '/' and '.': a shell word, but not a file name.
bool checkRelative(const std::string &name) {
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.')
      continue;
    else
      return false;
  }
  return true;
}

void convert(const char *arg) {
  std::string n = arg;
  if (!checkName(n))
    return;
  std::system(("convert /srv/in/" + n + " /srv/out/x.png").c_str());
  std::fopen(("/srv/in/" + n).c_str(), "r");
}

void inlineCheck(const char *arg) {
  std::string n = arg;
  for (char c : n)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      throw std::runtime_error("bad name");
  std::system(("convert /srv/in/" + n).c_str());
}

void relative(const char *arg) {
  std::string n = arg;
  if (!checkRelative(n))
    return;
  std::system(("convert /srv/in/" + n).c_str());
  std::fopen(("/srv/in/" + n).c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: untrusted command-line input from 'argv' reaches fopen(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
}

// The check's answer is the wrong way round: the command runs on failure.
void inverted(const char *arg) {
  std::string n = arg;
  if (checkName(n))
    return;
  std::system(("convert /srv/in/" + n).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: untrusted command-line input from 'argv' reaches system(){{.*}} [appsec-command-injection]
}

void algorithms(const char *arg) {
  std::string n = arg;
  if (!std::all_of(n.begin(), n.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; }))
    return;
  std::system(("convert " + n).c_str());
  std::string pid = arg;
  if (std::any_of(pid.begin(), pid.end(), [](char c) { return !std::isdigit(static_cast<unsigned char>(c)); }))
    return;
  std::system(("kill " + pid).c_str());
  std::string sig = arg;
  if (sig.find_first_not_of("0123456789") != std::string::npos)
    return;
  std::system(("kill -" + sig).c_str());
  std::string user = arg;
  if (!std::all_of(user.begin(), user.end(), ::isalnum))
    return;
  std::system(("id " + user).c_str());
}

void algorithmsTooLoose(const char *arg) {
  std::string n = arg;
  if (n.find_first_not_of("abc;") != std::string::npos)
    return;
  std::system(("convert " + n).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted command-line input from 'argv' reaches system(){{.*}} [appsec-command-injection]
  std::string m = arg;
  if (std::all_of(m.begin(), m.end(), ::isalnum))
    return;
  std::system(("convert " + m).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted command-line input from 'argv' reaches system(){{.*}} [appsec-command-injection]
}

// A copy of the allowed characters only: each append is guarded by a test
// of the character. Twins: a test that lets ';' through, and a copy that
// starts from the unchecked string.
void copyAllowed(const char *arg) {
  std::string name = arg;
  std::string clean;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')
      clean += c;
    else
      return;
  }
  std::system(("convert " + clean).c_str());
  std::string filtered;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c)))
      filtered.push_back(c);
  std::system(("convert " + filtered).c_str());
  std::string loose;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ';')
      loose += c;
  std::system(("convert " + loose).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: untrusted command-line input from 'argv' reaches system(), which runs it as a shell command {{.*}} [appsec-command-injection]
  std::string prefixed = name;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c)))
      prefixed += c;
  std::system(("convert " + prefixed).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: untrusted command-line input from 'argv' reaches system(), which runs it as a shell command {{.*}} [appsec-command-injection]
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  convert(argv[1]);
  inlineCheck(argv[1]);
  relative(argv[1]);
  inverted(argv[1]);
  algorithms(argv[1]);
  algorithmsTooLoose(argv[1]);
  copyAllowed(argv[1]);
}
