//===- LlvmCompat.h - the differences between the LLVM releases we build on --===//
//
// appsec-tidy builds against Debian's LLVM/Clang 19 (the default) and 22
// (-DAPPSEC_LLVM_VERSION=22). Every API difference the code has to bridge is
// here, and only here: checks/, tools/ and the rest of lib/ write one spelling
// (the newer one where there is a choice). Each shim says which release needs
// it, so it can go when that release is no longer supported.
//
// lib/ knows nothing of clang-tidy, and neither does this header. Differences
// that did not need a shim (kept here as a record; they are written the way
// both releases accept):
//   - clang-tidy's ClangTidyModuleRegistry: declared in ClangTidyModuleRegistry.h
//     in 19, in ClangTidyModule.h in 22 (which deprecates the old header with a
//     #warning). checks/AppSecTidyModule.cpp names the type itself,
//     llvm::Registry<ClangTidyModule>, which both declare.
//   - clang::Type's inline members (getAsCXXRecordDecl, ...): 22 declares them in
//     clang/AST/TypeBase.h and defines them in clang/AST/Type.h, so a unit that
//     calls one includes clang/AST/Type.h (else the plugin has an undefined
//     symbol that stock clang-tidy does not export).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Config/llvm-config.h"

#include <initializer_list>

namespace appsec {

/// llvm::StringSwitch with Cases({"a", "b", ...}, Value).
///
/// LLVM 22 takes the strings of Cases() as one std::initializer_list and
/// deprecates the fixed-arity Cases("a", "b", ..., Value); LLVM 19 has only
/// the fixed-arity ones. Here both get the list form. When 19 is dropped,
/// replace appsec::StringSwitch with llvm::StringSwitch.
#if LLVM_VERSION_MAJOR >= 22
template <typename T, typename R = T> using StringSwitch = llvm::StringSwitch<T, R>;
#else
template <typename T, typename R = T> class StringSwitch : public llvm::StringSwitch<T, R> {
public:
  using llvm::StringSwitch<T, R>::StringSwitch;

  StringSwitch &Cases(std::initializer_list<llvm::StringLiteral> Strings, T Value) {
    for (llvm::StringLiteral S : Strings)
      this->Case(S, Value);
    return *this;
  }
};
#endif

/// Where a call (or any statement) begins and ends, as Clang 19 says.
///
/// In LLVM 19, CallExpr::getBeginLoc()/getEndLoc() defer to
/// CXXOperatorCallExpr's own. In 22 they are inline and do not (llvm-project
/// PR #141058, "Optimize some getBeginLoc implementations"): called through a
/// `const CallExpr *` on an overloaded operator call they give the callee's
/// place, so `rule.methods(M)(handler)` begins at the `(` before `handler`, not
/// at `rule`. Stmt's getBeginLoc()/getEndLoc() dispatch on the node's class and
/// give the operator call's own range on every release, so code holding a
/// CallExpr (or CXXMemberCallExpr) asks through these.
inline clang::SourceLocation beginLoc(const clang::Stmt *S) { return S->getBeginLoc(); }
inline clang::SourceLocation endLoc(const clang::Stmt *S) { return S->getEndLoc(); }

} // namespace appsec
