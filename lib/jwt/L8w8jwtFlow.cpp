#include "jwt/L8w8jwtFlow.h"

#include "jwt/JwtApi.h"
#include "support/AstHelpers.h"
#include "support/BodyStatements.h"
#include "support/LlvmCompat.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <optional>

using namespace clang;

namespace appsec::jwt {

namespace {

/// The statements of a body, nested lambdas left out (their captured
/// variables are kept: a lambda may check them later).
struct Body : BodyStatements {
  std::vector<const VarDecl *> Captured;
  explicit Body(const FunctionDecl *F)
      : BodyStatements(F, /*WithCaptureInits=*/false), Captured(capturedVariables()) {}
};

/// The variable \p E names, without casts.
const VarDecl *varNamed(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  return D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
}

/// The non-static local variable whose address \p E is (`&v`), or null.
const VarDecl *addressedLocal(const Expr *E) {
  const auto *U = dyn_cast<UnaryOperator>(E->IgnoreParenCasts());
  if (!U || U->getOpcode() != UO_AddrOf)
    return nullptr;
  const VarDecl *V = varNamed(U->getSubExpr());
  return V && V->isLocalVarDecl() && !V->isStaticLocal() ? V : nullptr;
}

bool isBefore(const SourceManager &SM, SourceLocation A, SourceLocation B) {
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A), SM.getExpansionLoc(B));
}

bool isAnyDecode(const CallExpr *Call) {
  return isL8w8jwtDecode(Call) || isL8w8jwtDecodeWithoutValidation(Call);
}

/// Calls that neither read nor configure what they are given.
bool isRelease(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return false;
  StringRef N = FD->getName();
  return N == "free" || N == "l8w8jwt_free" || N == "l8w8jwt_free_claims";
}

/// One write of a field of the parameters struct: `p.field = value` or an
/// explicit initialiser of the field.
struct FieldWrite {
  StringRef Field;
  const Expr *Value;
};

/// What a function does to one local struct l8w8jwt_decoding_params.
struct ParamsUse {
  std::vector<FieldWrite> Writes;
  const CallExpr *Init = nullptr;
  bool Zeroed = false;  ///< initialiser list or memset: all fields start at 0
  bool Escapes = false; ///< handed to a function, assigned as a whole, captured
};

/// `p.field` for the struct \p P: the field's name, else empty.
StringRef fieldOf(const Expr *E, const VarDecl *P) {
  const auto *M = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!M || M->isArrow() || varNamed(M->getBase()) != P)
    return {};
  const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
  return FD && FD->getIdentifier() ? FD->getName() : StringRef();
}

ParamsUse paramsUse(const VarDecl *P, const Body &B, const SourceManager &SM,
                    SourceLocation Before) {
  ParamsUse U;
  for (const VarDecl *V : B.Captured)
    if (V == P)
      U.Escapes = true;
  if (const Expr *Init = P->getInit()) {
    if (const auto *List = dyn_cast<InitListExpr>(Init->IgnoreImplicit())) {
      U.Zeroed = true;
      unsigned I = 0;
      if (const RecordDecl *RD = P->getType()->getAsRecordDecl())
        for (const FieldDecl *F : RD->fields()) {
          if (I < List->getNumInits() && F->getIdentifier() &&
              !isa<ImplicitValueInitExpr>(List->getInit(I)))
            U.Writes.push_back({F->getName(), List->getInit(I)});
          ++I;
        }
    } else if (const auto *C = dyn_cast<CXXConstructExpr>(Init);
               !C || C->getNumArgs() != 0) {
      U.Escapes = true; // a copy of another struct: fields unknown
    }
  }
  for (const Stmt *S : B.Nodes) {
    if (!isBefore(SM, S->getBeginLoc(), Before))
      continue;
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign) {
      if (StringRef F = fieldOf(BO->getLHS(), P); !F.empty())
        U.Writes.push_back({F, BO->getRHS()});
      else if (varNamed(BO->getLHS()) == P)
        U.Escapes = true;
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      continue;
    if (isL8w8jwtParamsInit(Call) && addressedLocal(Call->getArg(0)) == P) {
      U.Init = Call;
      U.Writes.clear(); // init resets every field
      U.Zeroed = false;
      continue;
    }
    const FunctionDecl *FD = Call->getDirectCallee();
    bool Memset = FD && FD->getIdentifier() && FD->getName() == "memset";
    for (const Expr *A : Call->arguments()) {
      if (referencedDecl(A) != P)
        continue;
      if (Memset) {
        U.Zeroed = true;
        U.Writes.clear();
      } else if (!FD || !isJwtApiFunction(FD)) {
        U.Escapes = true;
      }
    }
  }
  return U;
}

/// How a read of the validation result \p R inside \p BO tests it: std::nullopt
/// if \p BO does not test R itself, else true for a full test (against
/// L8W8JWT_VALID / 0, or including the signature flag), false for a test of
/// some other failure flags only.
std::optional<bool> testsResult(const BinaryOperator *BO, const VarDecl *R,
                                const ASTContext &Ctx) {
  const Expr *Other = nullptr;
  if (varNamed(BO->getLHS()) == R)
    Other = BO->getRHS();
  else if (varNamed(BO->getRHS()) == R)
    Other = BO->getLHS();
  if (!Other)
    return std::nullopt;
  std::optional<int64_t> C = constantInt(Other, Ctx);
  switch (BO->getOpcode()) {
  case BO_EQ:
  case BO_NE:
    return !C || *C == 0;
  case BO_And:
  case BO_AndAssign:
    return !C || (*C & 0x80) != 0; // L8W8JWT_SIGNATURE_VERIFICATION_FAILURE
  default:
    return true;
  }
}

/// The first use after \p Call of the claims or payload held in \p V.
const Expr *firstUse(const VarDecl *V, const CallExpr *Call, const Body &B,
                     const SourceManager &SM) {
  auto After = [&](const Stmt *S) { return isBefore(SM, appsec::endLoc(Call), S->getBeginLoc()); };
  for (const Stmt *S : B.Nodes) {
    if (!After(S))
      continue;
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(S); A && varNamed(A->getBase()) == V)
      return A;
    if (const auto *M = dyn_cast<MemberExpr>(S); M && M->isArrow() && varNamed(M->getBase()) == V)
      return M;
    if (const auto *U = dyn_cast<UnaryOperator>(S);
        U && U->getOpcode() == UO_Deref && varNamed(U->getSubExpr()) == V)
      return U;
    if (const auto *C = dyn_cast<CXXConstructExpr>(S))
      for (const Expr *A : C->arguments())
        if (varNamed(A) == V)
          return C;
    const auto *C = dyn_cast<CallExpr>(S);
    if (!C || isRelease(C) || isAnyDecode(C))
      continue;
    for (const Expr *A : C->arguments())
      if (varNamed(A) == V)
        return C;
  }
  return nullptr;
}

/// The function reads the `exp` claim itself: l8w8jwt_get_claim(c, n, "exp", 3).
bool readsExpClaim(const Body &B) {
  for (const Stmt *S : B.Nodes)
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && isL8w8jwtClaimRead(Call))
      if (const auto *L = dyn_cast<StringLiteral>(Call->getArg(2)->IgnoreParenCasts()))
        if (L->getCharByteWidth() == 1 && L->getString() == "exp")
          return true;
  return false;
}

void describeParams(L8w8jwtDecode &D, const Body &B, const ASTContext &Ctx,
                    bool ExpClaimRead) {
  const SourceManager &SM = Ctx.getSourceManager();
  const VarDecl *P = addressedLocal(D.Call->getArg(0));
  if (!P || !isL8w8jwtDecodingParams(P->getType()))
    return;
  D.Params = P;
  ParamsUse U = paramsUse(P, B, SM, appsec::beginLoc(D.Call));
  D.Init = U.Init;
  D.ParamsKnown = !U.Escapes && (U.Init || U.Zeroed);
  bool AlgWritten = false, ExpOn = false;
  for (const FieldWrite &W : U.Writes) {
    if (W.Field == "alg") {
      AlgWritten = true;
      std::optional<int64_t> C = constantInt(W.Value, Ctx);
      if (C && *C == -1 && D.AlgState != L8w8jwtDecode::Alg::SkipsSignature) {
        D.AlgState = L8w8jwtDecode::Alg::SkipsSignature;
        D.AlgValue = W.Value;
        D.AlgConstant = *C;
      } else if (C && (*C < 0 || *C > 13) && D.AlgState == L8w8jwtDecode::Alg::Given) {
        D.AlgState = L8w8jwtDecode::Alg::NotAnAlgorithm;
        D.AlgValue = W.Value;
        D.AlgConstant = *C;
      }
    } else if (W.Field == "validate_exp") {
      std::optional<int64_t> C = constantInt(W.Value, Ctx);
      if (!C || *C != 0)
        ExpOn = true;
      else if (!D.ExpiryOff)
        D.ExpiryOff = W.Value;
    } else if (W.Field == "verification_key" && !D.EmptyKey) {
      if (const auto *L = dyn_cast<StringLiteral>(W.Value->IgnoreParenCasts()))
        if (L->getLength() == 0)
          D.EmptyKey = W.Value;
    }
  }
  if (!AlgWritten && U.Init && D.ParamsKnown)
    D.AlgState = L8w8jwtDecode::Alg::NeverSet;
  if (!ExpOn && !ExpClaimRead && (D.ParamsKnown || D.ExpiryOff))
    D.ExpiryUnchecked = true;
}

void describeResult(L8w8jwtDecode &D, const Body &B, const ASTContext &Ctx) {
  const VarDecl *R = addressedLocal(D.Call->getArg(1));
  if (!R)
    return; // the result lives elsewhere: its owner checks it
  D.Result = R;
  for (const VarDecl *V : B.Captured)
    if (V == R)
      return;
  const SourceManager &SM = Ctx.getSourceManager();
  auto After = [&](const Stmt *S) { return isBefore(SM, appsec::endLoc(D.Call), S->getBeginLoc()); };
  llvm::SmallPtrSet<const Stmt *, 8> Classified;
  bool Full = false;
  for (const Stmt *S : B.Nodes) {
    if (!After(S))
      continue;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign) {
        if (varNamed(BO->getLHS()) == R)
          Classified.insert(BO->getLHS()->IgnoreParenCasts());
        continue;
      }
      std::optional<bool> T = testsResult(BO, R, Ctx);
      if (!T)
        continue;
      Classified.insert(varNamed(BO->getLHS()) == R ? BO->getLHS()->IgnoreParenCasts()
                                                    : BO->getRHS()->IgnoreParenCasts());
      if (*T)
        Full = true;
      else if (!D.PartialTest)
        D.PartialTest = BO;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && isAnyDecode(Call)) {
      for (const Expr *A : Call->arguments())
        if (const auto *U = dyn_cast<UnaryOperator>(A->IgnoreParenCasts()))
          Classified.insert(U->getSubExpr()->IgnoreParenCasts());
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == R && !Classified.count(Ref))
      Full = true; // if (vr), switch (vr), return vr, log(vr)...
  }
  if (Full)
    D.ResultUse = L8w8jwtDecode::Use::Checked;
  else
    D.ResultUse = D.PartialTest ? L8w8jwtDecode::Use::Partial : L8w8jwtDecode::Use::Unchecked;
}

} // namespace

std::vector<L8w8jwtDecode> l8w8jwtDecodes(const FunctionDecl *F, ASTContext &Ctx) {
  std::vector<L8w8jwtDecode> Out;
  Body B(F);
  bool ExpClaimRead = readsExpClaim(B);
  for (const Stmt *S : B.Nodes) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call || !isAnyDecode(Call))
      continue;
    L8w8jwtDecode D;
    D.Call = Call;
    D.Validates = isL8w8jwtDecode(Call);
    describeParams(D, B, Ctx, ExpClaimRead);
    unsigned ClaimsArg = 3; // raw_no_validation: &payload
    if (D.Validates) {
      describeResult(D, B, Ctx);
      ClaimsArg = Call->getNumArgs() == 4 ? 2 : 4; // &claims, or decode_raw's &payload
    }
    D.Claims = addressedLocal(Call->getArg(ClaimsArg));
    if (D.Claims)
      D.FirstClaimUse = firstUse(D.Claims, Call, B, Ctx.getSourceManager());
    Out.push_back(D);
  }
  return Out;
}

std::vector<L8w8jwtDecode> l8w8jwtUnverifiedClaimUses(const FunctionDecl *F,
                                                      ASTContext &Ctx) {
  std::vector<L8w8jwtDecode> All = l8w8jwtDecodes(F, Ctx);
  bool Verified = false;
  for (const L8w8jwtDecode &D : All)
    if (D.Validates && D.ResultUse == L8w8jwtDecode::Use::Checked)
      Verified = true;
  std::vector<L8w8jwtDecode> Out;
  for (const L8w8jwtDecode &D : All) {
    if (!D.FirstClaimUse)
      continue;
    if (D.Validates ? D.ResultUse != L8w8jwtDecode::Use::Checked : !Verified)
      Out.push_back(D);
  }
  return Out;
}

} // namespace appsec::jwt
