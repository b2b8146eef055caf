//===- ArgConditions.h - does a call meet a model entry's `when`? --------===//
#pragma once

#include "models/ModelSet.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include "llvm/ADT/ArrayRef.h"

namespace appsec {

/// \p Arg meets \p C: a null pointer constant (or not), a constant whose name
/// or a string literal whose text is one of C.Is, a literal containing one of
/// C.Contains (case-insensitive), a stream, a statement that writes; \p Body:
/// the function around the call, where a statement may have been built.
bool argumentMatches(const clang::Expr *Arg, const ArgCondition &C, const clang::ASTContext &Ctx,
                     const clang::Stmt *Body = nullptr);

/// \p E is one of the objects \p Names (model names: `std::cerr`), a
/// variable or member of one of those types (`std::basic_ofstream`), or the
/// result of a call of one of those functions or constructors, directly or
/// at the start of a chain of `<<`.
bool streamMatches(const clang::Expr *E, llvm::ArrayRef<std::string> Names);

/// No condition, or the argument it names (\p Object for "this") meets it.
inline bool conditionHolds(const std::optional<ArgCondition> &C,
                           llvm::ArrayRef<const clang::Expr *> Args,
                           const clang::ASTContext &Ctx, const clang::Expr *Object = nullptr,
                           const clang::Stmt *Body = nullptr) {
  if (!C)
    return true;
  const clang::Expr *A = C->OnThis ? Object : C->Arg < Args.size() ? Args[C->Arg] : nullptr;
  return A && argumentMatches(A, *C, Ctx, Body) != C->Negate;
}

} // namespace appsec
