// Helpers of taint-struct-fields-cross-unit.cpp: each uses some fields of
// the event it is given.
#include "events.h"

#include <cstdlib>

void fetchMirror(const PushEvent &ev) {
  std::string cmd = "git -C /srv/mirrors/" + ev.repo + ".git fetch";
  std::system(cmd.c_str());
}

void checkoutRef(const PushEvent *ev) {
  std::string cmd = "git checkout " + ev->ref;
  std::system(cmd.c_str());
}

void pushTag(const TaggedEvent &ev) {
  std::string cmd = "git -C /srv/mirrors/" + ev.repo + ".git push origin " + ev.tag;
  std::system(cmd.c_str());
}
