#include "reporting/SecretFindingText.h"

#include "models/FunctionNames.h"
#include "reporting/TaintFindingText.h"

#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace appsec {

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
  T.Message += " reaches " + F.SinkName;
  if (!F.What.empty())
    T.Message += ", which " + F.What;
  T.Message += Secret ? "; leave it out, or log a masked form or a fingerprint"
                      : "; leave it out, or log an opaque identifier or a masked form";
  T.Message += " (" + std::string(categoryLabel(F.Category)) + ", " +
               std::string(categoryCwe(F.Category)) + ")";
  T.Notes = taintNotes(F);
  return T;
}

} // namespace appsec
