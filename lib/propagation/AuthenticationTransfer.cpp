//===- AuthenticationTransfer.cpp - is the request authenticated here? ---===//
//
// The transfer of lattice/Authentication over one function's CFG, run by the
// same worklist as the taint transfer (FunctionAnalysis.cpp), for the bodies
// of request handlers and for functions that call handlers:
//  - a verification (jwt/Verification: library calls, the project's verifier
//    functions, session and API-key checks) settles the path; when the call
//    decides a branch (`if (!verify(t)) ...`), only the edge it takes on
//    success does, and the failure edge goes on unauthenticated;
//  - a decode without verification settles it too (its claim reads are the
//    claims check's findings), and so does an error answer in a handler;
//  - a read of request data (frameworks/RequestReads) on an unsettled path
//    is remembered, the last one per path; reads that feed the verification
//    itself (the token, the install payload that picks the key) are not.
//
//===----------------------------------------------------------------------===//
#include "propagation/TransferImpl.h"

#include "frameworks/RequestReads.h"
#include "jwt/Verification.h"
#include "support/AstHelpers.h"
#include "support/BodyStatements.h"
#include "support/LlvmCompat.h"

#include "clang/Basic/SourceManager.h"

#include <map>
#include <set>

using namespace clang;

namespace appsec {

namespace {

/// The call that decides \p Cond, through `!`, a conversion operator (an
/// optional's operator bool) and a local bool that holds the call's result
/// (\p Results), with +1 if \p Cond is its result and -1 if it is the
/// negation; null if \p Cond is not a call's result.
std::pair<const CallExpr *, int>
decidingCall(const Expr *E, const std::map<const VarDecl *, const CallExpr *> &Results) {
  int Sign = 1;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot) {
      Sign = -Sign;
      E = U->getSubExpr();
    } else if (const auto *M = dyn_cast<CXXMemberCallExpr>(E);
               M && isa_and_nonnull<CXXConversionDecl>(M->getMethodDecl())) {
      E = M->getImplicitObjectArgument();
    } else if (const auto *C = dyn_cast<CallExpr>(E)) {
      return {C, Sign};
    } else if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
      auto It = Results.find(dyn_cast<VarDecl>(D->getDecl()));
      return It == Results.end() ? std::pair<const CallExpr *, int>{nullptr, 0}
                                 : std::pair<const CallExpr *, int>{It->second, Sign};
    } else {
      break;
    }
  }
  return {nullptr, 0};
}

/// Locals initialised with a call's result and never assigned again:
/// `bool ok = verify(token);` decides `if (!ok)` as the call would.
std::map<const VarDecl *, const CallExpr *> callResults(const Stmt *Body) {
  std::map<const VarDecl *, const CallExpr *> Out;
  std::set<const VarDecl *> Assigned;
  llvm::SmallVector<const Stmt *, 64> Todo{Body};
  while (!Todo.empty()) {
    const Stmt *S = Todo.pop_back_val();
    if (!S)
      continue;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D);
            V && V->isLocalVarDecl() && V->getType()->isBooleanType() && V->getInit())
          if (const auto *C = dyn_cast<CallExpr>(V->getInit()->IgnoreImplicit()->IgnoreParens()))
            Out[V] = C;
    if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
      if (const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(B->getLHS())))
        Assigned.insert(V);
    for (const Stmt *C : S->children())
      Todo.push_back(C);
  }
  for (const VarDecl *V : Assigned)
    Out.erase(V);
  return Out;
}

void settle(AuthenticationState &A) {
  A.Settled = true;
  A.Reads.clear();
}

} // namespace

bool FunctionAnalysis::Impl::callsOtherHandler(const CallExpr *C) {
  const FunctionDecl *Callee = C->getDirectCallee();
  return Callee && Callee->getCanonicalDecl() != FD->getCanonicalDecl() && Engine.isHandler(Callee);
}

void FunctionAnalysis::Impl::beginAuthentication(const CFG &G) {
  if (SummaryMode)
    return;
  HandlerBody = Engine.handlerBodyFor(FD);
  auto Calls = callsIn(FD->getBody());
  TracksAuth = HandlerBody || llvm::any_of(Calls, [&](const CallExpr *C) { return callsOtherHandler(C); });
  if (!TracksAuth)
    return;
  jwt::VerificationIndex &V = Engine.verifications();
  CallResults = callResults(FD->getBody());
  for (const CFGBlock *B : G)
    if (B->succ_size() == 2)
      if (const Expr *Cond = branchCondition(*B))
        if (const CallExpr *C = decidingCall(Cond, CallResults).first; C && V.isVerification(C))
          DecidingCalls.insert(C);
  // Request data read to verify the token (the install payload whose
  // clientKey picks the secret) is not trusted by being read: the
  // initializers of locals passed to a verification.
  if (HandlerBody)
    for (const CallExpr *C : Calls)
      if (V.isVerification(C))
        for (const Expr *A : C->arguments())
          if (const auto *Var = dyn_cast_or_null<VarDecl>(referencedDecl(A));
              Var && Var->isLocalVarDecl() && Var->getInit())
            VerificationInputs.push_back(Var->getInit()->getSourceRange());
}

void FunctionAnalysis::Impl::authenticationElement(const Stmt *St) {
  AuthenticationState &A = S->Auth;
  const SourceManager &SM = Ctx.getSourceManager();
  auto earliest = [&](const CallExpr *&Slot, const CallExpr *C) {
    if (!Slot || SM.isBeforeInTranslationUnit(appsec::beginLoc(C), appsec::beginLoc(Slot)))
      Slot = C;
  };
  if (const auto *Call = dyn_cast<CallExpr>(St)) {
    if (callsOtherHandler(Call))
      Auth.HandlerCalls[Call] |= !A.Settled;
    jwt::VerificationIndex &V = Engine.verifications();
    if (V.isUnverifiedDecode(Call)) {
      earliest(Auth.Verification, Call);
      settle(A);
      return;
    }
    if (V.isVerification(Call)) {
      if (!V.resultIgnored(Call, FD)) {
        earliest(Auth.Verification, Call);
        if (!DecidingCalls.count(Call)) // else: on the edge it takes on success
          settle(A);
        return;
      }
      if (!A.Settled)
        earliest(Auth.Ignored, Call);
    }
  }
  if (!HandlerBody || A.Settled)
    return;
  if (rejectsRequest(St, Ctx)) {
    settle(A); // an error answer: nothing is served on this path
    return;
  }
  // Calls and constructions are elements of the CFG of their own; the
  // fields and route parameters they are given are not (`store(req.body)`).
  llvm::SmallVector<const Stmt *, 16> Todo{St};
  for (unsigned Budget = 256; !Todo.empty() && Budget; --Budget) {
    const Stmt *E = Todo.pop_back_val();
    std::string What = requestRead(E, *HandlerBody, FD, Ctx);
    if (!What.empty()) {
      SourceLocation L = E->getBeginLoc();
      bool Input = llvm::any_of(VerificationInputs, [&](SourceRange R) {
        return !SM.isBeforeInTranslationUnit(L, R.getBegin()) &&
               !SM.isBeforeInTranslationUnit(R.getEnd(), L);
      });
      if (!Input) {
        A.Reads.clear(); // the last read on the path is the one reported
        A.Reads[L.getRawEncoding()] = {E, std::move(What)};
      }
    }
    for (const Stmt *C : E->children())
      if (C && !isa<CallExpr>(C) && !isa<CXXConstructExpr>(C) && !isa<LambdaExpr>(C) &&
          !isa<CXXThrowExpr>(C))
        Todo.push_back(C);
  }
}

void FunctionAnalysis::Impl::authenticationEdge(const Expr *Cond, bool Branch, TaintState &Out) {
  auto [C, Sign] = decidingCall(Cond, CallResults);
  if (!C || !DecidingCalls.count(C))
    return;
  int Success = Sign * Engine.verifications().successPolarity(C);
  if ((Success > 0) == Branch && Success != 0)
    settle(Out.Auth);
}

void FunctionAnalysis::Impl::finishAuthentication(const TaintState &Exit) {
  if (!TracksAuth)
    return;
  Auth.Complete = !OutOfBudget;
  const SourceManager &SM = Ctx.getSourceManager();
  if (Exit.Reached)
    for (const auto &[Key, R] : Exit.Auth.Reads)
      if (!Auth.UnsettledRead.Read ||
          SM.isBeforeInTranslationUnit(R.Read->getBeginLoc(), Auth.UnsettledRead.Read->getBeginLoc()))
        Auth.UnsettledRead = R;
  Engine.recordAuthentication(FD, std::move(Auth));
}

} // namespace appsec
