//===- BodyStatements.h - the statements of one function body -----------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <vector>

namespace appsec {

/// The statements of a function body in pre-order, with nested lambda bodies
/// left out: a lambda is a function of its own, analysed separately. Deeply
/// nested statements (over 400 levels) are cut off, so the walk is bounded.
struct BodyStatements {
  std::vector<const clang::Stmt *> Nodes;
  /// The lambdas met on the way (their bodies are not in Nodes).
  std::vector<const clang::LambdaExpr *> Lambdas;

  /// \p WithCaptureInits: also walk the expressions that initialise a
  /// lambda's captures (they run in the enclosing function).
  explicit BodyStatements(const clang::FunctionDecl *F, bool WithCaptureInits = true);

  /// The variables the lambdas capture.
  std::vector<const clang::VarDecl *> capturedVariables() const;

private:
  void walk(const clang::Stmt *S, unsigned Depth, bool WithCaptureInits);
};

/// True if \p F is a method returning a reference that returns `*this` on
/// every return (a builder's `QueryBuilder &where(...)`): a call of it
/// designates the object it was called on.
bool returnsThis(const clang::FunctionDecl *F);

/// The calls in \p Body, in source order, without entering nested lambda
/// bodies (a lambda is a function of its own; its capture initialisers are
/// included). Bounded: the walk stops after 20000 statements.
std::vector<const clang::CallExpr *> callsIn(const clang::Stmt *Body);

/// Calls \p Visit on \p Root and every statement under it, in pre-order
/// (source order), without entering nested lambda bodies; stops after
/// \p Budget statements.
void forEachStatement(const clang::Stmt *Root,
                      llvm::function_ref<void(const clang::Stmt *)> Visit,
                      unsigned Budget = 20000);

} // namespace appsec
