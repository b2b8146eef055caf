#include "jwt/Verification.h"
#include "frameworks/RequestHandlers.h"
#include "jwt/CredentialChecks.h"

#include "jwt/JwtApi.h"
#include "support/AstHelpers.h"
#include "support/BodyStatements.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec::jwt {

const char *const DefaultVerificationFunctions =
    "^(verify|authenticate|authori[sz]e|is_?authenticated|is_?authori[sz]ed);"
    "^(validate|check|require|ensure|decode_?and_?verify)_?.*(jwt|token|auth|signature|session|"
    "login|credential);"
    "(jwt|token).*(verif|valid);"
    "(user|account|principal|identity|session).*(from|by|for)_?(token|session|cookie|credential)";

namespace {
constexpr unsigned MaxDepth = 3;

bool isGlobalCFunction(const FunctionDecl *FD, llvm::StringRef Name) {
  return FD->getIdentifier() && FD->getName() == Name &&
         FD->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

/// Library verifications, whatever the result handling.
bool isLibraryVerification(const CallExpr *Call, const ASTContext &Ctx) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return false;
  if (isJwtCppVerifierCall(Call, "verify") || isCppJwtDecode(Call) ||
      isPocoSignerCall(Call, "verify") || isPocoSignerCall(Call, "tryVerify"))
    return true;
  if (isLibJwtDecode(Call))
    return libJwtKey(Call, Ctx) == KeyState::Given;
  return isGlobalCFunction(FD, "jwt_validate") || isGlobalCFunction(FD, "jwt_checker_verify") ||
         isL8w8jwtDecode(Call);
}

} // namespace

VerificationIndex::VerificationIndex(ASTContext &Ctx, llvm::StringRef NamePatterns,
                                     std::string *Error)
    : Ctx(Ctx) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  NamePatterns.split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    if (P.empty())
      continue;
    auto R = std::make_unique<llvm::Regex>(P, llvm::Regex::IgnoreCase);
    std::string Why;
    if (!R->isValid(Why)) {
      if (Error && Error->empty())
        *Error = "invalid regular expression '" + P.str() + "': " + Why;
      continue;
    }
    Patterns.push_back(std::move(R));
  }
}

bool VerificationIndex::isUserCode(const Decl *D) const {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation L = SM.getExpansionLoc(D->getLocation());
  return L.isValid() && !SM.isInSystemHeader(L) && !inLibraryNamespace(D);
}

bool VerificationIndex::hasVerifierName(llvm::StringRef Name) const {
  for (const auto &R : Patterns)
    if (R->match(Name))
      return true;
  return false;
}

bool VerificationIndex::isVerification(const CallExpr *Call) {
  return isVerificationAt(Call, 0);
}

bool VerificationIndex::isVerificationAt(const CallExpr *Call, unsigned Depth) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return false;
  if (isLibraryVerification(Call, Ctx) || credentialCheckPolarity(Call, Ctx))
    return true;
  if (isJwtApiFunction(FD) || !isUserCode(FD))
    return false;
  if (anyDeclarationHasAnnotation(FD, "appsec::verifies_jwt"))
    return true;
  if (FD->getIdentifier() && hasVerifierName(FD->getName()))
    return true;
  return Depth < MaxDepth && functionVerifiesAt(FD, Depth + 1);
}

int VerificationIndex::successPolarity(const CallExpr *Call) const {
  if (int P = credentialCheckPolarity(Call, Ctx))
    return P;
  return 1;
}

bool VerificationIndex::resultIgnored(const CallExpr *Call, const FunctionDecl *F) const {
  if (Call->getCallReturnType(Ctx)->isVoidType())
    return false; // throws on failure (jwt-cpp verify, cpp-jwt decode's throwing form)
  if (isCppJwtDecode(Call) || isJwtCppVerifierCall(Call, "verify"))
    return false;
  return F && blockHolding(Call, F) != nullptr;
}

bool VerificationIndex::isUnverifiedDecode(const CallExpr *Call) const {
  if (isJwtCppDecode(Call) || isL8w8jwtDecodeWithoutValidation(Call))
    return true;
  return isLibJwtDecode(Call) && libJwtKey(Call, Ctx) != KeyState::Given;
}

bool VerificationIndex::functionVerifies(const FunctionDecl *F) {
  return functionVerifiesAt(F, 0);
}

bool VerificationIndex::functionVerifiesAt(const FunctionDecl *F, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (F && !F->hasBody(Def) && isUserCode(F))
    return verifiesElsewhere(F).value_or(false);
  if (!F || !F->hasBody(Def) || !Def->getBody())
    return false;
  auto [It, New] = Verifies.try_emplace(Def, false);
  if (!New)
    return It->second; // known, or being computed (recursion: not yet)
  bool Result = false;
  for (const CallExpr *C : callsIn(Def->getBody()))
    if (isVerificationAt(C, Depth) && !resultIgnored(C, Def)) {
      Result = true;
      break;
    }
  Verifies[Def] = Result;
  return Result;
}

void VerificationIndex::indexVerifierNames() {
  if (UsesJwt >= 0)
    return;
  UsesJwt = 0;
  NamesJwt = 0;
  // A verifier named for a token (verifyToken, validate_jwt, checkBearer), or
  // annotated as verifying a JWT; other verifier names (authenticate,
  // isAuthorizedUser) say the application authenticates, not how.
  static const llvm::Regex TokenWord("token|jwt|bearer", llvm::Regex::IgnoreCase);
  auto note = [&](const FunctionDecl *FD) {
    bool Annotated = hasAnnotation(FD, "appsec::verifies_jwt");
    if (!Annotated && !(FD->getIdentifier() && hasVerifierName(FD->getName())))
      return;
    UsesJwt = 1;
    if (Annotated || TokenWord.match(FD->getName()))
      NamesJwt = 1;
  };
  // Walk the user's own declarations: namespaces, functions, class members.
  std::vector<const DeclContext *> Work{Ctx.getTranslationUnitDecl()};
  unsigned Budget = 200000;
  while (!Work.empty() && !NamesJwt && Budget) {
    const DeclContext *DC = Work.back();
    Work.pop_back();
    for (const Decl *D : DC->decls()) {
      if (!--Budget || NamesJwt)
        break;
      // A framework's own verifySslName (trantor, included with -I) says
      // nothing about how the application authenticates.
      if (!isUserCode(D))
        continue;
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        note(FD);
        continue;
      }
      if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D)) {
        note(FT->getTemplatedDecl());
        continue;
      }
      if (isa<NamespaceDecl, LinkageSpecDecl>(D) ||
          (isa<CXXRecordDecl>(D) && cast<CXXRecordDecl>(D)->isThisDeclarationADefinition()))
        Work.push_back(cast<DeclContext>(D));
    }
  }
}

bool VerificationIndex::translationUnitUsesJwt() {
  indexVerifierNames();
  return UsesJwt;
}

bool VerificationIndex::translationUnitNamesJwt() {
  indexVerifierNames();
  return NamesJwt;
}

std::string VerificationIndex::describe(const CallExpr *Call) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return "the verification";
  if (isJwtCppVerifierCall(Call, "verify"))
    return "jwt-cpp verifier::verify()";
  if (isCppJwtDecode(Call))
    return "cpp-jwt jwt::decode()";
  if (isPocoSignerCall(Call, "verify") || isPocoSignerCall(Call, "tryVerify"))
    return "Poco::JWT Signer::" + FD->getNameAsString() + "()";
  return FD->getNameAsString() + "()";
}

} // namespace appsec::jwt
