//===- ArgConditions.h - does a call meet a model entry's `when`? --------===//
#pragma once

#include "models/ModelSet.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include "llvm/ADT/ArrayRef.h"

namespace appsec {

/// \p Arg meets \p C: a null pointer constant (or not), a constant whose name
/// or a string literal whose text is one of C.Is, a literal containing one of
/// C.Contains (case-insensitive).
bool argumentMatches(const clang::Expr *Arg, const ArgCondition &C, const clang::ASTContext &Ctx);

/// \p E is one of the objects \p Names (model names: `std::cerr`) or the
/// result of a call of one of those functions or constructors, directly or
/// at the start of a chain of `<<`.
bool streamMatches(const clang::Expr *E, llvm::ArrayRef<std::string> Names);

/// No condition, or the argument it names meets it.
inline bool conditionHolds(const std::optional<ArgCondition> &C,
                           llvm::ArrayRef<const clang::Expr *> Args,
                           const clang::ASTContext &Ctx) {
  return !C || (C->Arg < Args.size() && argumentMatches(Args[C->Arg], *C, Ctx));
}

} // namespace appsec
