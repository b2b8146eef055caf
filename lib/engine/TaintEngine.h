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

#include "frameworks/RequestHandlers.h"
#include "models/ModelSet.h"
#include "propagation/FunctionAnalysis.h"
#include "propagation/TaintState.h"
#include "sanitizers/ConstantConditions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/Support/Regex.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace appsec {

/// What the analysis itself depends on. Checks with equal options share one
/// engine, so one walk of the translation unit serves them all; a check given
/// different values gets an engine (and a walk) of its own.
struct EngineOptions {
  std::string ModelFiles;        ///< ';'-separated user model files
  unsigned StepBudget = 40000;   ///< statements evaluated per function
  unsigned MaxSummaryDepth = 8;  ///< nested summaries computed on demand
  /// ';'-separated case-insensitive regexes on function names: functions of
  /// the project that verify the JWT (or the request) they are given, when
  /// their bodies are not in view.
  std::string VerifierNames;

  bool operator<(const EngineOptions &O) const {
    return std::tie(ModelFiles, StepBudget, MaxSummaryDepth, VerifierNames) <
           std::tie(O.ModelFiles, O.StepBudget, O.MaxSummaryDepth, O.VerifierNames);
  }
};

/// A parameter that carries untrusted data when its function is an entry.
struct EntrySeed {
  const clang::ParmVarDecl *Param = nullptr;
  Label Kind = Label::CommandLine;
  std::string Text; ///< "command-line arguments arrive in 'argv'"
};

/// Extra ways to find seeds (web-framework request handlers plug in here).
using SeedProvider = std::function<void(const clang::FunctionDecl *,
                                        clang::ASTContext &, std::vector<EntrySeed> &)>;

class TaintEngine {
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

  // --- used by FunctionAnalysis ---------------------------------------------
  clang::ASTContext &context() { return Ctx; }
  StepArena &steps() { return Arena; }
  const EngineOptions &options() const { return Opts; }
  const FunctionModels *modelsFor(const clang::FunctionDecl *FD);
  const FieldSourceModel *fieldSourceFor(const clang::FieldDecl *FD);
  const FunctionSummary *summaryFor(const clang::FunctionDecl *FD);
  void report(SinkFinding F);
  TaintFact globalFact(const LocKey &K) const;
  void writeGlobal(const LocKey &K, const TaintFact &F);
  const ConstantConditions &constants() const { return Constants; }
  std::vector<const clang::FunctionDecl *> overriders(const clang::CXXMethodDecl *M) const;
  std::vector<EntrySeed> seedsFor(const clang::FunctionDecl *FD);
  /// Annotation-declared sinks on parameters: param index -> category.
  const std::vector<std::pair<unsigned, SinkCategory>> &paramSinks(const clang::FunctionDecl *FD);
  const HandlerIndex &handlers() const { return Handlers; }
  /// \p FD (a definition) is called by a function of this unit's main file.
  bool isCalledInUnit(const clang::FunctionDecl *FD);
  /// \p T is the type of a request handler's request parameter.
  bool isRequestType(clang::QualType T);
  const ModelSet &models() const { return *Models; }
  /// Number of functions whose analysis ran out of budget.
  unsigned exhaustedFunctions() const { return Exhausted; }
  void noteExhausted() { ++Exhausted; }

private:
  clang::ASTContext &Ctx;
  std::shared_ptr<const ModelSet> Models;
  EngineOptions Opts;
  StepArena Arena;
  ConstantConditions Constants;
  HandlerIndex Handlers;
  std::vector<const clang::FunctionDecl *> Entries;
  std::set<const clang::FunctionDecl *> EntrySet;
  std::map<const clang::FunctionDecl *, const FunctionModels *> ModelCache;
  std::map<const clang::FieldDecl *, const FieldSourceModel *> FieldCache;
  std::map<const clang::FunctionDecl *, std::unique_ptr<FunctionModels>> AnnotationModels;
  std::vector<std::unique_ptr<llvm::Regex>> VerifierPatterns;
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
  std::set<std::tuple<unsigned, unsigned, std::string>> FindingKeys;
  bool Ran = false;
  unsigned Depth = 0;
  unsigned Exhausted = 0;
};

} // namespace appsec
