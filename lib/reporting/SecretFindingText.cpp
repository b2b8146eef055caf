#include "reporting/SecretFindingText.h"

#include "models/FunctionNames.h"
#include "reporting/TaintFindingText.h"

#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace appsec {

namespace {
/// " reaches spdlog::info(), which writes it to the service's log"
std::string reaches(const SinkFinding &F) {
  return " reaches " + F.SinkName + (F.What.empty() ? "" : ", which " + F.What);
}
/// " (sensitive data in a log, CWE-532)"
std::string weakness(const SinkFinding &F) {
  return " (" + std::string(categoryLabel(F.Category)) + ", " + std::string(categoryCwe(F.Category)) +
         ")";
}
} // namespace

DiagnosticText hardcodedSecretText(const HardcodedSecret &S, const FunctionDecl *Callee) {
  DiagnosticText T;
  T.Loc = S.Use->getBeginLoc();
  std::string Who = Callee ? modelName(Callee) : "this call";
  if (isa_and_nonnull<CXXConstructorDecl>(Callee))
    Who = modelName(cast<CXXConstructorDecl>(Callee)->getParent());
  bool Key = S.Category == SinkCategory::JwtKey;
  T.Message = std::string(Key ? "the JWT key given to " : "the secret given to ") + Who +
              (S.What.empty() ? "" : " (which " + S.What + ")") +
              " is written in the source, so everyone with the code or the binary has it" +
              (Key ? " and can sign tokens this service accepts" : "") +
              "; load it at run time from a secret store or the environment" +
              (Key ? " (for an Atlassian Connect app: the sharedSecret stored at installation)"
                   : "");
  if (S.Via)
    T.Notes.emplace_back(S.Via->getLocation(),
                         "the constant '" + S.Via->getNameAsString() + "' holds it");
  return T;
}

DiagnosticText sensitiveLogText(const SinkFinding &F) {
  DiagnosticText T;
  T.Loc = F.Loc;
  bool Secret = F.Labels & maskOf(Label::Secret);
  T.Message = Secret ? "a secret" : "end-user data";
  // The variable, member, key or annotated function that makes it so.
  if (!F.SensitiveName.empty())
    T.Message += " (" + F.SensitiveName + ")";
  T.Message += reaches(F);
  T.Message += Secret ? "; leave it out, or log a masked form or a fingerprint"
                      : "; leave it out, or log an opaque identifier or a masked form";
  T.Message += weakness(F);
  T.Notes = taintNotes(F);
  return T;
}

namespace {
/// What is stored, most serious first: each kind with its phrase and advice.
enum class StoredKind { FastHashedPassword, Password, Secret, EndUserData, None };

StoredKind storedKind(LabelMask L) {
  if (L & maskOf(Label::Password))
    return StoredKind::Password;
  if (L & maskOf(Label::FastHashedPassword))
    return StoredKind::FastHashedPassword;
  if (L & maskOf(Label::Secret))
    return StoredKind::Secret;
  if (L & maskOf(Label::EndUserData))
    return StoredKind::EndUserData;
  return StoredKind::None;
}

/// The labels of the group \p K belongs to (a password before and after a
/// fast digest is one group).
LabelMask groupOf(StoredKind K) {
  switch (K) {
  case StoredKind::FastHashedPassword:
  case StoredKind::Password: // a password is a secret too
    return maskOf(Label::Password) | maskOf(Label::FastHashedPassword) | maskOf(Label::Secret);
  case StoredKind::Secret:
    return maskOf(Label::Secret);
  case StoredKind::EndUserData:
    return maskOf(Label::EndUserData);
  case StoredKind::None:
    break;
  }
  return 0;
}

const char *storedPhrase(StoredKind K) {
  switch (K) {
  case StoredKind::FastHashedPassword:
    return "a password hashed with a fast digest";
  case StoredKind::Password:
    return "a password";
  case StoredKind::Secret:
    return "a secret";
  default:
    return "end-user data";
  }
}

const char *storedAdvice(StoredKind K) {
  switch (K) {
  case StoredKind::FastHashedPassword:
    return "a fast digest is cracked offline; store a password hash (Argon2, bcrypt, scrypt, "
           "PBKDF2) instead";
  case StoredKind::Password:
    return "store a password hash (Argon2, bcrypt, scrypt, PBKDF2) instead, or encrypt it if the "
           "app must use it later";
  case StoredKind::Secret:
    return "encrypt it, keep it in a secret manager, or store a hash if it is only compared";
  default:
    return "encrypt it, or declare the store encrypted at rest (AppSecEncryptedStores)";
  }
}
} // namespace

DiagnosticText plaintextStorageText(const SinkFinding &F) {
  DiagnosticText T;
  T.Loc = F.Loc;
  // The kind the named variable or key gave, when the data still carries
  // it; the most serious kind otherwise. Data joined from several values
  // (`const char *values[] = {email, password}`) names the others' kind too.
  StoredKind Named = storedKind(F.Labels);
  if (F.SensitiveLabel >= 0) {
    StoredKind K = storedKind(maskOf(Label(F.SensitiveLabel)));
    if (F.Labels & groupOf(K))
      Named = storedKind(F.Labels & groupOf(K));
  }
  StoredKind Other = storedKind(F.Labels & ~groupOf(Named));
  StoredKind Worst = Other < Named ? Other : Named;
  T.Message = storedPhrase(Named);
  if (!F.SensitiveName.empty())
    T.Message += " (" + F.SensitiveName + ")";
  if (Other != StoredKind::None)
    T.Message += std::string(" with ") + storedPhrase(Other);
  T.Message += reaches(F);
  T.Message += std::string(" in plaintext; ") + storedAdvice(Worst) + weakness(F);
  T.Notes = taintNotes(F);
  return T;
}

DiagnosticText secretInUrlText(const SinkFinding &F) {
  DiagnosticText T;
  T.Loc = F.Loc;
  T.Message = F.Labels & maskOf(Label::Password) ? "a password" : "a secret";
  if (!F.SensitiveName.empty())
    T.Message += " (" + F.SensitiveName + ")";
  T.Message += reaches(F);
  T.Message += "; send it in a header (Authorization) or the request body instead: servers, "
               "proxies and browsers keep URLs in their logs, history and Referer headers" +
               weakness(F);
  T.Notes = taintNotes(F);
  return T;
}

DiagnosticText credentialCollectionText(const SinkFinding &F) {
  DiagnosticText T;
  T.Loc = F.Loc;
  T.Message = std::string(F.Labels & maskOf(Label::Password) ? "a password" : "a secret") +
              " the user sent in the request";
  // The name, when it is the secret's (not the e-mail joined with it).
  if (!F.SensitiveName.empty() && F.SensitiveLabel >= 0 &&
      (maskOf(Label(F.SensitiveLabel)) & (maskOf(Label::Secret) | maskOf(Label::Password))))
    T.Message += " (" + F.SensitiveName + ")";
  T.Message += reaches(F);
  T.Message += ": the app logs in elsewhere with its users' credentials; an app must not collect "
               "Atlassian passwords or API tokens: use OAuth 2.0 (3LO), or the app's own Connect "
               "JWT and user impersonation (collected credentials, CWE-522)";
  T.Notes = taintNotes(F);
  return T;
}

} // namespace appsec
