// RUN: %check_appsec_tidy %s appsec-sql-injection %t -- -- -std=c11
// sqlite3's own printf (Debian's sqlite3.h): %q doubles single quotes, %Q
// also adds them (and writes NULL for a null pointer), %w doubles double
// quotes for identifiers. Data formatted by them is escaped for SQL; data
// formatted by %s is not.
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

void byName(sqlite3 *db) {
  char name[64];
  if (!fgets(name, sizeof name, stdin))
    return;
  char *q = sqlite3_mprintf("SELECT * FROM users WHERE name = '%q'", name);
  sqlite3_exec(db, q, NULL, NULL, NULL);
  sqlite3_free(q);

  char *q2 = sqlite3_mprintf("SELECT * FROM users WHERE name = %Q LIMIT %d", name, 10);
  sqlite3_exec(db, q2, NULL, NULL, NULL);
  sqlite3_free(q2);

  char *q3 = sqlite3_mprintf("SELECT * FROM \"%w\"", name);
  sqlite3_exec(db, q3, NULL, NULL, NULL);
  sqlite3_free(q3);

  char buf[256];
  sqlite3_snprintf(sizeof buf, buf, "DELETE FROM users WHERE name = '%q'", name);
  sqlite3_exec(db, buf, NULL, NULL, NULL);

  sqlite3_str *s = sqlite3_str_new(db);
  sqlite3_str_appendf(s, "SELECT * FROM users WHERE name = %Q", name);
  char *q4 = sqlite3_str_finish(s);
  sqlite3_exec(db, q4, NULL, NULL, NULL);
  sqlite3_free(q4);
}

void unescaped(sqlite3 *db) {
  char name[64], order[16];
  if (!fgets(name, sizeof name, stdin) || !fgets(order, sizeof order, stdin))
    return;
  // %s copies the data as it is.
  char *q = sqlite3_mprintf("SELECT * FROM users WHERE name = '%s'", name);
  sqlite3_exec(db, q, NULL, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted console input from fgets() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
  sqlite3_free(q);

  // One argument escaped, the next one not.
  char *q2 = sqlite3_mprintf("SELECT * FROM users WHERE name = %Q ORDER BY %s", name, order);
  sqlite3_exec(db, q2, NULL, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted console input from fgets() reaches sqlite3_exec(){{.*}} [appsec-sql-injection]
  sqlite3_free(q2);

  // A format that is not a literal escapes nothing that can be seen.
  const char *fmt = getenv("QUERY_FORMAT");
  char *q3 = sqlite3_mprintf(fmt ? fmt : "%q", name);
  sqlite3_exec(db, q3, NULL, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted {{.*}} reaches sqlite3_exec(){{.*}} [appsec-sql-injection]
  sqlite3_free(q3);
}
