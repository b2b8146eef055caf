#include "models/StoredStatements.h"

#include <gtest/gtest.h>

using namespace appsec;

TEST(StoredStatements, SqlThatStores) {
  for (const char *T : {"INSERT INTO users VALUES (?)", "  update users SET email = ?",
                        "REPLACE INTO t VALUES (1)", "(INSERT INTO t VALUES (1))",
                        "-- add a user\nINSERT INTO users VALUES (?)", "/* x */ upsert t",
                        "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"})
    EXPECT_EQ(statementKindOfText(T), StatementKind::Writes) << T;
}

TEST(StoredStatements, SqlThatLooksUp) {
  for (const char *T : {"SELECT id FROM users WHERE email = ?", "DELETE FROM sessions WHERE t = ?",
                        "WITH x AS (SELECT 1) SELECT * FROM x", "CREATE TABLE t (a TEXT)"})
    EXPECT_EQ(statementKindOfText(T), StatementKind::Reads) << T;
  for (const char *T : {"", "%s", "   "})
    EXPECT_EQ(statementKindOfText(T), StatementKind::Unknown) << T;
}

TEST(StoredStatements, RedisCommands) {
  for (const char *T : {"SET session:%s %s", "HSET user:%s email %s", "SETEX k 60 %s", "LPUSH q %s"})
    EXPECT_EQ(statementKindOfText(T), StatementKind::Writes) << T;
  for (const char *T : {"GET session:%s", "HGET user:%s email", "EXPIRE k 60"})
    EXPECT_EQ(statementKindOfText(T), StatementKind::Reads) << T;
}

TEST(StoredStatements, PreparedStatementNames) {
  for (const char *N : {"insert_user", "saveToken", "update-password", "addRefreshToken", "set_email"})
    EXPECT_EQ(statementKindOfName(N), StatementKind::Writes) << N;
  for (const char *N : {"find_user", "getToken", "check_password", "delete_session"})
    EXPECT_EQ(statementKindOfName(N), StatementKind::Reads) << N;
  EXPECT_EQ(statementKindOfName("stmt1"), StatementKind::Unknown);
}
