#include "jwt/JwtApi.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

#include "support/AstHelpers.h"
#include "support/LlvmCompat.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace appsec::jwt {

namespace {

/// \p D sits in namespace ::<Outer> (directly or deeper).
bool inTopNamespace(const Decl *D, StringRef Outer) {
  auto Names = namespacesOf(D);
  return !Names.empty() && Names.back() == Outer;
}

/// \p D sits in ::Poco::JWT.
bool inPocoJwt(const Decl *D) {
  auto Names = namespacesOf(D);
  return Names.size() >= 2 && Names.back() == "Poco" && Names[Names.size() - 2] == "JWT";
}

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// The class (in namespace \p NS) whose method \p Call calls, and its name.
const CXXMethodDecl *methodIn(const CallExpr *Call, StringRef Class,
                              bool (*InNs)(const Decl *)) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  if (!MD)
    return nullptr;
  const CXXRecordDecl *RD = MD->getParent();
  if (!RD || !InNs(RD))
    return nullptr;
  if (!Class.empty() && RD->getName() != Class)
    return nullptr;
  return MD;
}

bool inJwt(const Decl *D) { return inTopNamespace(D, "jwt"); }

StringRef stringLiteral(const Expr *E) {
  if (!E)
    return {};
  E = E->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    if (C->getNumArgs() >= 1)
      return stringLiteral(C->getArg(0));
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    return stringLiteral(B->getSubExpr());
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return stringLiteral(M->getSubExpr());
  if (const auto *S = dyn_cast<StringLiteral>(E))
    return S->getCharByteWidth() == 1 ? S->getString() : StringRef();
  return {};
}

bool returnsRecordNamed(const CallExpr *Call, StringRef Name) {
  const CXXRecordDecl *RD = recordOf(Call->getType());
  return RD && RD->getName() == Name;
}

} // namespace

const char *libraryName(Library L) {
  switch (L) {
  case Library::JwtCpp: return "jwt-cpp";
  case Library::CppJwt: return "cpp-jwt";
  case Library::LibJwt: return "libjwt";
  case Library::Poco: return "Poco::JWT";
  case Library::L8w8jwt: return "l8w8jwt";
  }
  return "";
}

bool isJwtApiFunction(const FunctionDecl *FD) {
  if (!FD)
    return false;
  // libjwt's C API is declared in <jwt.h>, l8w8jwt's in <l8w8jwt/...>; a
  // project's own jwt_verify() is the project's code, not the library.
  if (const IdentifierInfo *II = FD->getIdentifier())
    if ((II->getName().starts_with("jwt_") || II->getName().starts_with("l8w8jwt_")) &&
        FD->getDeclContext()->getRedeclContext()->isTranslationUnit()) {
      const SourceManager &SM = FD->getASTContext().getSourceManager();
      llvm::StringRef File = SM.getFilename(SM.getExpansionLoc(FD->getFirstDecl()->getLocation()));
      if (llvm::sys::path::filename(File) == "jwt.h" || File.contains("l8w8jwt"))
        return true;
    }
  return inJwt(FD) || inPocoJwt(FD);
}

// --- jwt-cpp -------------------------------------------------------------------

bool isJwtCppDecode(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->getName() == "decode" && inJwt(FD) &&
         returnsRecordNamed(Call, "decoded_jwt");
}

bool isJwtCppVerifierCall(const CallExpr *Call, StringRef Method) {
  const CXXMethodDecl *MD = methodIn(Call, "verifier", inJwt);
  return MD && MD->getName() == Method;
}

bool isJwtCppNoneAlgorithm(const Expr *E) {
  if (!E)
    return false;
  const CXXRecordDecl *RD = recordOf(E->getType());
  if (!RD || RD->getName() != "none")
    return false;
  auto Names = namespacesOf(RD);
  return Names.size() >= 2 && Names.back() == "jwt" && Names.front() == "algorithm";
}

bool isJwtCppClaimRead(const CallExpr *Call) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  if (!MD || !inJwt(MD->getParent()))
    return false;
  StringRef Class = MD->getParent()->getName();
  if (Class != "payload" && Class != "decoded_jwt")
    return false;
  return appsec::StringSwitch<bool>(MD->getName())
      .Cases({"get_payload_claim", "get_payload_claims", "get_payload_json"}, true)
      .Cases({"get_subject", "get_issuer", "get_audience", "get_id"}, true)
      .Cases({"get_expires_at", "get_issued_at", "get_not_before"}, true)
      .Default(false);
}

// --- cpp-jwt -------------------------------------------------------------------

bool isCppJwtDecode(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->getName() == "decode" && inJwt(FD) && !isa<CXXMethodDecl>(FD) &&
         returnsRecordNamed(Call, "jwt_object");
}

bool isCppJwtParam(const CallExpr *Call, StringRef Name) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || FD->getName() != Name || isa<CXXMethodDecl>(FD))
    return false;
  auto Names = namespacesOf(FD);
  return Names.size() >= 2 && Names.back() == "jwt" && Names[Names.size() - 2] == "params";
}

// --- libjwt --------------------------------------------------------------------

bool isLibJwtDecode(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->getDeclContext()->getRedeclContext()->isTranslationUnit() && FD->getIdentifier() &&
         FD->getName() == "jwt_decode" && Call->getNumArgs() == 4;
}

KeyState libJwtKey(const CallExpr *Decode, const ASTContext &Ctx) {
  const Expr *Key = Decode->getArg(2)->IgnoreParenCasts();
  if (Key->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                 Expr::NPC_ValueDependentIsNotNull))
    return KeyState::Missing;
  if (const auto *S = dyn_cast<StringLiteral>(Key))
    if (S->getLength() == 0)
      return KeyState::Empty;
  if (std::optional<int64_t> Len = constantInt(Decode->getArg(3), Ctx))
    if (*Len <= 0)
      return KeyState::Empty;
  return KeyState::Given;
}

bool isLibJwtClaimRead(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier() || Call->getNumArgs() < 1 ||
      !FD->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  StringRef N = FD->getName();
  return N == "jwt_get_grant" || N == "jwt_get_grant_int" ||
         N == "jwt_get_grant_bool" || N == "jwt_get_grant_json" ||
         N == "jwt_get_grants_json";
}

// --- Poco::JWT -----------------------------------------------------------------

bool isPocoSignerCall(const CallExpr *Call, StringRef Method) {
  const CXXMethodDecl *MD = methodIn(Call, "Signer", inPocoJwt);
  return MD && MD->getName() == Method;
}

std::vector<const Expr *> noneAlgorithmsIn(const CallExpr *Call) {
  std::vector<const Expr *> Out;
  llvm::SmallVector<const Stmt *, 16> Work(Call->arguments().begin(), Call->arguments().end());
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *L = dyn_cast<StringLiteral>(S)) {
      if (L->getCharByteWidth() == 1 && L->getString().equals_insensitive("none"))
        Out.push_back(L);
      continue;
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(S); D && D->getDecl()->getName() == "ALGO_NONE") {
      Out.push_back(D);
      continue;
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return Out;
}

// --- l8w8jwt -------------------------------------------------------------------

namespace {
/// A call of the global C function \p Name with \p Args arguments.
bool callsGlobal(const CallExpr *Call, StringRef Name, unsigned Args) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->getIdentifier() && FD->getName() == Name &&
         FD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
         Call->getNumArgs() == Args;
}
} // namespace

bool isL8w8jwtDecode(const CallExpr *Call) {
  return callsGlobal(Call, "l8w8jwt_decode", 4) || callsGlobal(Call, "l8w8jwt_decode_raw", 8);
}

bool isL8w8jwtDecodeWithoutValidation(const CallExpr *Call) {
  return callsGlobal(Call, "l8w8jwt_decode_raw_no_validation", 7);
}

bool isL8w8jwtParamsInit(const CallExpr *Call) {
  return callsGlobal(Call, "l8w8jwt_decoding_params_init", 1);
}

bool isL8w8jwtClaimRead(const CallExpr *Call) {
  return callsGlobal(Call, "l8w8jwt_get_claim", 4);
}

bool isL8w8jwtDecodingParams(QualType T) {
  const auto *RD = T.isNull() ? nullptr : T.getCanonicalType()->getAsRecordDecl();
  return RD && RD->getName() == "l8w8jwt_decoding_params" &&
         RD->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

// --- shared --------------------------------------------------------------------

const Expr *errorCodeArgument(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return nullptr;
  // Member calls through CXXOperatorCallExpr shift arguments; the APIs here
  // are plain member or free functions.
  unsigned Shift = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(FD) ? 1 : 0;
  for (unsigned I = 0; I < FD->getNumParams() && I + Shift < Call->getNumArgs(); ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    if (!T->isLValueReferenceType() || T.getNonReferenceType().isConstQualified())
      continue;
    const CXXRecordDecl *RD = recordOf(T);
    if (RD && RD->getName() == "error_code" && RD->isInStdNamespace())
      return Call->getArg(I + Shift);
  }
  return nullptr;
}

namespace {
bool configuresVerifierImpl(const Stmt *S, const ASTContext &Ctx, unsigned Depth) {
  if (!S || Depth > 64)
    return false;
  if (isa<LambdaExpr>(S))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (isJwtCppVerifierCall(Call, "allow_algorithm") || isCppJwtDecode(Call) ||
        isCppJwtParam(Call, "algorithms") ||
        (isLibJwtDecode(Call) && libJwtKey(Call, Ctx) == KeyState::Given) ||
        isPocoSignerCall(Call, "setAlgorithms") || isPocoSignerCall(Call, "addAlgorithm") ||
        isPocoSignerCall(Call, "addAllAlgorithms"))
      return true;
  }
  if (const auto *C = dyn_cast<CXXConstructExpr>(S)) {
    const CXXRecordDecl *RD = C->getConstructor()->getParent();
    auto Names = namespacesOf(RD);
    if (Names.size() >= 2 && Names.back() == "jwt" && Names.front() == "algorithm")
      return true;
    if (inPocoJwt(RD) && RD->getName() == "Signer")
      return true;
  }
  for (const Stmt *Child : S->children())
    if (configuresVerifierImpl(Child, Ctx, Depth + 1))
      return true;
  return false;
}
} // namespace

bool configuresVerifier(const Stmt *S, const ASTContext &Ctx) {
  return configuresVerifierImpl(S, Ctx, 0);
}

namespace {
bool exits(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return !C->body_empty() && exits(C->body_back());
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreImplicit());
  return false;
}

/// The statements after \p S in its enclosing block configure a verifier.
bool followersConfigure(const Stmt *S, const FunctionDecl *F, ASTContext &Ctx) {
  const CompoundStmt *Block = blockHolding(S, F);
  if (!Block)
    return false;
  bool After = false;
  for (const Stmt *C : Block->body()) {
    if (After && configuresVerifier(C, Ctx))
      return true;
    if (C == S)
      After = true;
  }
  return false;
}
} // namespace

bool choosesVerifier(const Stmt *Terminator, const FunctionDecl *F, ASTContext &Ctx) {
  if (const auto *If = dyn_cast<IfStmt>(Terminator)) {
    if (!configuresVerifier(If->getThen(), Ctx))
      return false;
    return If->getElse() ? configuresVerifier(If->getElse(), Ctx)
                         : exits(If->getThen()) && followersConfigure(If, F, Ctx);
  }
  if (const auto *Sw = dyn_cast<SwitchStmt>(Terminator)) {
    const auto *Block = dyn_cast_or_null<CompoundStmt>(Sw->getBody());
    if (!Block)
      return false;
    unsigned Groups = 0;
    bool Counted = false;
    for (const Stmt *C : Block->body()) {
      if (isa<SwitchCase>(C))
        Counted = false;
      if (!Counted && configuresVerifier(C, Ctx)) {
        ++Groups;
        Counted = true;
      }
    }
    return Groups >= 2;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(Terminator))
    return configuresVerifier(CO->getTrueExpr(), Ctx) &&
           configuresVerifier(CO->getFalseExpr(), Ctx);
  return false;
}

StringRef literalText(const Expr *E) { return stringLiteral(E); }

bool isDecodedTokenType(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  if (inJwt(RD))
    return RD->getName() == "decoded_jwt" || RD->getName() == "jwt_object";
  return inPocoJwt(RD) && RD->getName() == "Token";
}

} // namespace appsec::jwt
