//===- TaintEngine.h - taint analysis of one translation unit -----------===//
//
// The entry point the checks use. One engine per AST (shared by all taint
// checks through forContext()): checks hand it the main file's functions,
// and the first check to ask for findings runs the analysis:
//  - every main-file function is analysed as an entry (sources inside it,
//    and seeded parameters such as main's argv);
//  - callees are summarised lazily, once, when taint reaches a call to them;
//  - writes of untrusted data to globals are collected, and the entries are
//    analysed again (at most three rounds) so a helper reading a global set
//    elsewhere sees it.
// Work is bounded per function (a step budget) and per translation unit.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/Middleware.h"
#include "frameworks/RequestHandlers.h"
#include "jwt/Verification.h"
#include "models/ModelSet.h"
#include "propagation/AnalysisContext.h"
#include "summaries/SummaryStore.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/Support/Regex.h"

#include <algorithm>
#include <functional>
#include <utility>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace appsec {

/// Extra ways to find seeds (web-framework request handlers plug in here).
using SeedProvider = std::function<void(const clang::FunctionDecl *,
                                        clang::ASTContext &, std::vector<EntrySeed> &)>;

class TaintEngine : public AnalysisContext {
public:
  /// The engine for \p Ctx and \p Opts, shared by every check analysing that
  /// AST with the same options. \p ConfigError names a broken model file
  /// (the engine then runs with the built-in models).
  static std::shared_ptr<TaintEngine> forContext(clang::ASTContext &Ctx,
                                                 const EngineOptions &Opts,
                                                 std::string &ConfigError);
  TaintEngine(clang::ASTContext &Ctx, std::shared_ptr<const ModelSet> Models,
              const EngineOptions &Opts, std::string *PatternError = nullptr);

  /// Registers a main-file function (or lambda call operator) as an entry.
  void addEntry(const clang::FunctionDecl *FD);
  /// Runs the analysis once; later calls return the same findings.
  const std::vector<SinkFinding> &findings();

  static void addSeedProvider(SeedProvider P);

  // --- AnalysisContext: what FunctionAnalysis asks -----------------------------
  clang::ASTContext &context() override { return Ctx; }
  StepArena &steps() override { return Arena; }
  const EngineOptions &options() const override { return Opts; }
  const FunctionModels *modelsFor(const clang::FunctionDecl *FD) override;
  const FieldSourceModel *fieldSourceFor(const clang::FieldDecl *FD) override;
  const FunctionSummary *summaryFor(const clang::FunctionDecl *FD) override;
  const FunctionSummary *summaryElsewhere(const clang::FunctionDecl *FD) override;
  const clang::VarDecl *globalNamed(llvm::StringRef Key) override;
  /// Whether \p FD, defined in another unit, verifies a token (its body's
  /// verdict, from the store); nullopt if the store does not know it.
  std::optional<bool> verifiesElsewhere(const clang::FunctionDecl *FD);
  /// The store's summary of \p FD says its body verifies the request's JWT
  /// or reads claims of a JWT decoded from its input.
  bool handlesJwtElsewhere(const clang::FunctionDecl *FD);
  /// The program serves requests: this unit has request handlers, or a unit
  /// of the summary store does.
  bool programServesRequests();
  /// What went wrong reading or writing the summary store ("" if nothing).
  const std::string &storeWarning() const { return StoreWarning; }
  void report(SinkFinding F) override;
  void reportUncheckedResult(UncheckedResult R) override {
    if (!Muted)
      Unchecked.push_back(R);
  }
  /// Results (verification error codes) never read after their call, in the
  /// main file's entries. Runs the analysis if it has not run.
  const std::vector<UncheckedResult> &uncheckedResults() {
    findings();
    return Unchecked;
  }
  TaintFact globalFact(const LocKey &K) const override;
  void writeGlobal(const LocKey &K, const TaintFact &F) override;
  const ConstantConditions &constants() const override { return Constants; }
  std::vector<const clang::FunctionDecl *> overriders(const clang::CXXMethodDecl *M) const override;
  std::vector<EntrySeed> seedsFor(const clang::FunctionDecl *FD) override;
  /// Seeds of a method overriding a library callback modelled with
  /// "parameters".
  void callbackSeeds(const clang::CXXMethodDecl *M, std::vector<EntrySeed> &Seeds);
  const std::vector<std::pair<unsigned, SinkCategory>> &
  paramSinks(const clang::FunctionDecl *FD) override;
  const HandlerIndex &handlers() const { return Handlers; }
  bool isCalledInUnit(const clang::FunctionDecl *FD) override;
  bool isRequestType(clang::QualType T) override;
  const ModelSet &models() const { return *Models; }
  /// Number of functions whose analysis ran out of budget.
  /// Functions whose analysis ran out of budget, in the order it happened.
  const std::vector<const clang::FunctionDecl *> &exhaustedFunctions() const { return Exhausted; }
  SensitiveData &sensitive() override { return Sensitive; }
  void noteExhausted(const clang::FunctionDecl *FD) override {
    if (!Muted && std::find(Exhausted.begin(), Exhausted.end(), FD) == Exhausted.end())
      Exhausted.push_back(FD);
  }
  std::optional<BranchSink> branchSinkAt(const clang::Stmt *Terminator,
                                         const clang::FunctionDecl *FD) override;
  jwt::VerificationIndex &verifications() override { return Verifier; }
  const RequestHandler *handlerBodyFor(const clang::FunctionDecl *FD) override;
  bool isHandler(const clang::FunctionDecl *FD) override { return Handlers.find(FD) != nullptr; }
  bool requestVerifiedBefore(const clang::FunctionDecl *FD) override;
  void recordAuthentication(const clang::FunctionDecl *FD, AuthenticationOutcome O) override {
    AuthOutcomes[FD->getCanonicalDecl()] = std::move(O);
  }
  /// What the analysis of \p FD (an entry: a handler body or a caller of
  /// handlers) found about authentication; null if it was not tracked.
  /// Runs the analysis if it has not run.
  const AuthenticationOutcome *authentication(const clang::FunctionDecl *FD);
  /// True the first time it is asked: one check reports the budgets and
  /// the store's problems.
  bool claimRemarks() { return !std::exchange(RemarksClaimed, true); }

private:
  clang::ASTContext &Ctx;
  std::shared_ptr<const ModelSet> Models;
  EngineOptions Opts;
  StepArena Arena;
  ConstantConditions Constants;
  SensitiveData Sensitive;
  HandlerIndex Handlers;
  std::vector<const clang::FunctionDecl *> Entries;
  std::set<const clang::FunctionDecl *> EntrySet;
  std::map<const clang::FunctionDecl *, const FunctionModels *> ModelCache;
  std::map<const clang::FieldDecl *, const FieldSourceModel *> FieldCache;
  std::map<const clang::FunctionDecl *, std::unique_ptr<FunctionModels>> AnnotationModels;
  jwt::VerificationIndex Verifier;
  /// Handler bodies (oat++ endpoints for their proxies) by definition.
  std::map<const clang::FunctionDecl *, RequestHandler> Bodies;
  bool BodiesKnown = false;
  std::map<const clang::FunctionDecl *, AuthenticationOutcome> AuthOutcomes;
  /// Lambdas that continue a request body read (cpprestsdk .then), by call
  /// operator: what delivers the body. Built on the first lambda's seeds.
  std::map<const clang::FunctionDecl *, std::string> Continuations;
  bool ContinuationsKnown = false;
  /// The entries' filters, middleware and pre-routing handlers; built the
  /// first time a handler body's analysis asks.
  std::unique_ptr<MiddlewareIndex> Gates;
  std::map<const clang::Stmt *, bool> ChoosesVerifier;
  std::set<const clang::Type *> RequestTypes;
  std::set<const clang::FunctionDecl *> Called; ///< canonical declarations
  bool CalledKnown = false;
  bool RequestTypesKnown = false;
  std::map<const clang::FunctionDecl *, std::vector<std::pair<unsigned, SinkCategory>>> ParamSinkCache;
  std::map<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>> Summaries;
  std::set<const clang::FunctionDecl *> InProgress;
  std::map<const clang::CXXMethodDecl *, std::vector<const clang::FunctionDecl *>> Overriders;
  std::map<LocKey, TaintFact> Globals;
  bool GlobalsChanged = false;
  std::vector<SinkFinding> Findings;
  std::vector<UncheckedResult> Unchecked;
  std::set<std::tuple<unsigned, unsigned, int, LabelMask>> FindingKeys;
  bool Ran = false;
  bool Muted = false; ///< analysing handler bodies outside the main file
  unsigned Depth = 0;
  std::vector<const clang::FunctionDecl *> Exhausted;
  bool RemarksClaimed = false;
  /// The summary store read (EngineOptions::SummaryStore), opened on the
  /// first call into another unit; the linkage keys of such calls.
  std::shared_ptr<const SummaryStore> Store;
  bool StoreOpened = false;
  std::string StoreWarning;
  std::set<std::string> Imports;
  /// This unit's global variables by linkage key, built on first use.
  std::map<std::string, const clang::VarDecl *, std::less<>> GlobalsByKey;
  bool GlobalsByKeyKnown = false;
  /// The store to ask about \p FD, a function of the program declared here
  /// and defined elsewhere (null if none); notes \p FD as an import.
  /// \p Key is set to \p FD's linkage key.
  const SummaryStore *store(const clang::FunctionDecl *FD, std::string &Key);
  const SummaryStore *openStore();
  /// Virtual methods declared here and defined in another unit, under the
  /// methods they override (with a store, their summaries are known).
  void indexDeclaredOverriders();
  /// Writes the summaries of the main file's functions to
  /// EngineOptions::SummaryExport.
  void exportSummaries();
};

} // namespace appsec
