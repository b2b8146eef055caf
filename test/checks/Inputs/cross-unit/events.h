// Shared by events.cpp and taint-struct-fields-cross-unit.cpp.
#pragma once
#include <string>

struct PushEvent {
  std::string repo;
  std::string ref;
};

struct TaggedEvent : PushEvent {
  std::string tag;
};

void fetchMirror(const PushEvent &ev);  // runs a command with ev.repo
void checkoutRef(const PushEvent *ev);  // runs a command with ev->ref
void pushTag(const TaggedEvent &ev);    // runs a command with ev.repo and ev.tag
