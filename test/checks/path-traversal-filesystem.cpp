// RUN: %check_appsec_tidy %s appsec-path-traversal %t -- -- -std=c++20
// Containment checks written with std::filesystem (libstdc++ from Debian):
// a canonical path compared with the base directory through its string, by
// lexically_relative, or by std::mismatch over the components. Each only
// counts on a canonical path (weakly_canonical / canonical).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
const fs::path base = "/srv/files";

void byStringPrefix(const std::string &name) {
  fs::path p = fs::weakly_canonical(base / name);
  if (p.string().rfind(base.string(), 0) != 0)
    return;
  std::ifstream in(p);
}

void byRelative(const std::string &name) {
  fs::path p = fs::weakly_canonical(base / name);
  fs::path rel = p.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..")
    return;
  std::ifstream in(p);
}

// The relative path's text: starting with ".." means outside.
void byRelativeText(const std::string &name) {
  const fs::path root = fs::weakly_canonical(base / "assets");
  const fs::path full = fs::weakly_canonical(root / name);
  auto rel = full.lexically_relative(root);
  if (rel.empty() || rel.native().rfind("..", 0) == 0)
    return;
  std::ifstream in(full);
  fs::path p = fs::canonical(base / name);
  fs::path r = fs::relative(p, base);
  if (r.string().starts_with(".."))
    return;
  std::ifstream in2(p);
}

// The text test the wrong way round, and on a path that is not canonical.
void byRelativeTextWrong(const std::string &name) {
  fs::path p = fs::weakly_canonical(base / name);
  auto rel = p.lexically_relative(base);
  if (rel.string().find("..") != 0)
    return;
  std::ifstream in(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted command-line input from 'argv' reaches basic_ifstream::basic_ifstream(){{.*}} [appsec-path-traversal]
  fs::path q = base / name;
  auto rq = q.lexically_relative(base);
  if (rq.native().rfind("..", 0) == 0)
    return;
  std::ifstream in2(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted command-line input from 'argv' reaches basic_ifstream::basic_ifstream(){{.*}} [appsec-path-traversal]
}

void byMismatch(const std::string &name) {
  fs::path p = fs::canonical(base / name);
  auto [b, q] = std::mismatch(base.begin(), base.end(), p.begin(), p.end());
  if (b != base.end())
    return;
  std::ifstream in(p);
}

// The same checks on a path nobody canonicalised: "a/../../etc" passes them.
void notCanonical(const std::string &name) {
  fs::path p = base / name;
  if (p.string().rfind(base.string(), 0) != 0)
    return;
  std::ifstream in(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted command-line input from 'argv' reaches basic_ifstream::basic_ifstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
  fs::path rel = p.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..")
    return;
  std::ifstream in2(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted command-line input from 'argv' reaches basic_ifstream::basic_ifstream(){{.*}} [appsec-path-traversal]
}

// The answer of the check is used the wrong way round.
void inverted(const std::string &name) {
  fs::path p = fs::canonical(base / name);
  auto [b, q] = std::mismatch(base.begin(), base.end(), p.begin(), p.end());
  if (b == base.end())
    return;
  std::ifstream in(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted command-line input from 'argv' reaches basic_ifstream::basic_ifstream(){{.*}} [appsec-path-traversal]
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  byStringPrefix(argv[1]);
  byRelative(argv[1]);
  byMismatch(argv[1]);
  byRelativeText(argv[1]);
  byRelativeTextWrong(argv[1]);
  notCanonical(argv[1]);
  inverted(argv[1]);
}
