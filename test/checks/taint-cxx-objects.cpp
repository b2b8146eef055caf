// Objects that run code: virtual calls go to the overrider of the object's
// class when the code shows it (a local object, a reference or an unchanged
// pointer to one, a temporary bound to a const reference, a new expression),
// and destructors of the program run when an object goes out of scope or is
// deleted.
// In one unit a sink in a function of this file is reported at the sink,
// once. The SAFE run keeps only the calls that must stay silent: with every
// overrider taken for a possible target, they would reach Shell's system().
// RUN: %check_appsec_tidy %s appsec-command-injection %t -- -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=SAFE %s appsec-command-injection %t -- -- -std=c++17 -DONLY_SAFE
#include <cstdlib>
#include <string>

struct Action {
  virtual ~Action() = default;
  virtual void run(const char *arg) const = 0;
};
struct Shell : Action {
  void run(const char *arg) const override { std::system(arg); }
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]
};
struct Echo : Action {
  void run(const char *arg) const override { (void)arg; std::system("echo done"); }
};

#ifndef ONLY_SAFE
void byReference(char **argv) {
  Shell shell;
  const Action &a = shell;
  a.run(argv[1]);
}

void byNew(char **argv) {
  Action *a = new Shell;
  a->run(argv[1]);
  delete a;
}
#endif

// Silent: the object's class is Echo, whose run ignores its argument.
void echoByReference(char **argv) {
  Echo echo;
  const Action &a = echo;
  a.run(argv[1]);
}

void echoTemporary(char **argv) {
  const Action &a = Echo();
  a.run(argv[1]);
}

void echoByNew(char **argv) {
  Action *a = new Echo;
  a->run(argv[1]);
  delete a;
}

// A class that keeps what it is given and runs it when it is destroyed.
class Deferred {
public:
  explicit Deferred(std::string c) : cmd(std::move(c)) {}
  ~Deferred() { std::system(cmd.c_str()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]

private:
  std::string cmd;
};

#ifndef ONLY_SAFE
void deferredScope(char **argv) {
  Deferred d(argv[1]);
}

void deferredDelete(char **argv) {
  Deferred *d = new Deferred(argv[1]);
  delete d;
}
#endif

// Silent: a fixed command.
void deferredFixed() {
  Deferred d("uptime");
}

int main(int, char **argv) {
#ifndef ONLY_SAFE
  byReference(argv);
  byNew(argv);
  deferredScope(argv);
  deferredDelete(argv);
#endif
  echoByReference(argv);
  echoTemporary(argv);
  echoByNew(argv);
  deferredFixed();
  return 0;
}
