//===- ConstantConditions.h - branches that can never run ---------------===//
//
// Dead code produces no findings. A condition is constant when the compiler
// can fold it, or when it reads a static variable of this file that nothing
// ever writes after initialisation, or calls a function of this file whose
// body only returns a constant: `if (0)`, `if (STATIC_CONST_FIVE == 5)`,
// `if (staticFalse)`, `if (staticReturnsFalse())`.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <optional>
#include <set>

namespace appsec {

class ConstantConditions {
public:
  explicit ConstantConditions(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Records writes (assignments, ++/--, address taken, non-const
  /// reference binding) to variables inside \p Body.
  void noteWrites(const clang::Stmt *Body);

  /// \p V is written after its initialisation in a body noted so far.
  bool isWritten(const clang::VarDecl *V) const { return Written.count(V->getCanonicalDecl()) > 0; }

  /// The value of \p E if it is constant in the sense above.
  std::optional<int64_t> evaluate(const clang::Expr *E, unsigned Depth = 0) const;

private:
  std::optional<int64_t> variableValue(const clang::VarDecl *V, unsigned Depth) const;
  std::optional<int64_t> callValue(const clang::CallExpr *C, unsigned Depth) const;

  clang::ASTContext &Ctx;
  std::set<const clang::VarDecl *> Written;
};

} // namespace appsec
