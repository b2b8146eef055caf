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
// safe to log and to store (maskingFunctionName); a password hashed with a
// fast digest (SHA-256) is safe to log, not to store (fastDigestName).
// Passwords carry the label password as well as secret.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "labels/Label.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
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
/// ... that names a fast digest (SHA-2, MD5, HMAC): fine for a secret in a
/// log, not for a password in a store, which needs a password hash.
bool fastDigestName(llvm::StringRef Name);

/// What a function does to the secrets and end-user data it is given.
enum class Masking : uint8_t {
  None,
  Masks,      ///< masks, redacts, encrypts or hashes for passwords: fit to log and store
  FastDigest, ///< hashes with a fast digest: fit to log; a password hashed so is not fit to store
};

/// Caches the labels of declarations and keys for one translation unit.
class SensitiveData {
public:
  /// \p ExtraSecret, \p ExtraEndUser: more patterns (lower case, compared
  /// with the name's words joined), from the engine's options.
  /// \p EncryptedStores: names of stores encrypted at rest (variables,
  /// members, their types).
  SensitiveData(std::vector<std::string> ExtraSecret = {},
                std::vector<std::string> ExtraEndUser = {},
                std::vector<std::string> EncryptedStores = {})
      : ExtraSecret(std::move(ExtraSecret)), ExtraEndUser(std::move(ExtraEndUser)),
        EncryptedStores(std::move(EncryptedStores)) {}

  /// Labels of a value read through \p D (a variable, parameter, data
  /// member or binding): its name or its annotation. Constants initialised
  /// with a literal are not: their value is in the source already.
  LabelMask ofDecl(const clang::ValueDecl *D);
  /// Labels of the result of a call of \p Callee (annotations only).
  LabelMask ofResult(const clang::FunctionDecl *Callee);
  /// Labels of a value looked up with the literal key \p Key.
  LabelMask ofKey(llvm::StringRef Key);
  /// What \p Callee does to what it is given, by its name.
  Masking masking(const clang::FunctionDecl *Callee);

  /// The store a call of \p Callee writes to is declared encrypted at rest
  /// (EncryptedStores.cpp): its handle (\p Object or one of \p Args), the
  /// handle's type or the function is annotated `appsec::encrypted_at_rest`
  /// or named in the option; or the call is SQLite's and the unit keys its
  /// databases with SQLCipher's sqlite3_key.
  bool encryptedStore(const clang::FunctionDecl *Callee, const clang::Expr *Object,
                      llvm::ArrayRef<const clang::Expr *> Args);

private:
  bool declaredEncrypted(const clang::Decl *D) const;
  std::optional<bool> SqlCipher; ///< the unit calls sqlite3_key (computed once)
  LabelMask classify(llvm::StringRef Name, bool IsKey) const;
  std::vector<std::string> ExtraSecret, ExtraEndUser, EncryptedStores;
  llvm::DenseMap<const clang::Decl *, LabelMask> Decls;
  llvm::DenseMap<const clang::Decl *, Masking> Maskers;
  llvm::StringMap<LabelMask> Keys;
};

/// Labels declared by `[[clang::annotate("appsec::secret")]]` or
/// `("appsec::end_user_data")` on \p D.
LabelMask annotatedSensitive(const clang::Decl *D);

} // namespace appsec
