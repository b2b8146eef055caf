#include "jwt/QueryStringHash.h"

#include "jwt/JwtApi.h"
#include "jwt/QshPatterns.h"
#include "support/AstHelpers.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec::jwt {

using namespace qsh;

// ---------------------------------------------------------------------------

struct QshAnalysis::Impl {
  ASTContext &Ctx;
  const llvm::Regex *ContextRoutes;
  HandlerIndex Handlers;
  bool Connect = false;

  std::vector<const FunctionDecl *> Functions; ///< definitions, in source order
  std::map<const FunctionDecl *, const FunctionDecl *> Definition; ///< canonical -> definition
  std::map<const FunctionDecl *, std::vector<const Stmt *>> Nodes;
  /// Calls between functions of this file: callee definition -> (caller, call).
  std::map<const FunctionDecl *, std::vector<std::pair<const FunctionDecl *, const CallExpr *>>>
      Callers;
  std::map<const FunctionDecl *, std::vector<const FunctionDecl *>> Callees;
  /// Parameters that receive a qsh claim from some caller.
  std::set<const ParmVarDecl *> QshParams;
  std::map<const FunctionDecl *, std::set<const VarDecl *>> QshVars;
  std::map<const FunctionDecl *, unsigned> FnIngredients;
  std::map<const FunctionDecl *, bool> HandWritten;

  Impl(ASTContext &Ctx, const llvm::Regex *ContextRoutes)
      : Ctx(Ctx), ContextRoutes(ContextRoutes), Handlers(Ctx) {}

  void collect();
  const FunctionDecl *defined(const FunctionDecl *FD) const {
    if (!FD)
      return nullptr;
    auto It = Definition.find(FD->getCanonicalDecl());
    return It == Definition.end() ? nullptr : It->second;
  }

  // --- qsh reads and comparisons
  bool isQshRead(const Expr *E, const FunctionDecl *F, unsigned Depth = 0);
  void computeQshVars(const FunctionDecl *F);
  unsigned ingredients(const Stmt *S, const FunctionDecl *F, unsigned Depth,
                       std::set<const Decl *> &Seen);
  unsigned functionIngredients(const FunctionDecl *F, unsigned Depth);
  QshValue classify(const Expr *E, const FunctionDecl *F, unsigned Depth, std::string &Detail);

  struct Evidence {
    QshGap Gap;
    const Stmt *At;
    std::string Detail;
    bool Checked;
  };
  void evidenceIn(const FunctionDecl *F, std::vector<Evidence> &Out);
  std::map<const FunctionDecl *, std::vector<Evidence>> EvidenceOf;

  // --- verification
  bool isHandWrittenVerifier(const FunctionDecl *F);
  std::string verificationKind(const CallExpr *Call);
  bool handsTokenBack(const FunctionDecl *F, const CallExpr *Verify);
  const RequestHandler *handlerReaching(const FunctionDecl *F, unsigned Depth,
                                        std::set<const FunctionDecl *> &Seen);
  bool checkedBelow(const FunctionDecl *F, std::vector<Evidence> &Ev);
  /// True if some chain of callers from \p F never compares qsh; \p Ev gets
  /// that chain's evidence and \p Top its outermost function.
  bool uncheckedPath(const FunctionDecl *F, unsigned Depth,
                          std::set<const FunctionDecl *> &Seen, std::vector<Evidence> &Ev,
                          const FunctionDecl *&Top);

  // --- context-qsh
  bool isContextRoute(const RequestHandler &H) const;
  bool isRejection(const Stmt *Cmp, const FunctionDecl *F);
  std::optional<bool> evaluate(const Expr *Cond, const ParmVarDecl *P, const Expr *Arg);
};

namespace {
class Collector : public RecursiveASTVisitor<Collector> {
public:
  explicit Collector(QshAnalysis::Impl &I) : I(I) {}
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        I.Ctx.getSourceManager().isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      add(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    if (const CXXMethodDecl *Op = L->getCallOperator(); Op && !Op->isDependentContext())
      add(Op);
    return true;
  }
  bool VisitStringLiteral(StringLiteral *S) {
    if (I.Connect || S->getCharByteWidth() != 1)
      return true;
    StringRef T = S->getString();
    I.Connect = T == "qsh" || T == kContextQsh || T.contains("atlassian-connect") ||
                T.starts_with("JWT ");
    return true;
  }

private:
  void add(const FunctionDecl *FD) {
    if (I.Definition.emplace(FD->getCanonicalDecl(), FD).second)
      I.Functions.push_back(FD);
  }
  QshAnalysis::Impl &I;
};
} // namespace

void QshAnalysis::Impl::collect() {
  Collector(*this).TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const FunctionDecl *F : Functions) {
    Nodes[F] = nodesOf(F);
    Handlers.scan(F);
  }
  for (const FunctionDecl *F : Functions)
    for (const Stmt *S : Nodes[F])
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *G = defined(Call->getDirectCallee()); G && G != F) {
          Callers[G].push_back({F, Call});
          Callees[F].push_back(G);
        }
  // Parameters that receive a qsh claim, through up to kCallDepth calls.
  for (unsigned Round = 0; Round < kCallDepth; ++Round) {
    size_t Before = QshParams.size();
    QshVars.clear();
    for (const FunctionDecl *F : Functions)
      for (const Stmt *S : Nodes[F])
        if (const auto *Call = dyn_cast<CallExpr>(S))
          if (const FunctionDecl *G = defined(Call->getDirectCallee())) {
            unsigned Shift = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(G) ? 1 : 0;
            for (unsigned A = Shift; A < Call->getNumArgs(); ++A)
              if (A - Shift < G->getNumParams() && isQshRead(Call->getArg(A), F))
                QshParams.insert(G->getParamDecl(A - Shift));
          }
    if (QshParams.size() == Before)
      break;
  }
}

bool QshAnalysis::Impl::isQshRead(const Expr *E, const FunctionDecl *F, unsigned Depth) {
  if (!E || Depth > 12)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<LambdaExpr>(E))
    return false;
  if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *P = dyn_cast<ParmVarDecl>(D->getDecl()); P && QshParams.count(P))
      return true;
    computeQshVars(F);
    const auto *V = dyn_cast<VarDecl>(D->getDecl());
    return V && QshVars[F].count(V);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && !isPresenceTest(FD) && !claimWithValue(Call))
      for (const Expr *A : Call->arguments())
        if (textOfLiteral(A) == "qsh")
          return true;
  }
  for (const Stmt *C : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(C))
      if (isQshRead(CE, F, Depth + 1))
        return true;
  return false;
}

void QshAnalysis::Impl::computeQshVars(const FunctionDecl *F) {
  if (QshVars.count(F))
    return;
  std::set<const VarDecl *> &Vars = QshVars[F]; // empty while computing: no recursion
  for (unsigned Round = 0; Round < 2; ++Round)
    for (const Stmt *S : Nodes[F]) {
      if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D))
            if (V->getInit() && !Vars.count(V) && isQshRead(V->getInit(), F))
              Vars.insert(V);
      } else if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->getOpcode() == BO_Assign) {
        if (const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(B->getLHS())))
          if (isQshRead(B->getRHS(), F))
            Vars.insert(V);
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
                 Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
        if (const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(Op->getArg(0))))
          if (isQshRead(Op->getArg(1), F))
            Vars.insert(V);
      }
    }
}

unsigned QshAnalysis::Impl::ingredients(const Stmt *Root, const FunctionDecl *F, unsigned Depth,
                                        std::set<const Decl *> &Seen) {
  unsigned Found = 0;
  std::vector<const Stmt *> Work{Root};
  size_t Visited = 0;
  while (!Work.empty() && ++Visited < kMaxNodesPerFunction) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S || isa<LambdaExpr>(S))
      continue;
    for (const Stmt *C : S->children())
      Work.push_back(C);
    if (const auto *Ch = dyn_cast<CharacterLiteral>(S)) {
      if (Ch->getValue() == '&')
        Found |= Ampersand;
    } else if (const auto *L = dyn_cast<StringLiteral>(S)) {
      if (L->getCharByteWidth() == 1 && L->getString().contains('&'))
        Found |= Ampersand;
    } else if (const auto *For = dyn_cast<CXXForRangeStmt>(S)) {
      if (isStdRecord(recordOf(For->getRangeInit()->getType()),
                      {"map", "multimap", "set", "multiset"}))
        Found |= Sorted;
    } else if (const auto *C = dyn_cast<CXXConstructExpr>(S)) {
      if (const CXXRecordDecl *RD = C->getConstructor()->getParent(); RD && RD->getIdentifier()) {
        std::string N = lower(RD->getName());
        if (N.find("sha256") != std::string::npos || N == "sha2engine")
          Found |= Sha256;
      }
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD)
        continue;
      std::string N = lower(nameOf(FD));
      if (isSha256Function(FD))
        Found |= Sha256;
      else if (FD->isInStdNamespace() && (N == "sort" || N == "stablesort"))
        Found |= Sorted;
      else if (const FunctionDecl *G = defined(FD)) {
        if (Depth < kCallDepth)
          Found |= functionIngredients(G, Depth + 1);
      } else if (!inSystemHeader(FD)) {
        if (hasQshName(FD))
          Found |= NamedQsh;
        else if (N.find("canonical") != std::string::npos)
          Found |= Sorted | Ampersand;
      }
    } else if (const auto *D = dyn_cast<DeclRefExpr>(S)) {
      // A local holding part of the computation: follow its initialiser.
      const auto *V = dyn_cast<VarDecl>(D->getDecl());
      if (V && V->isLocalVarDecl() && V->getInit() && F && Seen.insert(V).second)
        Found |= ingredients(V->getInit(), F, Depth, Seen);
    }
  }
  return Found;
}

unsigned QshAnalysis::Impl::functionIngredients(const FunctionDecl *F, unsigned Depth) {
  if (auto It = FnIngredients.find(F); It != FnIngredients.end())
    return It->second;
  FnIngredients[F] = 0; // recursion guard
  std::set<const Decl *> Seen;
  unsigned Found = F->getBody() ? ingredients(F->getBody(), F, Depth, Seen) : 0;
  FnIngredients[F] = Found;
  return Found;
}

QshValue QshAnalysis::Impl::classify(const Expr *E, const FunctionDecl *F, unsigned Depth,
                                     std::string &Detail) {
  E = ignoreWrappers(E, Temporaries | ExplicitCasts | CopyConstructors | OneArgConstructors |
                            TemporaryObjects | ConversionCalls);
  if (!E)
    return QshValue::NotRequestHash;
  // jwt::claim(v), s.c_str(), s.data(): the value itself.
  if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() == 1)
    return classify(C->getArg(0), F, Depth, Detail);
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *MD = M->getMethodDecl(); MD && MD->getIdentifier() &&
                                                      (MD->getName() == "c_str" || MD->getName() == "data"))
      return classify(M->getImplicitObjectArgument(), F, Depth, Detail);
  if (isStringLiteral(E)) {
    StringRef T = textOfLiteral(E);
    if (T == kContextQsh)
      return QshValue::ContextQsh;
    Detail = ("\"" + T + "\"").str();
    return QshValue::Constant;
  }
  if (const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts())) {
    if (const auto *P = dyn_cast<ParmVarDecl>(D->getDecl())) {
      auto It = Callers.find(F);
      if (It == Callers.end() || Depth >= kCallDepth)
        return QshValue::Delegated;
      const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
      unsigned Index = P->getFunctionScopeIndex();
      QshValue Worst = QshValue::Computed;
      for (auto [Caller, Call] : It->second) {
        unsigned Shift = isa<CXXOperatorCallExpr>(Call) && FD && isa<CXXMethodDecl>(FD) ? 1 : 0;
        if (Index + Shift >= Call->getNumArgs())
          continue;
        std::string D2;
        QshValue V = classify(Call->getArg(Index + Shift), Caller, Depth + 1, D2);
        if (V != QshValue::Computed && V != QshValue::Delegated) {
          Worst = V;
          Detail = D2;
        }
      }
      return Worst;
    }
    if (const auto *V = dyn_cast<VarDecl>(D->getDecl())) {
      if (V->getType().isConstQualified() || V->isConstexpr() ||
          (V->getType()->isPointerType() && V->getType()->getPointeeType().isConstQualified() &&
           !V->isLocalVarDecl()))
        if (V->getInit() && isStringLiteral(V->getInit()))
          return classify(V->getInit(), F, Depth, Detail);
    }
  }
  std::set<const Decl *> Seen;
  unsigned Found = ingredients(E, F, 0, Seen);
  if ((Found & NamedQsh) || (Found & kFullHash) == kFullHash)
    return QshValue::Computed;
  if (Found & Sha256) {
    std::vector<std::string> Missing;
    if (!(Found & Ampersand))
      Missing.push_back("the '&'-joined canonical form");
    if (!(Found & Sorted))
      Missing.push_back("a sorted query string");
    Detail = Missing.size() == 2 ? Missing[0] + " and " + Missing[1] : Missing[0];
    return QshValue::Incomplete;
  }
  return QshValue::NotRequestHash;
}

void QshAnalysis::Impl::evidenceIn(const FunctionDecl *F, std::vector<Evidence> &Result) {
  auto [Memo, New] = EvidenceOf.try_emplace(F);
  if (!New) {
    Result.insert(Result.end(), Memo->second.begin(), Memo->second.end());
    return;
  }
  std::vector<Evidence> Out;
  for (const Stmt *S : Nodes[F]) {
    const Expr *L = nullptr, *R = nullptr, *Expected = nullptr;
    bool Equal;
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && claimWithValue(Call)) {
      Expected = claimWithValue(Call);
    } else if (comparisonOperands(S, L, R, Equal)) {
      bool LRead = isQshRead(L, F), RRead = isQshRead(R, F);
      if (LRead == RRead)
        continue;
      Expected = LRead ? R : L;
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (FD && isPresenceTest(FD))
        for (const Expr *A : Call->arguments())
          if (textOfLiteral(A) == "qsh")
            Out.push_back({QshGap::PresenceOnly, S, nameOf(FD), false});
      if (FD && !isPresenceTest(FD) && isQshRead(Call, F))
        for (const Expr *A : Call->arguments())
          if (textOfLiteral(A) == "qsh")
            Out.push_back({QshGap::ReadOnly, S, "", false});
      continue;
    } else {
      continue;
    }
    std::string Detail;
    switch (classify(Expected, F, 0, Detail)) {
    case QshValue::Computed:
    case QshValue::Delegated:
      Out.push_back({QshGap::Never, S, "", true});
      break;
    case QshValue::ContextQsh: {
      // Unconditional: a context-token check (routes are judged by
      // contextQshOnOtherRoutes). Chosen by a parameter: the other callers
      // still need a comparison with the request's hash.
      std::vector<Guard> Guards;
      guardsOf(F->getBody(), S, Guards);
      bool CallerChoice = false;
      for (const Guard &G : Guards)
        CallerChoice |= parameterTest(G.Cond, Ctx) != nullptr;
      Out.push_back({CallerChoice ? QshGap::ContextOnly : QshGap::Never, S, "", !CallerChoice});
      break;
    }
    case QshValue::Constant:
      Out.push_back({QshGap::Constant, S, Detail, false});
      break;
    case QshValue::Incomplete:
      Out.push_back({QshGap::Incomplete, S, Detail, false});
      break;
    case QshValue::NotRequestHash:
      Out.push_back({QshGap::NotRequestHash, S, "", false});
      break;
    }
  }
  Result.insert(Result.end(), Out.begin(), Out.end());
  EvidenceOf[F] = std::move(Out);
}

// --- verification ------------------------------------------------------------

bool QshAnalysis::Impl::isHandWrittenVerifier(const FunctionDecl *F) {
  if (auto It = HandWritten.find(F); It != HandWritten.end())
    return It->second;
  HandWritten[F] = false;
  if (!F->getReturnType()->isBooleanType())
    return false;
  // An HMAC over SHA-256 (itself or in a helper) compared with the token's
  // signature in this body.
  bool Hmac = false, Compares = false;
  std::vector<const FunctionDecl *> Work{F};
  std::set<const FunctionDecl *> Seen;
  for (size_t I = 0; I < Work.size() && I < 8; ++I) {
    const FunctionDecl *G = Work[I];
    if (!Seen.insert(G).second)
      continue;
    bool Sha = false, Mac = false;
    for (const Stmt *S : Nodes[G]) {
      const Expr *L, *R;
      bool Eq;
      if (G == F && comparisonOperands(S, L, R, Eq))
        Compares = true;
      const auto *Call = dyn_cast<CallExpr>(S);
      const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
      if (!FD)
        continue;
      std::string N = lower(nameOf(FD));
      Sha |= isSha256Function(FD);
      Mac |= N.rfind("hmac", 0) == 0 || N.rfind("evpmac", 0) == 0 ||
             N.rfind("evpdigestsign", 0) == 0;
      if (const FunctionDecl *H = defined(FD); H && G == F)
        Work.push_back(H);
    }
    Hmac |= Sha && Mac;
  }
  return HandWritten[F] = Hmac && Compares;
}

std::string QshAnalysis::Impl::verificationKind(const CallExpr *Call) {
  if (isJwtCppVerifierCall(Call, "verify"))
    return "jwt-cpp verifier.verify()";
  if (isCppJwtDecode(Call)) {
    for (const Expr *A : Call->arguments())
      if (const auto *P = dyn_cast_or_null<CallExpr>(
              ignoreWrappers(A, Temporaries | CopyConstructors | TemporaryObjects)))
        if (isCppJwtParam(P, "verify") && P->getNumArgs() == 1 &&
            constantInt(P->getArg(0), Ctx) == 0)
          return ""; // not verified at all: appsec-jwt-unsafe-verification's business
    return "cpp-jwt jwt::decode()";
  }
  if (isLibJwtDecode(Call))
    return libJwtKey(Call, Ctx) == KeyState::Given ? "libjwt jwt_decode()" : "";
  if (isPocoSignerCall(Call, "verify"))
    return "Poco::JWT Signer::verify()";
  if (isPocoSignerCall(Call, "tryVerify"))
    return "Poco::JWT Signer::tryVerify()";
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || isa<CXXOperatorCallExpr>(Call) || isJwtApiFunction(FD) || inSystemHeader(FD))
    return "";
  if (const FunctionDecl *G = defined(FD))
    return isHandWrittenVerifier(G) ? "the HS256 verifier " + nameOf(FD) + "()" : "";
  std::string N = lower(nameOf(FD));
  if (N.rfind("verify", 0) == 0 &&
      (N.find("jwt") != std::string::npos || N.find("hs256") != std::string::npos))
    return nameOf(FD) + "()";
  return "";
}

/// The verified token leaves \p F for a caller this file does not show: it
/// is a parameter of F, or F returns it.
bool QshAnalysis::Impl::handsTokenBack(const FunctionDecl *F, const CallExpr *Verify) {
  if (Callers.count(F))
    return false;
  const Expr *Obj = nullptr;
  if (isJwtCppVerifierCall(Verify, "verify") && Verify->getNumArgs() >= 1)
    Obj = Verify->getArg(0);
  else if (isLibJwtDecode(Verify))
    Obj = Verify->getArg(0);
  else if (isPocoSignerCall(Verify, "tryVerify") && Verify->getNumArgs() == 2)
    Obj = Verify->getArg(1);
  else if (!isCppJwtDecode(Verify) && !isPocoSignerCall(Verify, "verify") &&
           Verify->getNumArgs() >= 1)
    Obj = Verify->getArg(0); // a hand-written verifier's token
  const ValueDecl *Token = Obj ? referencedDecl(Obj) : nullptr;
  if (Token && isa<ParmVarDecl>(Token))
    return true;
  // The variable a decode/verify call initialises.
  const VarDecl *Result = nullptr;
  for (const Stmt *S : Nodes[F])
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getInit() && ignoreWrappers(V->getInit(), Temporaries | CopyConstructors) ==
                                  Verify)
            Result = V;
  for (const Stmt *S : Nodes[F])
    if (const auto *R = dyn_cast<ReturnStmt>(S); R && R->getRetValue()) {
      const Expr *V = ignoreWrappers(R->getRetValue(), Temporaries | CopyConstructors);
      const ValueDecl *D = referencedDecl(V);
      if (V == Verify || (D && (D == Token || D == Result)))
        return true;
    }
  return false;
}

const RequestHandler *QshAnalysis::Impl::handlerReaching(const FunctionDecl *F, unsigned Depth,
                                                         std::set<const FunctionDecl *> &Seen) {
  if (!Seen.insert(F).second)
    return nullptr;
  if (const RequestHandler *H = Handlers.find(F))
    return H;
  if (Depth >= kCallDepth + 1)
    return nullptr;
  if (auto It = Callers.find(F); It != Callers.end())
    for (auto [Caller, Call] : It->second)
      if (const RequestHandler *H = handlerReaching(Caller, Depth + 1, Seen))
        return H;
  return nullptr;
}

bool QshAnalysis::Impl::checkedBelow(const FunctionDecl *F, std::vector<Evidence> &Ev) {
  std::vector<std::pair<const FunctionDecl *, unsigned>> Work{{F, 0}};
  std::set<const FunctionDecl *> Seen;
  bool Checked = false;
  while (!Work.empty()) {
    auto [G, D] = Work.back();
    Work.pop_back();
    if (!Seen.insert(G).second)
      continue;
    size_t Before = Ev.size();
    evidenceIn(G, Ev);
    for (size_t K = Before; K < Ev.size(); ++K)
      Checked |= Ev[K].Checked;
    if (D < QshAnalysis::kCallDepth)
      for (const FunctionDecl *H : Callees[G])
        Work.push_back({H, D + 1});
  }
  return Checked;
}

bool QshAnalysis::Impl::uncheckedPath(const FunctionDecl *F, unsigned Depth,
                                           std::set<const FunctionDecl *> &Seen,
                                           std::vector<Evidence> &Ev,
                                           const FunctionDecl *&Top) {
  if (!Seen.insert(F).second)
    return false; // a cycle: judged where it started
  std::vector<Evidence> Here;
  if (checkedBelow(F, Here))
    return false;
  auto It = Callers.find(F);
  if (It == Callers.end() || Depth >= QshAnalysis::kCallDepth) {
    Ev.insert(Ev.end(), Here.begin(), Here.end());
    Top = F;
    return true;
  }
  for (auto [Caller, Call] : It->second) {
    std::vector<Evidence> Path;
    if (uncheckedPath(Caller, Depth + 1, Seen, Path, Top)) {
      Ev.insert(Ev.end(), Here.begin(), Here.end());
      Ev.insert(Ev.end(), Path.begin(), Path.end());
      return true;
    }
  }
  return false;
}

// --- context-qsh ---------------------------------------------------------------

bool QshAnalysis::Impl::isContextRoute(const RequestHandler &H) const {
  if (hasAnnotation(H.Function, "appsec::context_token_route"))
    return true;
  return ContextRoutes && !H.Route.empty() && ContextRoutes->match(H.Route);
}

/// `if (qsh == "context-qsh") reject;`: the comparison turns context tokens away.
bool QshAnalysis::Impl::isRejection(const Stmt *Cmp, const FunctionDecl *F) {
  const Expr *L, *R;
  bool Equal;
  if (!comparisonOperands(Cmp, L, R, Equal) || !Equal || !isa<BinaryOperator, CXXOperatorCallExpr>(Cmp))
    return false;
  for (const Stmt *S : Nodes[F]) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || !isRejectingExit(If->getThen(), Ctx))
      continue;
    const Expr *C = If->getCond()->IgnoreParenImpCasts();
    while (const auto *B = dyn_cast<BinaryOperator>(C)) {
      if (B->getOpcode() != BO_LOr)
        break;
      if (B->getRHS()->IgnoreParenImpCasts() == Cmp)
        return true;
      C = B->getLHS()->IgnoreParenImpCasts();
    }
    if (C == Cmp)
      return true;
  }
  return false;
}

/// The value of \p Cond when parameter \p P is \p Arg, if it is that simple:
/// `p`, `!p`, `p == K`, `p != K` with a constant argument.
std::optional<bool> QshAnalysis::Impl::evaluate(const Expr *Cond, const ParmVarDecl *P,
                                                const Expr *Arg) {
  Cond = Cond->IgnoreParenImpCasts();
  std::optional<int64_t> A = constantInt(Arg, Ctx);
  if (!A)
    return std::nullopt;
  if (paramIn(Cond) == P)
    return *A != 0;
  if (const auto *U = dyn_cast<UnaryOperator>(Cond); U && U->getOpcode() == UO_LNot)
    if (std::optional<bool> V = evaluate(U->getSubExpr(), P, Arg))
      return !*V;
  const Expr *L = nullptr, *R = nullptr;
  bool Equal = true;
  if (const auto *B = dyn_cast<BinaryOperator>(Cond); B && B->isEqualityOp()) {
    L = B->getLHS();
    R = B->getRHS();
    Equal = B->getOpcode() == BO_EQ;
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
             Op && Op->getNumArgs() == 2 &&
             (Op->getOperator() == OO_EqualEqual || Op->getOperator() == OO_ExclaimEqual)) {
    L = Op->getArg(0);
    R = Op->getArg(1);
    Equal = Op->getOperator() == OO_EqualEqual;
  }
  if (!L)
    return std::nullopt;
  if (paramIn(R) == P)
    std::swap(L, R);
  if (paramIn(L) != P)
    return std::nullopt;
  std::optional<int64_t> K = constantInt(R, Ctx);
  if (!K)
    return std::nullopt;
  return (*A == *K) == Equal;
}

// ---------------------------------------------------------------------------

QshAnalysis::QshAnalysis(ASTContext &Ctx, const llvm::Regex *ContextRoutes)
    : P(std::make_unique<Impl>(Ctx, ContextRoutes)) {
  P->collect();
}

QshAnalysis::~QshAnalysis() = default;

bool QshAnalysis::mentionsConnect() const { return P->Connect; }

std::vector<UncheckedQsh> QshAnalysis::uncheckedVerifications() {
  std::vector<UncheckedQsh> Out;
  Impl &I = *P;
  for (const FunctionDecl *F : I.Functions)
    for (const Stmt *S : I.Nodes[F]) {
      const auto *Call = dyn_cast<CallExpr>(S);
      if (!Call)
        continue;
      std::string What = I.verificationKind(Call);
      if (What.empty() || I.handsTokenBack(F, Call))
        continue;
      // Every chain of callers from F up to a function nobody here calls
      // must compare qsh, in one of its functions or what they call.
      std::vector<Impl::Evidence> Ev;
      const FunctionDecl *Top = nullptr;
      std::set<const FunctionDecl *> Seen;
      if (!I.uncheckedPath(F, 0, Seen, Ev, Top))
        continue;
      UncheckedQsh U;
      U.Verify = Call;
      U.What = What;
      // The most telling gap: a wrong comparison, then presence, then a read.
      auto Rank = [](QshGap G) {
        switch (G) {
        case QshGap::Constant: return 6;
        case QshGap::Incomplete: return 5;
        case QshGap::NotRequestHash: return 4;
        case QshGap::PresenceOnly: return 3;
        case QshGap::ContextOnly: return 2;
        case QshGap::ReadOnly: return 1;
        case QshGap::Never: return 0;
        }
        return 0;
      };
      const Impl::Evidence *Best = nullptr;
      for (const Impl::Evidence &E : Ev)
        if (!E.Checked && (!Best || Rank(E.Gap) > Rank(Best->Gap)))
          Best = &E;
      if (Best) {
        U.Gap = Best->Gap;
        U.Evidence = Best->At;
        U.Detail = Best->Detail;
      }
      U.Handler = Top ? I.Handlers.find(Top) : nullptr;
      if (!U.Handler) {
        std::set<const FunctionDecl *> Seen2;
        U.Handler = I.handlerReaching(F, 0, Seen2);
      }
      Out.push_back(std::move(U));
    }
  return Out;
}

std::vector<ContextQshOnRoute> QshAnalysis::contextQshOnOtherRoutes() {
  std::vector<ContextQshOnRoute> Out;
  Impl &I = *P;
  for (const FunctionDecl *G : I.Functions)
    for (const Stmt *S : I.Nodes[G]) {
      const Expr *L = nullptr, *R = nullptr;
      bool Equal;
      bool Accepts = false;
      if (const auto *Call = dyn_cast<CallExpr>(S); Call && claimWithValue(Call))
        Accepts = textOfLiteral(claimWithValue(Call)) == kContextQsh;
      else if (comparisonOperands(S, L, R, Equal))
        Accepts = (textOfLiteral(L) == kContextQsh || textOfLiteral(R) == kContextQsh) &&
                  !I.isRejection(S, G);
      if (!Accepts)
        continue;
      std::vector<Guard> Guards;
      guardsOf(G->getBody(), S, Guards);
      std::vector<std::pair<const ParmVarDecl *, const Guard *>> ByParam;
      for (const Guard &Gd : Guards)
        if (const ParmVarDecl *Param = parameterTest(Gd.Cond, I.Ctx))
          if (Param->getDeclContext() == G)
            ByParam.push_back({Param, &Gd});
      std::set<const RequestHandler *> Reported;
      auto ReportFor = [&](const FunctionDecl *From, const Stmt *At, bool Chose) {
        std::set<const FunctionDecl *> Seen;
        // Every handler reaching From that is not a context route.
        // Breadth first, callers in source order: the first route is the nearest.
        std::vector<std::pair<const FunctionDecl *, unsigned>> Work{{From, 0}};
        for (size_t Next = 0; Next < Work.size(); ++Next) {
          auto [F, D] = Work[Next];
          if (!Seen.insert(F).second)
            continue;
          if (const RequestHandler *H = I.Handlers.find(F)) {
            if (!I.isContextRoute(*H) && !H->Route.empty() && Reported.insert(H).second) {
              Out.push_back({At, S, H, Chose});
              return; // one finding per place; its message names the first route
            }
            continue;
          }
          if (D < QshAnalysis::kCallDepth)
            if (auto It = I.Callers.find(F); It != I.Callers.end())
              for (auto [Caller, C] : It->second)
                Work.push_back({Caller, D + 1});
        }
      };
      if (ByParam.empty()) {
        ReportFor(G, S, false);
        continue;
      }
      auto It = I.Callers.find(G);
      if (It == I.Callers.end())
        continue;
      for (auto [Caller, Call] : It->second) {
        unsigned Shift = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(G) ? 1 : 0;
        bool Enabled = true;
        const Expr *Chosen = nullptr;
        for (auto [Param, Gd] : ByParam) {
          unsigned A = Param->getFunctionScopeIndex() + Shift;
          if (A >= Call->getNumArgs())
            continue;
          std::optional<bool> V = I.evaluate(Gd->Cond, Param, Call->getArg(A));
          if (V && *V != Gd->MustBe)
            Enabled = false;
          if (!Chosen)
            Chosen = Call->getArg(A);
        }
        if (Enabled)
          ReportFor(Caller, Chosen ? static_cast<const Stmt *>(Chosen) : Call, true);
      }
    }
  return Out;
}

} // namespace appsec::jwt
