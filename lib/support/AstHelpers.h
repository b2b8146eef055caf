//===- AstHelpers.h - small AST queries shared by the engine and checks --===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <optional>
#include <vector>
#include <string>

namespace appsec {

/// The integer value of \p E if the compiler can fold it (literals, enum
/// constants, constexpr and const-initialised variables, `false`).
std::optional<int64_t> constantInt(const clang::Expr *E,
                                   const clang::ASTContext &Ctx);

/// The declaration \p E names after stripping casts, parentheses, `&` and `*`
/// (a variable, parameter or field), or null.
const clang::ValueDecl *referencedDecl(const clang::Expr *E);

/// The name of the enumerator or macro-free identifier \p E refers to, e.g.
/// "CURLOPT_SSL_VERIFYPEER"; empty if \p E is not a reference.
std::string referencedName(const clang::Expr *E);

/// The function (or lambda call operator) whose body contains \p S.
/// Found by source range in an index of the translation unit's function
/// bodies outside system headers, built once per AST: unlike the parent map,
/// it never walks the system headers (httplib.h, json.hpp, ...).
const clang::FunctionDecl *enclosingFunction(const clang::Stmt *S,
                                             clang::ASTContext &Ctx);

/// Every function or lambda whose body contains \p S, innermost first.
std::vector<const clang::FunctionDecl *> enclosingFunctions(const clang::Stmt *S,
                                                            clang::ASTContext &Ctx);

/// True if \p Fn (a lambda, function or function pointer expression) has a
/// body that always returns a non-zero constant, e.g. `[](auto...) { return 1; }`.
bool alwaysReturnsNonZero(const clang::Expr *Fn, const clang::ASTContext &Ctx);

} // namespace appsec

namespace appsec {

/// The characters of the user's main file that spell \p E in full (directly,
/// as a macro argument, or as a whole object-like macro such as
/// SSL_VERIFY_NONE); invalid if \p E is not written in full in the main file.
/// Fix-its replace exactly this range.
clang::CharSourceRange mainFileRange(const clang::Expr *E,
                                     const clang::ASTContext &Ctx);

/// True if \p E (ignoring casts) is an integer or boolean literal.
bool isLiteral(const clang::Expr *E);

/// The namespaces around \p D, innermost first, without inline ones, e.g.
/// {"algorithm", "jwt"} (an anonymous namespace is an empty name).
llvm::SmallVector<llvm::StringRef, 4> namespacesOf(const clang::Decl *D);

/// The unqualified name of the function \p C calls directly; empty for
/// calls through pointers and for operators and other special names.
llvm::StringRef calleeName(const clang::CallExpr *C);

} // namespace appsec

namespace appsec {

/// What ignoreWrappers() looks through.
enum WrapperKind : unsigned {
  Temporaries = 1,       ///< parens, implicit casts, cleanups, materialised and bound temporaries
  ExplicitCasts = 2,     ///< C-style, functional and named casts
  CopyConstructors = 4,  ///< copy and move constructions
  OneArgConstructors = 8, ///< any single-argument construction (converting constructors)
  TemporaryObjects = 16, ///< T(x) written as a temporary object
  ConversionCalls = 32   ///< calls of conversion operators (s.operator string_view())
};

/// \p E without the wrappers C++ puts around a value, as selected by \p Kinds.
const clang::Expr *ignoreWrappers(const clang::Expr *E, unsigned Kinds);

/// What a value is built from: \p E without temporaries and explicit casts,
/// and through each construction to its first argument (std::string("ls")
/// is "ls", whatever default arguments the constructor has).
const clang::Expr *constructedFrom(const clang::Expr *E);

/// The variable or member \p E designates as a handle (a database, a
/// statement): through temporaries and casts, `&` and `*`, a smart pointer's
/// `->` and `*`, and calls without arguments on it (`ptr.get()`). A
/// DeclRefExpr or a MemberExpr, or null.
const clang::Expr *handleExpr(const clang::Expr *E);

} // namespace appsec

namespace appsec {

/// The block of \p F's body that holds \p S as one of its own statements,
/// looking through parentheses, implicit casts, cleanups and casts to void;
/// null if \p S is part of a larger expression or statement. Found by
/// walking \p F's body, not through the parent map (see enclosingFunction).
const clang::CompoundStmt *blockHolding(const clang::Stmt *S,
                                        const clang::FunctionDecl *F);

} // namespace appsec

namespace appsec {

/// \p D itself carries [[clang::annotate("<Text>")]] (other declarations of
/// the same entity are not looked at).
bool hasAnnotation(const clang::Decl *D, llvm::StringRef Text);

/// Some declaration of \p F carries [[clang::annotate("<Text>")]].
bool anyDeclarationHasAnnotation(const clang::FunctionDecl *F, llvm::StringRef Text);

} // namespace appsec
