#include "secrets/SensitiveData.h"

#include "support/IdentifierWords.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"

#include "llvm/ADT/SmallVector.h"

#include <cctype>

using namespace clang;

namespace appsec {

namespace {

bool isOneOf(llvm::StringRef S, llvm::ArrayRef<llvm::StringLiteral> L) {
  for (llvm::StringRef P : L)
    if (S == P)
      return true;
  return false;
}

// Secrets: the words joined contain one of these.
constexpr llvm::StringLiteral SecretParts[] = {
    "password", "passwd", "passphrase", "secret", "apikey", "apitoken", "accesstoken",
    "authtoken", "refreshtoken", "bearertoken", "idtoken", "sessiontoken", "sessionid",
    "sessionkey", "privatekey", "signingkey", "encryptionkey", "credential", "authorization",
    "bearer", "jwttoken", "csrftoken", "oauthtoken", "authkey", "accesskey", "masterkey",
    "hmackey", "xsrftoken", "privkey", "keymaterial"};
// ... or are one of these (keys only: as identifiers they are as often a
// lexer's token or a namespace).
constexpr llvm::StringLiteral SecretKeys[] = {"token", "jwt", "auth", "apikey", "pass", "pwd"};
// Identifiers that are exactly one of these.
constexpr llvm::StringLiteral SecretIdentifiers[] = {"jwt", "rawjwt", "pwd"};
// Secrets that are passwords: only a password hash makes them fit to store.
constexpr llvm::StringLiteral PasswordParts[] = {"password", "passwd", "passphrase"};
constexpr llvm::StringLiteral PasswordKeys[] = {"pass", "pwd"};
// A name of two or more words ending in "token" is a credential (ops_token,
// X-Deploy-Token, githubToken), unless the word before says it is a position
// or a piece of syntax (next_token, page_token, lexer_token).
constexpr llvm::StringLiteral NotCredentialTokenWords[] = {
    "next", "page", "continuation", "cursor", "sync", "lexer", "parser", "parse", "syntax",
    "current", "cur", "prev", "previous", "last", "first", "cancel", "cancellation", "stop",
    "ast", "input", "expected", "unexpected", "peek", "char", "word", "string", "number"};

// End-user data.
constexpr llvm::StringLiteral EndUserParts[] = {
    "email", "accountid", "displayname", "phonenumber", "phone", "mobilenumber",
    "socialsecurity", "creditcard", "cardnumber", "iban", "bankaccount", "birthdate",
    "dateofbirth", "birthday", "salary", "postcode", "postalcode", "zipcode", "medical",
    "spouse", "fullname", "firstname", "lastname", "homeaddress", "streetaddress", "passport",
    "nationalid"};
constexpr llvm::StringLiteral EndUserWords[] = {"ssn", "dob"};

// A word that makes the name about the data, not the data: its hash, where
// it is kept, its length, a check of it, its name.
constexpr llvm::StringLiteral AboutTheDataWords[] = {
    "hash", "hashed", "hashes", "hasher", "digest", "salt", "salted", "crypt", "encrypted",
    "bcrypt", "scrypt", "argon2", "cipher", "ciphertext", "file", "filename", "path", "dir",
    "directory", "url", "uri", "endpoint", "host", "len", "length", "size", "count", "policy",
    "prompt", "field", "fields", "label", "type", "types", "expiry", "expires", "expiration",
    "expired", "valid", "invalid", "validator", "validation", "verifier", "verify",
    "verified", "required", "require", "enabled", "enable", "allowed", "min", "max", "mask",
    "masked", "redact", "redacted", "placeholder", "pattern", "regex", "hint", "format",
    "template", "column", "manager", "store", "provider", "service", "factory", "handler",
    "callback", "strength", "rule", "rules", "error", "errors", "msg", "option", "options",
    "flag", "mode", "version", "algorithm", "alg", "kind", "prefix", "suffix", "env", "var",
    "setting", "settings", "config", "hmac", "sha256", "sha1", "md5", "fingerprint", "exists",
    "present", "stmt", "statement", "query", "sql"};
bool aboutTheData(llvm::StringRef W) { return isOneOf(W, AboutTheDataWords); }
// ... for secrets only: a secret's name, id or header is not the secret.
constexpr llvm::StringLiteral AboutTheSecretWords[] = {
    "name", "names", "param", "parameter", "index", "idx", "iter", "pos", "offset", "start",
    "begin", "end"};
bool aboutTheSecret(llvm::StringRef W) { return isOneOf(W, AboutTheSecretWords); }
// ... for end-user data only: the app's own mail server or sender.
constexpr llvm::StringLiteral AboutTheUserDataWords[] = {
    "server", "smtp", "sender", "from", "client", "domain", "queue", "sent", "verification",
    "confirmed", "notification", "subject", "body"};
bool aboutTheUserData(llvm::StringRef W) { return isOneOf(W, AboutTheUserDataWords); }

bool joinedContains(const std::string &Joined, llvm::ArrayRef<llvm::StringLiteral> Parts) {
  for (llvm::StringRef P : Parts)
    if (llvm::StringRef(Joined).contains(P))
      return true;
  return false;
}

LabelMask classifyWith(llvm::StringRef Name, bool IsKey, llvm::ArrayRef<std::string> ExtraSecret,
                       llvm::ArrayRef<std::string> ExtraEndUser) {
  if (Name.empty() || Name.size() > 64)
    return 0;
  auto Words = identifierWords(Name);
  if (Words.empty())
    return 0;
  std::string Joined;
  for (const std::string &W : Words)
    Joined += W;
  bool About = false, AboutSecret = false, AboutUser = false;
  for (const std::string &W : Words) {
    About |= aboutTheData(W);
    AboutSecret |= aboutTheSecret(W);
    AboutUser |= aboutTheUserData(W);
  }
  if (About)
    return 0;
  LabelMask Out = 0;
  bool Secret = joinedContains(Joined, SecretParts) ||
                (IsKey ? isOneOf(Joined, SecretKeys) : isOneOf(Joined, SecretIdentifiers));
  if (Words.size() >= 2 && Words.back() == "token" &&
      !isOneOf(Words[Words.size() - 2], NotCredentialTokenWords))
    Secret = true;
  for (const std::string &P : ExtraSecret)
    Secret |= llvm::StringRef(Joined).contains(P);
  // "secretary", "passwordless" are not secrets.
  if (Secret && (llvm::StringRef(Joined).contains("secretar") ||
                 llvm::StringRef(Joined).contains("passwordless")))
    Secret = false;
  if (Secret && !AboutSecret) {
    Out |= maskOf(Label::Secret);
    if (joinedContains(Joined, PasswordParts) ||
        (IsKey ? isOneOf(Joined, PasswordKeys) : Joined == "pwd"))
      Out |= maskOf(Label::Password);
  }
  bool User = joinedContains(Joined, EndUserParts);
  for (const std::string &W : Words)
    User |= isOneOf(W, EndUserWords);
  for (const std::string &P : ExtraEndUser)
    User |= llvm::StringRef(Joined).contains(P);
  if (User && !AboutUser)
    Out |= maskOf(Label::EndUserData);
  return Out;
}

/// Values of \p T can hold a secret or a piece of personal data as text or
/// bytes: character pointers and arrays, strings, string views, JSON values,
/// byte vectors, and optionals of those.
bool carriesText(QualType T, unsigned Depth = 0) {
  if (T.isNull() || Depth > 3)
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isArrayType()) {
    QualType E = T->isPointerType() ? T->getPointeeType() : QualType(T->getArrayElementTypeNoTypeQual(), 0);
    return E->isAnyCharacterType() || (E->isPointerType() && E->getPointeeType()->isAnyCharacterType());
  }
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  llvm::StringRef N = RD->getName();
  if (N == "basic_string" || N == "basic_string_view" || N == "basic_json" || N == "QString" ||
      N == "QByteArray" || N == "Value" || N == "GenericValue" || N == "SecureString")
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type) {
      QualType A = Args[0].getAsType().getCanonicalType();
      if (N == "optional" || N == "shared_ptr" || N == "unique_ptr")
        return carriesText(A, Depth + 1);
      if (N == "vector" || N == "array")
        return A->isAnyCharacterType() || A->isSpecificBuiltinType(BuiltinType::UChar);
    }
  }
  return false;
}

} // namespace

LabelMask sensitiveNameLabels(llvm::StringRef Name, bool IsKey) {
  return classifyWith(Name, IsKey, {}, {});
}

bool maskingFunctionName(llvm::StringRef Name) {
  static constexpr llvm::StringLiteral MaskingWords[] = {
    "mask", "masked", "redact", "redacted", "obfuscate", "obfuscated", "anonymize",
    "anonymise", "anonymized", "pseudonymize", "censor", "scrub", "hash", "hashed", "digest",
    "sha1", "sha256", "sha512", "md5", "hmac", "encrypt", "encrypted", "crypt", "bcrypt",
    "scrypt", "argon2", "pbkdf2", "fingerprint", "seal", "cipher"};
  for (const std::string &W : identifierWords(Name))
    if (isOneOf(W, MaskingWords))
      return true;
  return false;
}

bool fastDigestName(llvm::StringRef Name) {
  // A password hash (bcrypt, scrypt, Argon2, PBKDF2, libsodium's pwhash,
  // crypt(3)) is slow on purpose; a name without a digest's name
  // (hashPassword) is given the benefit of the doubt.
  static constexpr llvm::StringLiteral PasswordHashWords[] = {
    "bcrypt", "scrypt", "argon2", "argon2i", "argon2id", "pbkdf2", "pwhash", "crypt"};
  static constexpr llvm::StringLiteral FastWords[] = {
    "sha", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3", "md4", "md5", "digest",
    "hmac", "crc32", "fingerprint", "xxhash", "murmur"};
  bool Fast = false;
  for (const std::string &W : identifierWords(Name)) {
    if (isOneOf(W, PasswordHashWords))
      return false;
    Fast |= isOneOf(W, FastWords);
  }
  return Fast;
}

LabelMask annotatedSensitive(const Decl *D) {
  LabelMask Out = 0;
  if (!D)
    return 0;
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() == "appsec::secret")
      Out |= maskOf(Label::Secret);
    else if (A->getAnnotation() == "appsec::password")
      Out |= maskOf(Label::Secret) | maskOf(Label::Password);
    else if (A->getAnnotation() == "appsec::end_user_data")
      Out |= maskOf(Label::EndUserData);
  }
  return Out;
}

LabelMask SensitiveData::classify(llvm::StringRef Name, bool IsKey) const {
  return classifyWith(Name, IsKey, ExtraSecret, ExtraEndUser);
}

LabelMask SensitiveData::ofDecl(const ValueDecl *D) {
  if (!D)
    return 0;
  D = cast<ValueDecl>(D->getCanonicalDecl());
  auto [It, New] = Decls.try_emplace(D, 0);
  if (!New)
    return It->second;
  LabelMask Out = 0;
  for (const Decl *R = D; R; R = R->getPreviousDecl())
    Out |= annotatedSensitive(R);
  QualType T = D->getType();
  if (const auto *RD = T.getNonReferenceType()->getPointeeOrArrayElementType()->getAsCXXRecordDecl())
    Out |= annotatedSensitive(RD);
  if (!Out && (isa<VarDecl>(D) || isa<FieldDecl>(D)) && carriesText(T) &&
      D->getIdentifier()) {
    // A constant initialised with a literal is in the source already (and a
    // name like kPasswordKey is the key, not the password).
    const auto *V = dyn_cast<VarDecl>(D);
    const Expr *Init = V ? V->getAnyInitializer() : nullptr;
    bool LiteralConstant = V && Init && (V->isConstexpr() || T.isConstQualified() ||
                                         (T->isPointerType() && T->getPointeeType().isConstQualified() &&
                                          V->hasGlobalStorage())) &&
                           isa<StringLiteral>(Init->IgnoreImplicit());
    if (!LiteralConstant)
      Out = classify(D->getName(), /*IsKey=*/false);
  }
  It->second = Out;
  return Out;
}

LabelMask SensitiveData::ofResult(const FunctionDecl *Callee) {
  if (!Callee)
    return 0;
  const Decl *C = Callee->getCanonicalDecl();
  auto [It, New] = Decls.try_emplace(C, 0);
  if (!New)
    return It->second;
  LabelMask Out = 0;
  for (const FunctionDecl *R = Callee->getMostRecentDecl(); R; R = R->getPreviousDecl())
    Out |= annotatedSensitive(R);
  It->second = Out;
  return Out;
}

LabelMask SensitiveData::ofKey(llvm::StringRef Key) {
  // A key is short and made of name characters; a message or a format
  // ("password for {}") is not a key.
  if (Key.empty() || Key.size() > 64 ||
      Key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") !=
          llvm::StringRef::npos)
    return 0;
  auto [It, New] = Keys.try_emplace(Key, 0);
  if (New)
    It->second = classify(Key, /*IsKey=*/true);
  return It->second;
}

Masking SensitiveData::masking(const FunctionDecl *Callee) {
  if (!Callee || !Callee->getIdentifier())
    return Masking::None;
  const Decl *C = Callee->getCanonicalDecl();
  auto [It, New] = Maskers.try_emplace(C, Masking::None);
  if (New && maskingFunctionName(Callee->getName()))
    It->second = fastDigestName(Callee->getName()) ? Masking::FastDigest : Masking::Masks;
  return It->second;
}

} // namespace appsec
