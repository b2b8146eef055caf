//===- Guards.h - validation checks that make data safe on one branch ---===//
//
// Real code validates by branching: `if (!isValid(name)) return;`,
// `if (mode != "fast" && mode != "safe") return 400;`, `if
// (allowed.count(host))`, `if (std::regex_match(id, re))`, `if
// (path.find("..") != npos) return;`, a prefix check of a canonical path.
// guardEffects() reads one branch condition and says what holds on the given
// edge; the flow analysis applies it to the subjects' locations.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "models/ModelSet.h"
#include "sinks/SinkCategory.h"

#include "clang/AST/Expr.h"

#include <functional>
#include <vector>

namespace appsec {

struct GuardEffect {
  enum Kind {
    Validated,     ///< the subject is known good for Categories
    PrefixChecked, ///< starts with a fixed base: safe for paths if canonical
    NoDotDot       ///< contains no "..": safe for paths
  } K = Validated;
  const clang::Expr *Subject = nullptr;
  CategoryMask Categories = AllCategories;
  std::string Prefix; ///< PrefixChecked against this literal, when known
};

/// True if \p Text starts with "scheme://host/": a URL with that prefix cannot
/// be pointed at another host (redirect and SSRF targets).
bool fixesHost(llvm::StringRef Text);

/// Lookups the guard reader needs from the analysis.
struct GuardContext {
  /// Validator models and annotations of a callee (null if none).
  std::function<const ValidatorModel *(const clang::FunctionDecl *)> validatorFor;
  /// The guard a boolean variable carries (`bool ok = isValid(x)`), if any:
  /// returns the subject expression's location through the callback below.
  std::function<bool(const clang::ValueDecl *, bool Branch,
                     std::vector<GuardEffect> &Out)>
      boolGuard;
  /// The AST, for predicates of std::all_of and the like (may be null).
  const clang::ASTContext *AST = nullptr;
};

/// Effects that hold when \p Cond evaluates to \p Branch.
std::vector<GuardEffect> guardEffects(const clang::Expr *Cond, bool Branch,
                                      const GuardContext &Ctx);

/// The validator a call stands for in a condition or a `bool v = ...`
/// initialiser, with its subject: models, annotations, allow-list lookups,
/// equality with constants, regex_match, and validator-like names. Returns
/// false if \p Call validates nothing.
bool callValidates(const clang::CallExpr *Call, bool Branch, const GuardContext &Ctx,
                   std::vector<GuardEffect> &Out);

/// True if \p Name looks like a validation predicate (isValid, is_safe_path,
/// validateInput, is_allowed, ...).
bool validatorLikeName(llvm::StringRef Name);

} // namespace appsec
