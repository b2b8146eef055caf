#include "jwt/JwtFlow.h"

#include "support/AstHelpers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

#include <map>
#include <set>

using namespace clang;

namespace appsec::jwt {

namespace {

/// Every statement of a body in pre-order, without the bodies of nested
/// lambdas (their captures are kept in Lambdas).
struct Body {
  std::vector<const Stmt *> Nodes;
  std::vector<const LambdaExpr *> Lambdas;

  explicit Body(const FunctionDecl *F) {
    if (F && F->hasBody())
      walk(F->getBody(), 0);
  }

private:
  void walk(const Stmt *S, unsigned Depth) {
    if (!S || Depth > 400)
      return;
    Nodes.push_back(S);
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      Lambdas.push_back(L);
      for (const Expr *Init : L->capture_inits())
        walk(Init, Depth + 1);
      return;
    }
    for (const Stmt *C : S->children())
      walk(C, Depth + 1);
  }
};

/// The expression a variable is initialised or assigned with, without the
/// wrappers C++ adds around a returned object.
const Expr *stripObject(const Expr *E) {
  return ignoreWrappers(E, Temporaries | CopyConstructors);
}

/// The variable \p E names, also through a copy or move of it.
const VarDecl *varOf(const Expr *E) {
  return dyn_cast_or_null<VarDecl>(referencedDecl(stripObject(E)));
}

bool mentions(const Stmt *S, const VarDecl *V) {
  if (!S)
    return false;
  if (const auto *D = dyn_cast<DeclRefExpr>(S))
    return D->getDecl() == V;
  if (isa<LambdaExpr>(S))
    return false;
  for (const Stmt *C : S->children())
    if (mentions(C, V))
      return true;
  return false;
}

bool isInSystemHeader(const Decl *D) {
  return D->getASTContext().getSourceManager().isInSystemHeader(D->getLocation());
}

/// True if \p F (defined in this TU) verifies its parameter \p Index with a
/// jwt-cpp verifier, itself or through a helper; a call to a function with no
/// body here is assumed to verify (it may, and silence is the safe guess).
bool helperVerifies(const FunctionDecl *F, unsigned Index, unsigned Depth,
                    std::set<const FunctionDecl *> &Seen);

/// What passing the decoded object \p V as argument \p I of \p Call means.
bool callMayVerify(const CallExpr *Call, unsigned I, unsigned Depth,
                   std::set<const FunctionDecl *> &Seen) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return true; // a call through a pointer: unknown
  if (isJwtApiFunction(FD) || isInSystemHeader(FD))
    return false;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->hasBody())
    return true;
  unsigned Param = I;
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(FD)) {
    if (I == 0)
      return false;
    Param = I - 1;
  }
  if (Param >= Def->getNumParams())
    return true; // variadic
  return helperVerifies(Def, Param, Depth + 1, Seen);
}

bool helperVerifies(const FunctionDecl *F, unsigned Index, unsigned Depth,
                    std::set<const FunctionDecl *> &Seen) {
  if (Depth > 3)
    return true;
  if (!Seen.insert(F).second)
    return false;
  const ParmVarDecl *P = F->getParamDecl(Index);
  Body B(F);
  for (const LambdaExpr *L : B.Lambdas)
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCapturedVar() == P)
        return true;
  for (const Stmt *S : B.Nodes) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      continue;
    if (isJwtCppVerifierCall(Call, "verify") && Call->getNumArgs() >= 1 &&
        referencedDecl(Call->getArg(0)) == P)
      return true;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (referencedDecl(Call->getArg(I)) == P && callMayVerify(Call, I, Depth, Seen))
        return true;
  }
  return false;
}

bool isBefore(const SourceManager &SM, SourceLocation A, SourceLocation B) {
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A), SM.getExpansionLoc(B));
}

} // namespace

std::vector<UncheckedErrorCode> uncheckedErrorCodes(const FunctionDecl *F,
                                                    ASTContext &Ctx) {
  std::vector<UncheckedErrorCode> Out;
  Body B(F);
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<std::pair<const CallExpr *, Library>> Calls;
  std::set<const Expr *> EcArgs;
  for (const Stmt *S : B.Nodes) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      continue;
    Library L;
    if (isJwtCppVerifierCall(Call, "verify"))
      L = Library::JwtCpp;
    else if (isCppJwtDecode(Call))
      L = Library::CppJwt;
    else
      continue;
    if (const Expr *A = errorCodeArgument(Call)) {
      Calls.push_back({Call, L});
      EcArgs.insert(A->IgnoreParenImpCasts());
    }
  }
  for (auto [Call, L] : Calls) {
    const VarDecl *Ec = varOf(errorCodeArgument(Call));
    // An error code owned by the caller (a parameter, a field) is the
    // caller's to check.
    if (!Ec || !Ec->isLocalVarDecl())
      continue;
    bool Read = false;
    for (const Stmt *S : B.Nodes) {
      const auto *D = dyn_cast<DeclRefExpr>(S);
      if (D && D->getDecl() == Ec && !EcArgs.count(D) &&
          isBefore(SM, Call->getEndLoc(), D->getBeginLoc())) {
        Read = true;
        break;
      }
    }
    // A lambda that captures the error code may look at it later.
    for (const LambdaExpr *Lam : B.Lambdas)
      for (const LambdaCapture &C : Lam->captures())
        if (C.capturesVariable() && C.getCapturedVar() == Ec)
          Read = true;
    if (!Read)
      Out.push_back({Call, Ec, L});
  }
  return Out;
}

std::vector<UnverifiedRead> unverifiedClaimReads(const FunctionDecl *F,
                                                 ASTContext &Ctx) {
  std::vector<UnverifiedRead> Out;
  Body B(F);
  const SourceManager &SM = Ctx.getSourceManager();

  // --- jwt-cpp: objects from jwt::decode, and which of them get verified.
  std::map<const VarDecl *, const CallExpr *> Decoded;
  for (const Stmt *S : B.Nodes) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (const auto *Call = dyn_cast_or_null<CallExpr>(stripObject(V->getInit())))
            if (isJwtCppDecode(Call))
              Decoded.emplace(V, Call);
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        if (const VarDecl *V = varOf(Op->getArg(0)))
          if (const auto *Call = dyn_cast_or_null<CallExpr>(stripObject(Op->getArg(1))))
            if (isJwtCppDecode(Call))
              Decoded.emplace(V, Call);
    }
  }
  std::set<const VarDecl *> Verified;
  std::map<const VarDecl *, const Expr *> FirstRead;
  for (const LambdaExpr *L : B.Lambdas)
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable())
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
          Verified.insert(V); // the lambda may verify it: stay quiet
  for (const Stmt *S : B.Nodes) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call || Decoded.empty())
      continue;
    if (isJwtCppVerifierCall(Call, "verify")) {
      if (Call->getNumArgs() >= 1)
        if (const VarDecl *V = varOf(Call->getArg(0)))
          Verified.insert(V);
      continue;
    }
    if (isJwtCppClaimRead(Call)) {
      const auto *M = cast<CXXMemberCallExpr>(Call);
      const Expr *Obj = M->getImplicitObjectArgument();
      if (const VarDecl *V = varOf(Obj); V && Decoded.count(V)) {
        auto [It, New] = FirstRead.emplace(V, Call);
        if (!New && isBefore(SM, Call->getBeginLoc(), It->second->getBeginLoc()))
          It->second = Call;
      }
      continue;
    }
    std::set<const FunctionDecl *> Seen;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (const VarDecl *V = varOf(Call->getArg(I)); V && Decoded.count(V))
        if (callMayVerify(Call, I, 0, Seen))
          Verified.insert(V);
  }
  for (const Stmt *S : B.Nodes) {
    // jwt::decode(tok).get_payload_claim(...): a temporary nobody can verify.
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(S); M && isJwtCppClaimRead(M))
      if (const auto *Call = dyn_cast_or_null<CallExpr>(stripObject(M->getImplicitObjectArgument())))
        if (isJwtCppDecode(Call))
          Out.push_back({M, Call, nullptr, Library::JwtCpp});
  }
  for (auto [V, Read] : FirstRead)
    if (!Verified.count(V))
      Out.push_back({Read, Decoded[V], V, Library::JwtCpp});

  // --- libjwt: jwt_decode(&j, tok, NULL, 0) and a keyed decode of tok.
  std::vector<const CallExpr *> Unkeyed;
  std::set<const VarDecl *> KeyedTokens;
  for (const Stmt *S : B.Nodes)
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && isLibJwtDecode(Call)) {
      if (libJwtKey(Call, Ctx) == KeyState::Missing)
        Unkeyed.push_back(Call);
      else if (const VarDecl *T = varOf(Call->getArg(1)))
        KeyedTokens.insert(T);
    }
  std::set<const VarDecl *> Done;
  for (const CallExpr *Decode : Unkeyed) {
    const VarDecl *J = varOf(Decode->getArg(0));
    const VarDecl *T = varOf(Decode->getArg(1));
    if (!J || !Done.insert(J).second || (T && KeyedTokens.count(T)))
      continue;
    const Expr *Read = nullptr;
    for (const Stmt *S : B.Nodes) {
      const auto *Call = dyn_cast<CallExpr>(S);
      if (Call && isLibJwtClaimRead(Call) && varOf(Call->getArg(0)) == J &&
          (!Read || isBefore(SM, Call->getBeginLoc(), Read->getBeginLoc())))
        Read = Call;
    }
    if (Read)
      Out.push_back({Read, Decode, J, Library::LibJwt});
  }
  return Out;
}

namespace {

/// The first place \p S reads the token's alg, directly or through a
/// variable that holds it.
const Expr *algSource(const Stmt *S, const std::map<const VarDecl *, const Expr *> &Tainted) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S)) {
    if (readsTokenAlgorithm(E))
      return E;
    if (const auto *D = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        if (auto It = Tainted.find(V); It != Tainted.end())
          return It->second;
  }
  for (const Stmt *C : S->children())
    if (const Expr *Found = algSource(C, Tainted))
      return Found;
  return nullptr;
}

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

std::vector<AlgorithmFromToken> algorithmFromToken(const FunctionDecl *F,
                                                   ASTContext &Ctx) {
  std::vector<AlgorithmFromToken> Out;
  Body B(F);
  std::map<const VarDecl *, const Expr *> Tainted;
  for (const Stmt *S : B.Nodes) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (const Expr *Src = algSource(V->getInit(), Tainted))
            Tainted.emplace(V, Src);
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign) {
      if (const VarDecl *V = varOf(BO->getLHS()))
        if (const Expr *Src = algSource(BO->getRHS(), Tainted))
          Tainted.emplace(V, Src);
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      if (const VarDecl *V = varOf(Op->getArg(0)))
        if (const Expr *Src = algSource(Op->getArg(1), Tainted))
          Tainted.emplace(V, Src);
      continue;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      const Expr *Src = algSource(If->getCond(), Tainted);
      if (!Src && If->getConditionVariableDeclStmt())
        Src = algSource(If->getConditionVariableDeclStmt(), Tainted);
      if (!Src || !configuresVerifier(If->getThen(), Ctx))
        continue;
      bool Other = If->getElse() ? configuresVerifier(If->getElse(), Ctx)
                                 : exits(If->getThen()) && followersConfigure(If, F, Ctx);
      if (Other)
        Out.push_back({If->getCond(), Src, false});
      continue;
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      const Expr *Src = algSource(Sw->getCond(), Tainted);
      const auto *Block = dyn_cast_or_null<CompoundStmt>(Sw->getBody());
      if (!Src || !Block)
        continue;
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
      if (Groups >= 2)
        Out.push_back({Sw->getCond(), Src, false});
      continue;
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(S)) {
      if (const Expr *Src = algSource(CO->getCond(), Tainted))
        if (configuresVerifier(CO->getTrueExpr(), Ctx) &&
            configuresVerifier(CO->getFalseExpr(), Ctx))
          Out.push_back({CO->getCond(), Src, false});
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (!isJwtCppVerifierCall(Call, "allow_algorithm") &&
          !isCppJwtParam(Call, "algorithms") &&
          !isPocoSignerCall(Call, "setAlgorithms") &&
          !isPocoSignerCall(Call, "addAlgorithm"))
        continue;
      for (const Expr *A : Call->arguments())
        if (const Expr *Src = algSource(A, Tainted)) {
          Out.push_back({A, Src, true});
          break;
        }
    }
  }
  return Out;
}

std::vector<const CallExpr *> pocoVerifyWithoutExpiry(const FunctionDecl *F,
                                                      ASTContext &Ctx) {
  std::vector<const CallExpr *> Out;
  if (const auto *RD = F->getReturnType()->getAsCXXRecordDecl())
    if (RD->getName() == "Token")
      return Out; // the caller gets the token and the duty to check it
  Body B(F);
  std::vector<const CallExpr *> Verifies;
  for (const Stmt *S : B.Nodes) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      continue;
    if (isPocoExpirationRead(Call))
      return {};
    if (isPocoSignerCall(Call, "verify") || isPocoSignerCall(Call, "tryVerify"))
      Verifies.push_back(Call);
  }
  for (const CallExpr *V : Verifies) {
    // The token object: tryVerify's second argument, or verify's result.
    const VarDecl *Tok = nullptr;
    if (V->getNumArgs() == 2)
      Tok = varOf(V->getArg(1));
    bool Escapes = false;
    for (const Stmt *S : B.Nodes) {
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            if (stripObject(VD->getInit()) == V)
              Tok = VD;
      if (const auto *R = dyn_cast<ReturnStmt>(S))
        if (R->getRetValue() && (stripObject(R->getRetValue()) == V ||
                                 (Tok && varOf(R->getRetValue()) == Tok)))
          Escapes = true;
    }
    if (Tok && !Escapes)
      for (const Stmt *S : B.Nodes)
        if (const auto *Call = dyn_cast<CallExpr>(S)) {
          const FunctionDecl *FD = Call->getDirectCallee();
          if (FD && isJwtApiFunction(FD))
            continue;
          for (const Expr *A : Call->arguments())
            if (varOf(A) == Tok)
              Escapes = true; // a helper may check the expiry
        }
    if (!Escapes)
      Out.push_back(V);
  }
  return Out;
}

} // namespace appsec::jwt
