// Fields of a struct handed to helpers of another unit (Inputs/cross-unit/
// events.cpp), read from a summary store: each helper's summary names the
// fields it uses by name, and the caller supplies each from the same field
// of its argument. A check of one field counts for a helper that uses only
// that field; a helper that uses an unchecked sibling is reported.
// RUN: rm -rf %t.store
// RUN: %appsec_tidy --checks='-*,appsec-command-injection' --config="{CheckOptions: {AppSecSummaryExport: '%t.store'}}" %inputs/cross-unit/events.cpp -- -std=c++17 > /dev/null 2>&1
// RUN: %check_appsec_tidy %s appsec-command-injection %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.store'}}" -- -std=c++17 -I%inputs/cross-unit
#include "events.h"

#include <sys/socket.h>

#include <cctype>

static bool validName(const std::string &s) {
  if (s.empty())
    return false;
  for (unsigned char c : s)
    if (!std::isalnum(c))
      return false;
  return true;
}

static PushEvent receive(int sock) {
  char buf[256] = {0};
  recv(sock, buf, sizeof buf - 1, 0);
  std::string text(buf);
  PushEvent ev;
  ev.repo = text.substr(0, 64);
  ev.ref = text.substr(64);
  return ev;
}

void serve(int sock) {
  PushEvent ev = receive(sock);
  if (!validName(ev.repo))
    return;
  fetchMirror(ev); // repo was checked
  checkoutRef(&ev);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: untrusted network data from recv() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

void serveUnchecked(int sock) {
  PushEvent ev = receive(sock);
  fetchMirror(ev);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: untrusted network data from recv() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

// The helper's fields by name, found in the argument's base class.
void serveTag(int sock) {
  TaggedEvent ev;
  static_cast<PushEvent &>(ev) = receive(sock);
  ev.tag = "nightly";
  ev.repo = "website";
  pushTag(ev); // ref is from the network, but pushTag does not use it
}

void serveTagUnchecked(int sock) {
  TaggedEvent ev;
  ev.repo = "website";
  char buf[64] = {0};
  recv(sock, buf, sizeof buf - 1, 0);
  ev.tag = buf;
  pushTag(ev);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: untrusted network data from recv() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}
