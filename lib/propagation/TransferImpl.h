//===- TransferImpl.h - the state of one function's analysis (private) ---===//
//
// Shared by the files of lib/propagation that implement FunctionAnalysis, one
// job each: Locations.cpp (access paths, reads and writes through pointers),
// ExpressionTransfer.cpp (how an expression moves labels), CallTransfer.cpp
// (library models and callee summaries at a call), SensitiveTransfer.cpp
// (secrets and end-user data by name, key and annotation), SinkTransfer.cpp (what
// reaching a sink means, JWT claims waiting for a verification) and
// FunctionAnalysis.cpp (guards on branch edges and the worklist driver over
// Clang's CFG). The lattice itself is lib/lattice.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/ResponseTypes.h"
#include "models/ArgConditions.h"
#include "propagation/FunctionAnalysis.h"
#include "sanitizers/CharacterClass.h"
#include "sanitizers/Guards.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace appsec {

/// Values of these types cannot carry an injection string.
bool isBarrierType(clang::QualType T);
bool isStringStream(clang::QualType T);
bool isPointerLike(clang::QualType T);
std::string declName(const clang::ValueDecl *D);
/// "system()", "Request::get_param_value()", "lambda()".
std::string calleeLabel(const clang::FunctionDecl *F);
const clang::Expr *stripTemps(const clang::Expr *E);

class FunctionAnalysis::Impl {
public:
  Impl(AnalysisContext &Engine, const clang::FunctionDecl *FD, bool SummaryMode)
      : Engine(Engine), Ctx(Engine.context()), FD(FD), SummaryMode(SummaryMode) {}

  void run();

  AnalysisContext &Engine;
  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  bool SummaryMode;
  FunctionSummary Summary;
  unsigned Work = 0;
  bool OutOfBudget = false;
  TaintState *S = nullptr; // the state being transformed

  // ---- locations -----------------------------------------------------------
  std::optional<LocKey> locOf(const clang::Expr *E, unsigned Depth = 0);
  std::set<LocKey> pointerTargets(const clang::Expr *E);
  /// `v[2]`, `v.at(2)`, `a[2]`: the collection and the constant index of the
  /// element \p E names (its facts are the collection's); and a const
  /// accessor's result (`uri.getHost()`): the object and accessorOf's key.
  std::optional<std::pair<LocKey, int64_t>> elementOf(const clang::Expr *E);
  std::optional<int64_t> accessorOf(const clang::CXXMemberCallExpr *MC) const;
  llvm::DenseMap<const clang::FunctionDecl *, bool> ReturnsThis; ///< builders (locOf)
  TaintFact read(const LocKey &K, unsigned Depth = 0);
  void write(const LocKey &K, TaintFact F, bool Replace, bool ThroughPointer = true);
  void writeFields(const LocKey &K, bool Replace);
  void writeExpr(const clang::Expr *Target, const TaintFact &F, bool Replace);
  /// In a summary that crosses units: the parameter bit standing for the
  /// global \p K as the caller left it (0: not tracked).
  ParamMask globalInputBit(const LocKey &K);
  std::vector<const clang::VarDecl *> GlobalInputs;
  /// In a summary, when \p Held has the bit of the parameter (or `this`)
  /// \p K starts from: that bit, and the bit standing for K's field path as
  /// the caller left it (0: not a field path of a parameter, or no bit left).
  std::pair<ParamMask, ParamMask> fieldInputBits(const LocKey &K, ParamMask Held);
  /// The caller's facts for one field input of a callee's summary: the same
  /// path of the argument \p E, or all of \p Whole where it has none.
  TaintFact fieldInflow(const FieldInput &In, const clang::Expr *E, const TaintFact &Whole);
  ParamMask unmovedFieldBits(const LocKey &Base, unsigned Index) const;
  bool isGlobal(const LocKey &K) const {
    const clang::ValueDecl *D = K.decl();
    const auto *V = llvm::dyn_cast_or_null<clang::VarDecl>(D);
    return V && V->hasGlobalStorage();
  }

  // ---- evaluation ----------------------------------------------------------
  TaintFact eval(const clang::Expr *E);
  TaintFact evalUncapped(const clang::Expr *E);
  TaintFact evalExpr(const clang::Expr *E); ///< evalUncapped without element guards
  TaintFact assign(const clang::Expr *LHS, const clang::Expr *RHS, clang::SourceLocation Loc);
  void declare(const clang::VarDecl *V);
  /// A record declared with an initialiser list: one fact per member, at
  /// \p K's member paths; false (nothing written) where members cannot be
  /// told apart (unions, bases, paths at their depth limit).
  bool initFields(const LocKey &K, const clang::InitListExpr *IL);
  /// A call: the library models or the callee's summary (callTransfer),
  /// then what the data-protection labels say of its result
  /// (SensitiveTransfer.cpp).
  TaintFact call(const clang::Expr *Call, const clang::FunctionDecl *Callee, const clang::Expr *Object,
                 llvm::ArrayRef<const clang::Expr *> Args, bool IsConstruct);
  TaintFact callTransfer(const clang::Expr *Call, const clang::FunctionDecl *Callee,
                         const clang::Expr *Object, llvm::ArrayRef<const clang::Expr *> Args,
                         bool IsConstruct);
  /// \p F read through \p D (a variable, parameter or data member) gains the
  /// labels D's name or annotation gives it.
  TaintFact sensitiveRead(TaintFact F, const clang::ValueDecl *D, clang::SourceLocation Loc);
  /// \p F with the sensitive labels \p L, explained by \p Why.
  /// \p F masked, encrypted or hashed by \p By: fit for logs and stores,
  /// except a password hashed with a fast digest (\p FastDigest), which is
  /// fit for a log only and becomes a fast-hashed password.
  TaintFact masked(TaintFact F, bool FastDigest, clang::SourceLocation Loc, const std::string &By);
  TaintFact addSensitive(TaintFact F, LabelMask L, clang::SourceLocation Loc, const std::string &Why,
                         const std::string &Origin);
  std::vector<const clang::FunctionDecl *> callTargets(const clang::CallExpr *C);
  /// The inputs of a propagator with a format (sqlite3_mprintf): each
  /// argument marked safe for what its conversion escapes.
  TaintFact formattedFact(const PropagatorModel &P, llvm::ArrayRef<const clang::Expr *> Args,
                          llvm::ArrayRef<TaintFact> ArgFacts);
  std::optional<Label> handleKindOf(const clang::Expr *E);
  void checkSink(const SinkModel &K, const clang::FunctionDecl *Callee,
                 llvm::ArrayRef<const clang::Expr *> Args, llvm::ArrayRef<TaintFact> ArgFacts,
                 const clang::Expr *Object, const TaintFact &ObjFact, clang::SourceLocation CallLoc);
  /// A sink model's content-type test: the response is sent as HTML.
  bool sentAsHtml(const ContentTypeTest &T, llvm::ArrayRef<const clang::Expr *> Args,
                  const clang::Expr *Object);
  std::optional<DeclaredContentTypes> ContentTypes; ///< this function's, read on first use
  /// \p F written into \p Target: a sink when Target is what a "written"
  /// sink returns (`res.body()`, `response.send()`, a stream bound to it).
  void writtenSink(const clang::Expr *Target, const TaintFact &F);
  /// Untrusted data reaches a sink: a finding (or a summary's sink hit).
  /// Claims of a decoded JWT read through \p Object wait for the end of the
  /// function (PendingClaim). \p Where names the sink's place when it is in
  /// another unit (a summary from the store).
  void sinkFact(const TaintFact &F, SinkCategory Cat, clang::SourceLocation Loc,
                const std::string &SinkName, const std::string &What,
                const clang::Expr *Object = nullptr, const std::string &Where = "");
  void emitSink(const TaintFact &F, SinkCategory Cat, clang::SourceLocation Loc,
                const std::string &SinkName, const std::string &What,
                const std::string &Where = "");
  /// A call that reports its result in an out-argument (ResultModel): the
  /// local there must be read later (PendingResult).
  void expectResultRead(const ResultModel &R, const clang::Expr *Call,
                        const clang::FunctionDecl *Callee, llvm::ArrayRef<const clang::Expr *> Args);
  /// The call \p Value returns a pending result (ResultModel "return"):
  /// from here it is the local \p Target (anything else: not this function's).
  void bindResult(const clang::Expr *Value, const clang::ValueDecl *Target);
  /// A call given a pending result that must be looked at by particular
  /// calls: one of those, or a function of the project, looks at it.
  void lookAtResults(const clang::FunctionDecl *Callee, const clang::Expr *Object,
                     llvm::ArrayRef<const clang::Expr *> Args);
  /// The locals \p Lam captures are looked at whenever it runs.
  void captureResults(const clang::LambdaExpr *Lam);
  /// \p E (returned, captured) hands a pending result on to someone else.
  void handOnResults(const clang::Expr *E);
  /// The token at \p K has been verified: claims read from it earlier are fine.
  void clearPending(const LocKey &K, TaintState &In);
  /// Set while the sinks of a call count only if the statement its caller
  /// passes writes (SinkHit::StatementOf): they go into the summary, never
  /// into a report.
  int DeferredStatement = SinkHit::NoStatement;
  /// Set while the store a call writes to is declared encrypted at rest:
  /// that answers for end-user data, not for secrets and passwords.
  bool StoreAtRest = false;
  /// \p E is a statement handle of `this` (a member) or a parameter of this
  /// function: SinkHit::StatementOfThis or the parameter's index.
  std::optional<int> statementHolder(const clang::Expr *E) const;
  /// A store condition (`"statement": "writes"`) whose statement is not in
  /// this function but in a member or parameter: the holder to defer to.
  std::optional<int> deferredStatementOf(const SinkModel &K, llvm::ArrayRef<const clang::Expr *> Args,
                                         const clang::Expr *Object) const;
  bool conditionHolds(const std::optional<ArgCondition> &C, llvm::ArrayRef<const clang::Expr *> Args,
                      const clang::Expr *Object = nullptr) {
    return appsec::conditionHolds(C, Args, Ctx, Object, FD ? FD->getBody() : nullptr);
  }
  /// A verification of \p F (sanitized or validated for JwtClaim) that is a
  /// token of this request, or the request object \p Subject itself, verifies
  /// the request's token.
  void noteVerification(const TaintFact &F, const clang::Expr *Subject, TaintState &In);
  /// A destructor of the program runs on an object with fact \p Obj (the end
  /// of a local's scope, a delete): its summary applies as for a call.
  void destructorCall(const clang::CXXDestructorDecl *Dtor,
                      llvm::function_ref<TaintFact()> Obj, clang::SourceLocation Loc);
  void applySummary(const FunctionSummary &Sum, const clang::FunctionDecl *Callee,
                    llvm::ArrayRef<const clang::Expr *> Args, llvm::ArrayRef<TaintFact> ArgFacts,
                    const clang::Expr *Object, const TaintFact &ObjFact, clang::SourceLocation CallLoc,
                    TaintFact &Result);
  const Step *step(const TaintFact &F, clang::SourceLocation Loc, std::string Text) {
    return Engine.steps().extend(F.Path, Loc, std::move(Text));
  }
  TaintFact sourceFact(Label K, clang::SourceLocation Loc, const std::string &What) {
    TaintFact F;
    F.Labels = maskOf(K);
    F.Path = Engine.steps().root(Loc, std::string(labelPhrase(K)) + " enters through " + What,
                                 int(K), What);
    return F;
  }

  /// The source a read of \p Field is (a data member modelled as a source).
  std::optional<TaintFact> fieldSourceFact(const clang::FieldDecl *Field, clang::SourceLocation Loc);
  /// The sources of the fields on the way to \p K other than \p Except
  /// (`req.params` in the location an iterator temporary reaches:
  /// `req.params.find(k)->second`), when nothing has been written to \p K
  /// or a prefix of it (a write or a validation decides then).
  TaintFact fieldSourcesAlong(const LocKey &K, const clang::FieldDecl *Except,
                              clang::SourceLocation Loc);

  // ---- control flow --------------------------------------------------------
  void transferElement(const clang::Stmt *St);
  void applyGuards(const clang::Expr *Cond, bool Branch, TaintState &Out);
  /// A branch the engine calls a sink (AnalysisContext::branchSinkAt) whose
  /// condition carries labels: a finding at the condition.
  void checkBranchSink(const clang::Stmt *Terminator);
  GuardContext guardContext();
  void collectCovered(const clang::CFG &G);
  /// On the edge that leaves a loop normally: a loop that rejects every
  /// character outside a class validates the string it walked.
  void applyLoopExit(const clang::Stmt *Loop, TaintState &Out);
  std::map<const clang::Stmt *, std::optional<CharacterClassLoop>> CharacterLoops;
  /// Branch conditions that test one character variable (characterTest).
  llvm::DenseMap<const clang::Expr *, std::optional<CharacterTest>> CharacterTests;
  std::set<const clang::Stmt *> Covered;
  std::vector<std::pair<LocKey, CategoryMask>> PendingBoolTargets;
  /// The condition a two-way block branches on (in `if (A && B)`, the block
  /// that evaluates B branches on B alone); null for switches and loops over
  /// ranges.
  const clang::Expr *branchCondition(const clang::CFGBlock &B) const;

  // ---- request authentication (AuthenticationTransfer.cpp) ------------------
  /// Decides whether this function is tracked (a handler body, or a function
  /// that calls handlers) and prepares its branch and input tables.
  void beginAuthentication(const clang::CFG &G);
  void authenticationElement(const clang::Stmt *St);
  void authenticationEdge(const clang::Expr *Cond, bool Branch, TaintState &Out);
  void finishAuthentication(const TaintState &Exit);
  /// \p C calls a request handler other than this function (Beast-style
  /// handlers judged by their callers).
  bool callsOtherHandler(const clang::CallExpr *C);
  bool TracksAuth = false;
  const RequestHandler *HandlerBody = nullptr;
  /// Verifications whose success decides a branch: settled on that edge.
  std::set<const clang::CallExpr *> DecidingCalls;
  /// `bool ok = verify(t);`: the local and the call whose result it holds.
  std::map<const clang::VarDecl *, const clang::CallExpr *> CallResults;
  std::vector<clang::SourceRange> VerificationInputs;
  AuthenticationOutcome Auth;

  /// Summaries of bool functions: parameters verified on every `return true`.
  bool SawTrueReturn = false;
  ParamMask VerifiedOnTrue = ~ParamMask(0);
  /// Per parameter: what it is validated for wherever the function returns
  /// something other than false (a bool validator inferred from its body).
  std::vector<CategoryMask> ValidOnTrue;
  void noteTrueReturn(const clang::Expr *Value);
};

} // namespace appsec
