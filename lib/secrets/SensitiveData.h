//===- SensitiveData.h - which values are secrets or end-user data ------===//
//
// The data-protection checks follow two kind labels: secret (passwords, API
// keys and tokens, signing keys, the Connect sharedSecret) and end-user data
// (e-mail addresses, Atlassian account ids and display names, phone numbers,
// card numbers, ...). A value gets one of them
//  - by the name it is read through: a variable, parameter or data member
//    named like one (`dbPassword`, `shared_secret`, `user.emailAddress`);
//  - by the key it is looked up with: a call given a string literal key
//    (`json["password"]`, `getenv("JWT_SECRET")`,
//    `req.get_header_value("Authorization")`);
//  - by annotation: `[[clang::annotate("appsec::secret")]]` or
//    `("appsec::end_user_data")` on the variable, parameter, data member,
//    function (its result) or class (every value of it).
// Names are split into words (camelCase, snake_case, kebab-case, digits);
// a name is sensitive when its words joined contain a pattern and none of
// its words says it is about the data rather than the data itself
// (`passwordHash`, `tokenUrl`, `emailValid`, `secretName`). The lists are
// in SensitiveData.cpp and documented in docs/checks/appsec-sensitive-logging.md;
// options add patterns of one's own.
//
// Functions whose name says they mask, redact, hash or encrypt make a value
// safe to log (maskingFunction).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "labels/Label.h"

#include "clang/AST/Decl.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace appsec {

/// The labels a name says its value carries: Secret, EndUserData or none.
/// \p IsKey: the name is a lookup key (a string literal), where a bare
/// `token` or `jwt` means an authentication token; as an identifier it is
/// just as often a lexer's token.
LabelMask sensitiveNameLabels(llvm::StringRef Name, bool IsKey);

/// The name of a function that masks, redacts, hashes or encrypts.
bool maskingFunctionName(llvm::StringRef Name);

/// Caches the labels of declarations and keys for one translation unit.
class SensitiveData {
public:
  /// \p ExtraSecret, \p ExtraEndUser: more patterns (lower case, compared
  /// with the name's words joined), from the engine's options.
  SensitiveData(std::vector<std::string> ExtraSecret = {},
                std::vector<std::string> ExtraEndUser = {})
      : ExtraSecret(std::move(ExtraSecret)), ExtraEndUser(std::move(ExtraEndUser)) {}

  /// Labels of a value read through \p D (a variable, parameter, data
  /// member or binding): its name or its annotation. Constants initialised
  /// with a literal are not: their value is in the source already.
  LabelMask ofDecl(const clang::ValueDecl *D);
  /// Labels of the result of a call of \p Callee (annotations only).
  LabelMask ofResult(const clang::FunctionDecl *Callee);
  /// Labels of a value looked up with the literal key \p Key.
  LabelMask ofKey(llvm::StringRef Key);
  /// \p Callee masks or hashes what it is given.
  bool masks(const clang::FunctionDecl *Callee);

private:
  LabelMask classify(llvm::StringRef Name, bool IsKey) const;
  std::vector<std::string> ExtraSecret, ExtraEndUser;
  llvm::DenseMap<const clang::Decl *, LabelMask> Decls;
  llvm::DenseMap<const clang::Decl *, bool> Maskers;
  llvm::StringMap<LabelMask> Keys;
};

/// Labels declared by `[[clang::annotate("appsec::secret")]]` or
/// `("appsec::end_user_data")` on \p D.
LabelMask annotatedSensitive(const clang::Decl *D);

} // namespace appsec
