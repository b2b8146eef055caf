// The other unit of taint-cross-unit.c: helpers it calls without their bodies.
#include <stdlib.h>
#include <string.h>

void run_deeper(const char *cmd); // in deeper.c, a third unit

void run_it(const char *cmd) { system(cmd); }

const char *pass_through(const char *s) { return s; }

// Lets only lowercase letters through: a validator by character class.
int is_word(const char *s) {
  for (const char *p = s; *p; ++p)
    if (*p < 'a' || *p > 'z')
      return 0;
  return 1;
}

// Quotes nothing, but always runs a fixed command: its argument goes nowhere.
void run_fixed(const char *ignored) {
  (void)ignored;
  system("uptime");
}

void forward(const char *cmd) { run_deeper(cmd); }
