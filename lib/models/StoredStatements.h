//===- StoredStatements.h - does a database statement store data? -------===//
//
// A value bound into `SELECT ... WHERE email = ?` is looked up, not stored;
// bound into `INSERT INTO users ...` it is stored. appsec-plaintext-storage
// reports database statements only when their text is known to write:
//  - SQL: INSERT, UPDATE, REPLACE, UPSERT, MERGE (and WITH ... one of those);
//  - Redis commands: SET, HSET, LPUSH, SADD, ... (the commands that write a
//    value);
//  - a prepared statement's name (libpq, libpqxx): insert_user, save_token.
// The text is found where the statement is built in the same function: a
// literal, the first literal of a concatenation or a formatting call, a
// local's initialiser, the call that prepared a statement handle
// (sqlite3_prepare_v2(db, "INSERT ...", -1, &stmt, 0),
// con->prepareStatement("INSERT ..."), mysql_stmt_prepare(stmt, "INSERT ...")),
// the first text streamed or appended into a local. Anything else is
// unknown, and unknown statements are not reported.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include "llvm/ADT/StringRef.h"

namespace appsec {

enum class StatementKind { Unknown, Reads, Writes };

/// What the statement text \p Text does (by its first word).
StatementKind statementKindOfText(llvm::StringRef Text);
/// What a prepared statement named \p Name does (by its name's words).
StatementKind statementKindOfName(llvm::StringRef Name);

/// What the statement \p E (its text, or a handle prepared from a text) does;
/// \p Body: the function around it, searched for where a local was built.
StatementKind statementKind(const clang::Expr *E, const clang::Stmt *Body);

} // namespace appsec
