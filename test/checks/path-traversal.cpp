// RUN: %check_appsec_tidy %s appsec-path-traversal %t -- -- -std=c++17
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace fs = std::filesystem;

void c_apis(int sock) {
  char name[256] = "/var/data/";
  size_t len = std::strlen(name);
  recv(sock, name + len, sizeof name - len - 1, 0);
  FILE *f = fopen(name, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted network data from recv() reaches fopen(), which opens it as a file path (path traversal, CWE-22); violates Atlassian requirement 8 (Validate untrusted data) [appsec-path-traversal]
  int fd = open(name, O_RDONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: untrusted network data from recv() reaches open(), {{.*}}
  unlink(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted network data from recv() reaches unlink(), which deletes the file it names {{.*}}
  (void)f;
  (void)fd;
}

void streams_and_filesystem() {
  std::string file;
  std::getline(std::cin, file);
  std::ifstream in(file);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted console input from std::getline() reaches basic_ifstream::basic_ifstream(), {{.*}}
  std::ofstream out;
  out.open("/srv/uploads/" + file);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: untrusted console input from std::getline() reaches basic_ofstream::open(), {{.*}}
  fs::remove(fs::path("/srv/uploads") / file);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: untrusted console input from std::getline() reaches remove(), which deletes the file it names {{.*}}
}

// ---- must stay silent --------------------------------------------------------

void canonical_and_prefix_check(int sock) {
  char name[256] = "/var/data/";
  size_t len = std::strlen(name);
  recv(sock, name + len, sizeof name - len - 1, 0);
  char resolved[PATH_MAX];
  if (!realpath(name, resolved))
    return;
  if (std::strncmp(resolved, "/var/data/", 10) != 0)
    return;
  FILE *f = fopen(resolved, "r");
  (void)f;
}

void fs_canonical_prefix() {
  std::string file;
  std::getline(std::cin, file);
  fs::path p = fs::weakly_canonical(fs::path("/srv/uploads") / file);
  std::string s = p.string();
  if (s.rfind("/srv/uploads/", 0) != 0)
    return;
  std::ifstream in(s);
}

void rejects_parent_components() {
  std::string file;
  std::getline(std::cin, file);
  if (file.find("..") != std::string::npos)
    return;
  std::ifstream in("/srv/static/" + file);
}

void prefix_without_canonicalisation_is_not_enough() {
  std::string file;
  std::getline(std::cin, file);
  std::string full = "/srv/static/" + file;
  if (full.rfind("/srv/static/", 0) != 0)
    return;
  std::ifstream in(full);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted console input from std::getline() reaches basic_ifstream::basic_ifstream(), {{.*}}
}

void fixed_path() {
  std::ifstream in("/etc/app.conf");
  std::string line;
  std::getline(in, line); // file contents, but nothing path-like is done with it
}

void canonical_without_prefix_check_is_not_enough() {
  char full[PATH_MAX];
  if (!realpath(std::getenv("UPLOAD"), full))
    return;
  FILE *fp = fopen(full, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted environment data from getenv() reaches fopen(), {{.*}}
  (void)fp;
}
