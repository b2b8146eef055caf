//===- AnalysisContext.h - what a function analysis asks of its driver ---===//
//
// FunctionAnalysis walks one function; everything that spans functions (the
// models, the summaries of callees, where findings go, globals, the seeds of
// entries) it asks of its driver through this interface. The engine
// (engine/TaintEngine) implements it, so the dependency runs one way:
// engine -> propagation.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/RequestHandlers.h"
#include "lattice/Authentication.h"
#include "lattice/Finding.h"
#include "lattice/TaintState.h"
#include "models/ModelSet.h"
#include "sanitizers/ConstantConditions.h"
#include "secrets/SensitiveData.h"
#include "summaries/FunctionSummary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace appsec {

namespace jwt {
class VerificationIndex;
}

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
  /// A summary store (summaries/SummaryStore) to read the summaries of
  /// functions defined in other units from; empty: none.
  std::string SummaryStore;
  /// A summary store to write this unit's summaries to; empty: none.
  std::string SummaryExport;
  /// ';'-separated name parts that make a variable, member or key a secret
  /// or end-user data, added to the built-in ones (secrets/SensitiveData.h).
  std::string SecretNames;
  std::string EndUserDataNames;
  /// ';'-separated names of stores encrypted at rest: variables, members or
  /// their types (`SecureDb`, `app::EncryptedStore`) (secrets/SensitiveData.h).
  std::string EncryptedStores;

  bool operator<(const EngineOptions &O) const {
    return std::tie(ModelFiles, StepBudget, MaxSummaryDepth, VerifierNames, SummaryStore,
                    SummaryExport, SecretNames, EndUserDataNames, EncryptedStores) <
           std::tie(O.ModelFiles, O.StepBudget, O.MaxSummaryDepth, O.VerifierNames,
                    O.SummaryStore, O.SummaryExport, O.SecretNames, O.EndUserDataNames,
                    O.EncryptedStores);
  }
};

/// A parameter that carries untrusted data when its function is an entry.
struct EntrySeed {
  const clang::ParmVarDecl *Param = nullptr;
  Label Kind = Label::CommandLine;
  std::string Text; ///< "command-line arguments arrive in 'argv'"
  /// Where the data comes from, for the message ("http_request::extract_json()");
  /// empty: the parameter's name.
  std::string Origin = {};
};

/// A branch that is a sink of its own: the value its condition tests must
/// not be left to untrusted data, because the branch decides something that
/// matters (which verifier a JWT gets).
struct BranchSink {
  SinkCategory Category = SinkCategory::JwtAlgorithm;
  std::string Name; ///< "a branch"
  std::string What; ///< "configures a different verifier on each side"
};

class AnalysisContext {
public:
  virtual ~AnalysisContext() = default;

  virtual clang::ASTContext &context() = 0;
  virtual StepArena &steps() = 0;
  virtual const EngineOptions &options() const = 0;
  /// Library models and annotations of a callee (null if none).
  virtual const FunctionModels *modelsFor(const clang::FunctionDecl *FD) = 0;
  virtual const FieldSourceModel *fieldSourceFor(const clang::FieldDecl *FD) = 0;
  /// The summary of a callee defined in this unit, computed on demand (null
  /// for recursion or past the depth bound).
  virtual const FunctionSummary *summaryFor(const clang::FunctionDecl *FD) = 0;
  /// The summary of a callee whose body is in another unit, from the
  /// summary store (null without a store or a summary there).
  virtual const FunctionSummary *summaryElsewhere(const clang::FunctionDecl *FD) = 0;
  /// The global variable of this unit with linkage key \p Key, or null.
  virtual const clang::VarDecl *globalNamed(llvm::StringRef Key) = 0;
  virtual void report(SinkFinding F) = 0;
  virtual void reportUncheckedResult(UncheckedResult R) = 0;
  virtual TaintFact globalFact(const LocKey &K) const = 0;
  virtual void writeGlobal(const LocKey &K, const TaintFact &F) = 0;
  virtual const ConstantConditions &constants() const = 0;
  virtual std::vector<const clang::FunctionDecl *> overriders(const clang::CXXMethodDecl *M) const = 0;
  virtual std::vector<EntrySeed> seedsFor(const clang::FunctionDecl *FD) = 0;
  /// Annotation-declared sinks on parameters: param index -> category.
  virtual const std::vector<std::pair<unsigned, SinkCategory>> &
  paramSinks(const clang::FunctionDecl *FD) = 0;
  /// \p FD (a definition) is called by a function of this unit's main file,
  /// or (with a summary store) by a function of another unit.
  virtual bool isCalledInUnit(const clang::FunctionDecl *FD) = 0;
  /// \p T is the type of a request handler's request parameter.
  virtual bool isRequestType(clang::QualType T) = 0;
  /// Whether \p Terminator (an if, switch or ?: of \p FD) is a sink itself.
  virtual std::optional<BranchSink> branchSinkAt(const clang::Stmt *Terminator,
                                                 const clang::FunctionDecl *FD) = 0;
  /// \p FD's analysis stopped at the work budget (its findings may be missing).
  virtual void noteExhausted(const clang::FunctionDecl *FD) = 0;
  /// Which names, keys and annotations make a value a secret or end-user data.
  virtual SensitiveData &sensitive() = 0;

  // --- request authentication (propagation/AuthenticationTransfer) ---------
  /// Which calls verify a token or check credentials.
  virtual jwt::VerificationIndex &verifications() = 0;
  /// \p FD (a definition) holds a request handler's code: the handler with
  /// its request and route parameters as \p FD's; null otherwise.
  virtual const RequestHandler *handlerBodyFor(const clang::FunctionDecl *FD) = 0;
  /// \p FD is a request handler of this unit.
  virtual bool isHandler(const clang::FunctionDecl *FD) = 0;
  /// \p FD holds a request handler's code, and code that runs before it (a
  /// filter, middleware, pre-routing handler) verifies the request's token:
  /// its analysis starts with the request's token verified.
  virtual bool requestVerifiedBefore(const clang::FunctionDecl *FD) = 0;
  /// What an entry's analysis found about authentication.
  virtual void recordAuthentication(const clang::FunctionDecl *FD, AuthenticationOutcome O) = 0;
};

} // namespace appsec
