//===- QshPatterns.h - the AST shapes of qsh computations and checks ----===//
//
// The small questions QueryStringHash asks of single expressions and
// statements: literals and names, what a SHA-256 or a comparison looks like,
// the guards on the way to a statement, a parameter tested against a
// constant. No state: QueryStringHash.cpp combines them over functions.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

#include <initializer_list>
#include <string>
#include <vector>

namespace appsec::jwt::qsh {

using clang::ASTContext;
using clang::CallExpr;
using clang::CXXRecordDecl;
using clang::Decl;
using clang::Expr;
using clang::FunctionDecl;
using clang::ParmVarDecl;
using clang::QualType;
using clang::Stmt;
using llvm::StringRef;

constexpr size_t kMaxNodesPerFunction = 20000;
constexpr const char *kContextQsh = "context-qsh";

/// What a computation is made of.
enum Ingredient : unsigned {
  Sha256 = 1,    ///< SHA256*, EVP_sha256, picosha2::hash256*, Poco SHA2Engine
  Ampersand = 2, ///< a '&' character or a string literal holding '&'
  Sorted = 4,    ///< std::sort, iteration of an ordered container, canonical* helper
  NamedQsh = 8,  ///< a call of a helper elsewhere named like a qsh computation
};
constexpr unsigned kFullHash = Sha256 | Ampersand | Sorted;

StringRef textOfLiteral(const Expr *E);

bool isStringLiteral(const Expr *E);

std::string lower(StringRef S);

std::string nameOf(const FunctionDecl *FD);

bool inSystemHeader(const Decl *D);

const CXXRecordDecl *recordOf(QualType T);

bool isStdRecord(const CXXRecordDecl *RD, std::initializer_list<StringRef> Names);

/// SHA-256 by name: OpenSSL SHA256/SHA256_*/EVP_sha256, picosha2::hash256*,
/// any function or class whose name spells sha256, Poco::SHA2Engine.
bool isSha256Function(const FunctionDecl *FD);

/// A helper whose body is elsewhere, named as a qsh computation:
/// queryStringHash, computeQsh, create_query_string_hash, ...
bool hasQshName(const FunctionDecl *FD);

bool isPresenceTest(const FunctionDecl *FD);

/// Comparison helpers by name: memcmp, CRYPTO_memcmp, strcmp, timingsafe_bcmp,
/// constantTimeEquals, secure_compare, ...
bool isComparisonFunction(const FunctionDecl *FD);

/// The two operands of a comparison (==, !=, a.compare(b), memcmp(a, b, n),
/// equals(a, b)); false if \p S is none.
bool comparisonOperands(const Stmt *S, const Expr *&L, const Expr *&R, bool &Equal);

/// The argument after a "qsh" literal of a call that names the claim with
/// the value it must have: jwt-cpp with_claim("qsh", jwt::claim(v)), cpp-jwt
/// has_claim_with_value("qsh", v).
const Expr *claimWithValue(const CallExpr *Call);

/// Every statement of a function body, without nested lambda bodies.
std::vector<const Stmt *> nodesOf(const FunctionDecl *F);

bool isRejectingExit(const Stmt *S, ASTContext &Ctx);

struct Guard {
  const Expr *Cond;
  bool MustBe;
};

/// The conditions that must hold for \p Target (inside \p S) to run:
/// if/?:/&&/|| on the way down.
bool guardsOf(const Stmt *S, const Stmt *Target, std::vector<Guard> &Path, unsigned Depth = 0);

const ParmVarDecl *paramIn(const Expr *E);

/// \p Cond tests a parameter against a constant: `p`, `!p`, `p == K`,
/// `p != K`; the parameter, or null.
const ParmVarDecl *parameterTest(const Expr *Cond, const ASTContext &Ctx);

} // namespace appsec::jwt::qsh
