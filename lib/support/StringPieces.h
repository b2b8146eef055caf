//===- StringPieces.h - the literal text of a string expression ---------===//
//
// What a string value is made of, as far as the source says: its literal
// pieces in order, with a hole for each part only known at run time.
// `"token=" + t + "; Path=/; HttpOnly"` is ["token=", <t>, "; Path=/; HttpOnly"].
// Followed through: concatenation (std::string operator+, operator+=,
// append), constructions and conversions, c_str()/data(), locals (their
// initialiser, then what the function appends to them; a hole at the end if
// a call not followed may write them), conditional operators (the pieces of
// the first arm, the other's text elsewhere), fmt::format/std::format with a
// literal format (each field takes its argument), encoding conversions
// (to_string_t), and calls of functions defined in the translation unit
// outside system headers (the text of their returns; depth bounded).
// Anything else is a hole.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <string>
#include <vector>

namespace appsec {

struct StringPiece {
  std::string Text;                   ///< literal text, when Hole is null
  const clang::Expr *Hole = nullptr;  ///< a part known only at run time
};

struct StringPieces {
  std::vector<StringPiece> Pieces;
  /// Literal text the value may contain but whose place is not known: the
  /// other arm of a conditional, other return statements, text appended to
  /// a local in a branch.
  std::vector<std::string> Elsewhere;
  /// The text of the pieces, with \p HoleMark for each hole.
  std::string joined(llvm::StringRef HoleMark) const;
};

/// The pieces of the string value \p E; \p Body is the function around it
/// (searched for appends to locals).
StringPieces stringPieces(const clang::Expr *E, const clang::Stmt *Body);

} // namespace appsec
