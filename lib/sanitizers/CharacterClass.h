//===- CharacterClass.h - validation character by character -------------===//
//
// Real code validates input by walking it character by character and
// leaving when a character is not of an allowed class:
//
//   for (size_t i = 0; name[i]; ++i)
//     if (!isalnum((unsigned char)name[i]) && name[i] != '_')
//       return -1;                       // or exit(1), throw, return false
//
// (also `for (char c : name)`, `while (*p)` over a pointer into the string,
// `s.size()` bounds, and a rejection written as `if (ok) continue; else
// return`). The characters the loop lets through are computed by evaluating
// the rejection condition for every byte (ctype classes in the C locale,
// comparisons with character constants, strchr over a literal), and the
// sink categories the string is then safe for follow from them: no shell
// metacharacter for commands, no quote or `;` for SQL, no `/`, `\` or `.`
// for paths, no `%` for format strings, no markup characters for XSS, no
// CR/LF for headers, no `:`, `/`, `\` or `@` for URLs.
//
// Two uses: a loop in the function itself validates the string on the
// loop's exit edge (the only way past it), and a function of the program
// whose body is such a loop followed by a success return is a validator of
// its parameter (`if (check(buf) != 0) exit(1);`).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "models/ModelSet.h"
#include "sinks/SinkCategory.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

#include <bitset>
#include <optional>

namespace appsec {

struct CharacterClassLoop {
  const clang::ValueDecl *Subject = nullptr; ///< the string walked
  CategoryMask Safe = 0;                     ///< categories its characters are safe for
};

/// \p Loop (a for, while or range-for statement) walks a whole string and
/// leaves the function (return, throw, exit()) when a character is not of
/// the allowed classes; null if it is not such a loop or its characters are
/// safe for no category.
std::optional<CharacterClassLoop> characterClassLoop(const clang::Stmt *Loop,
                                                     const clang::ASTContext &Ctx);

/// \p Def is a validator of one parameter by character class: its body is
/// such a loop at top level, every return before or inside it returns one
/// constant (failure) and every return after it another (success).
std::optional<ValidatorModel> characterClassValidator(const clang::FunctionDecl *Def,
                                                      const clang::ASTContext &Ctx);

/// \p Def is an escaper of one string parameter: it walks the parameter
/// character by character and appends each character either as it is or
/// as a fixed replacement (`case '<': out += "&lt;"; break; default: out +=
/// c;`), then returns what it built. The categories follow from the bytes
/// that can reach the result: for XSS, no `<`, `>` or quote passes raw or
/// in a replacement (entities' `&`, `#` and `;` are fine); for the others,
/// the rule of categoriesSafeFor over every byte that can be output.
std::optional<SanitizerModel> characterEscaper(const clang::FunctionDecl *Def,
                                               const clang::ASTContext &Ctx);

/// The bytes for which the predicate \p Pred of an algorithm holds: a lambda
/// of one character parameter whose body returns a character test, or a
/// ctype function named directly (`::isalnum`, `isdigit`); nullopt if it is
/// anything else.
std::optional<std::bitset<256>> predicateAccepts(const clang::Expr *Pred,
                                                 const clang::ASTContext &Ctx);

/// \p Cond tests one character variable (`isalnum((unsigned char)c) || c ==
/// '-'`, with `char c` a local or a loop variable, not an element of a
/// string): the reference to it in Cond, and the bytes for which Cond holds.
/// Used as a guard: `if (isalnum(c) || c == '.') clean += c;` appends only
/// those bytes.
struct CharacterTest {
  const clang::DeclRefExpr *Char = nullptr;
  std::bitset<256> Accepts;
};
std::optional<CharacterTest> characterTest(const clang::Expr *Cond, const clang::ASTContext &Ctx);

/// The bytes of a string literal (`find_first_not_of("0123456789")`).
std::optional<std::bitset<256>> literalCharacters(const clang::Expr *E);

/// The sink categories a string made only of \p Allowed bytes is safe for.
CategoryMask categoriesSafeFor(const std::bitset<256> &Allowed);

} // namespace appsec
