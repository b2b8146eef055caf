// The third unit of taint-cross-unit.c, reached through forward() in commands.c.
#include <stdio.h>

void run_deeper(const char *cmd) {
  FILE *p = popen(cmd, "r");
  if (p)
    pclose(p);
}
