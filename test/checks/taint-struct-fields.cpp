// RUN: %check_appsec_tidy %s appsec-command-injection %t -- -- -std=c++17
// Request data parsed into a struct, checked field by field, handed to
// helpers that use some of its fields. A check of one field counts for that
// field, in the function and in the helpers it is passed to; a sibling field
// that was not checked is reported wherever a helper uses it. Twins: the
// same helpers reached with the field unchecked.
#include <httplib.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <regex>
#include <string>

struct PushEvent {
  std::string repo;
  std::string ref;
  std::string after;
};

struct Job {
  PushEvent event;
  std::string label;
};

static std::optional<PushEvent> parsePush(const std::string &body) {
  if (body.empty())
    return std::nullopt;
  PushEvent ev;
  auto at = body.find('&');
  ev.repo = body.substr(0, at);
  ev.ref = body.substr(at + 1);
  ev.after = body.substr(at + 2);
  return ev;
}

static bool validName(const std::string &name) {
  if (name.empty() || name.size() > 100)
    return false;
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '-' && c != '_')
      return false;
  return true;
}

// Uses only ev.repo.
static void fetchMirror(const PushEvent &ev) {
  std::string cmd = "git -C /srv/mirrors/" + ev.repo + ".git fetch";
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from Request::body reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

// Checks ev.after itself, then uses it and ev.repo.
static void logSubject(const PushEvent &ev) {
  static const std::regex sha("^[0-9a-f]{40}$");
  if (!std::regex_match(ev.after, sha))
    return;
  std::string cmd = "git -C /srv/mirrors/" + ev.repo + ".git log -1 " + ev.after;
  if (FILE *p = popen(cmd.c_str(), "r"))
    pclose(p);
  // CHECK-MESSAGES: :[[@LINE-2]]:27: warning: untrusted HTTP request data from Request::body reaches popen(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

// Uses only the checked field: silent in every caller.
static void showCommit(const PushEvent *ev) {
  static const std::regex sha("^[0-9a-f]{40}$");
  if (!std::regex_match(ev->after, sha))
    return;
  std::string cmd = "git show " + ev->after;
  std::system(cmd.c_str());
}

// A field of a field.
static void runJob(const Job &job) {
  std::string cmd = "make -C /srv/jobs/" + job.event.repo;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from Request::get_param_value() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

void onPush(const httplib::Request &req, httplib::Response &res) {
  auto ev = parsePush(req.body);
  if (!ev || !validName(ev->repo)) {
    res.status = 400;
    return;
  }
  // ev->ref and ev->after were not checked; ev->repo was.
  fetchMirror(*ev);
  logSubject(*ev);
  showCommit(&*ev);
  std::string cmd = "git -C /srv/mirrors/" + ev->repo + ".git gc";
  std::system(cmd.c_str());
}

// The twin: nothing checked. fetchMirror and logSubject are reported (at
// their sinks, above), showCommit stays silent.
void onPushUnchecked(const httplib::Request &req) {
  auto ev = parsePush(req.body);
  if (!ev)
    return;
  fetchMirror(*ev);
  logSubject(*ev);
  showCommit(&*ev);
}

void onJob(const httplib::Request &req) {
  Job job;
  job.label = req.get_param_value("label");
  job.event.repo = req.get_param_value("repo");
  if (!validName(job.event.repo))
    return;
  runJob(job); // label is unchecked, but runJob does not use it
}

void onJobUnchecked(const httplib::Request &req) {
  Job job;
  job.label = "nightly";
  job.event.repo = req.get_param_value("repo");
  runJob(job);
}

// A field replaced with a constant after the object came from the request.
void onPushFixed(const httplib::Request &req) {
  auto ev = parsePush(req.body);
  if (!ev)
    return;
  ev->repo = "website";
  std::string cmd = "git -C /srv/mirrors/" + ev->repo + ".git fetch";
  std::system(cmd.c_str());
  std::string ref = "git -C /srv/mirrors/website.git checkout " + ev->ref;
  std::system(ref.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from Request::body reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

// The whole object replaced after a field was checked: the check is gone.
void onPushReplaced(const httplib::Request &req) {
  auto ev = parsePush(req.body);
  if (!ev || !validName(ev->repo))
    return;
  ev = parsePush(req.get_param_value("other"));
  if (!ev)
    return;
  std::string cmd = "git -C /srv/mirrors/" + ev->repo + ".git fetch";
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from Request::get_param_value() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

// Checked on one path only.
void onPushSometimes(const httplib::Request &req, bool strict) {
  auto ev = parsePush(req.body);
  if (!ev)
    return;
  if (strict && !validName(ev->repo))
    return;
  std::string cmd = "git -C /srv/mirrors/" + ev->repo + ".git fetch";
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from Request::body reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
}

// The event reached through a pointer: `*p`, and a reference bound to it.
static void cloneRepo(const PushEvent &ev) {
  std::string cmd = "git clone https://git.example.com/" + ev.repo;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from Request::get_param_value() reaches system(), {{.*}} [appsec-command-injection]
}

static void archiveRepo(const PushEvent &ev) {
  std::string cmd = "tar czf /srv/archive.tgz /srv/mirrors/" + ev.repo;
  std::system(cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from Request::get_param_value() reaches system(), {{.*}} [appsec-command-injection]
}

void onPushPointer(const httplib::Request &req) {
  PushEvent ev;
  PushEvent *p = &ev;
  p->repo = req.get_param_value("repo");
  cloneRepo(*p);
  PushEvent &r = *p;
  archiveRepo(r);
}

// A method that moves one field of its object into another.
struct Task {
  std::string input;
  std::string cmd;
  void adopt() { cmd = input; }
};

void onTask(const httplib::Request &req) {
  Task t;
  t.input = req.get_param_value("input");
  t.cmd = "ls";
  t.adopt();
  std::system(t.cmd.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::get_param_value() reaches system(), {{.*}} [appsec-command-injection]
}

void onTaskKept(const httplib::Request &req) {
  Task t;
  t.input = req.get_param_value("input");
  t.cmd = "ls";
  std::system(t.cmd.c_str());
}
