//===- EngineClient.h - a check's view of the shared analysis ------------===//
//
// Every check that asks the engine (the eight untrusted-data checks,
// appsec-sensitive-logging and the JWT claim part of
// appsec-jwt-missing-verification) is a configuration of
// the same analysis: which labels count as its sources, which sink category
// it reports. EngineClient reads the engine options (global unless a check
// sets its own), hands the main file's functions to the engine shared by all
// checks with the same options, and returns the findings of one category
// whose data carries one of the check's source labels.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "engine/TaintEngine.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <functional>
#include <string>
#include <vector>

namespace clang::tidy::appsec {

class EngineClient {
public:
  /// \p DefaultSources: the value of the check's `Sources` option when unset
  /// ("auto", "all", "remote", "local" or a comma-separated list of label
  /// names; auto counts local origins only in units without request handlers);
  /// empty: the check has no such option and counts \p FixedSources.
  EngineClient(ClangTidyCheck::OptionsView &Options, StringRef DefaultSources,
               ::appsec::LabelMask FixedSources = 0);
  void storeOptions(ClangTidyCheck::OptionsView &Options, ClangTidyOptions::OptionMap &Opts);

  /// Registers the matchers that find the main file's functions and lambdas.
  void registerMatchers(ast_matchers::MatchFinder *Finder,
                        ast_matchers::MatchFinder::MatchCallback *Check);
  /// Hands a match of those matchers to the engine. \p ConfigError receives
  /// broken model files, patterns and Sources values (once per unit).
  void add(const ast_matchers::MatchFinder::MatchResult &Result,
           const std::function<void(const std::string &)> &ConfigError);
  /// The findings of \p Category that the check's sources reach; runs the
  /// analysis the first time any check sharing the engine asks.
  std::vector<const ::appsec::SinkFinding *> findings(::appsec::SinkCategory Category);
  /// Results (verification error codes) never read after their call.
  const std::vector<::appsec::UncheckedResult> &uncheckedResults();
  /// Remarks on the analysis itself, once per engine (no other check sharing
  /// it has reported them yet; call after findings()): a summary store that
  /// could not be read or written, and, when the option
  /// ReportBudgetExhaustion is on, the main file's functions whose analysis
  /// stopped at the work budget.
  std::vector<std::pair<SourceLocation, std::string>> remarks();
  /// The engine's authentication outcome of \p FD (a handler body or a
  /// caller of handlers); null if the engine did not track it.
  const ::appsec::AuthenticationOutcome *authentication(const FunctionDecl *FD) {
    return Engine ? Engine->authentication(FD) : nullptr;
  }
  /// Whether a function defined in another unit verifies a token, from the
  /// summary store (nullopt: no store, or it does not know the function).
  std::optional<bool> verifiesElsewhere(const FunctionDecl *F) {
    return Engine ? Engine->verifiesElsewhere(F) : std::nullopt;
  }
  bool handlesJwtElsewhere(const FunctionDecl *F) {
    return Engine && Engine->handlesJwtElsewhere(F);
  }
  /// Forgets the translation unit.
  void reset() { Engine.reset(); }
  bool active() const { return Engine != nullptr; }

private:
  ::appsec::EngineOptions Opts;
  std::string SourcesText; ///< the option's value; empty if the check has none
  ::appsec::LabelMask Sources = 0;
  bool AutoSources = false;
  bool ReportBudgets = false; ///< Sources: auto (remote always, local outside services)
  std::shared_ptr<::appsec::TaintEngine> Engine;
};

} // namespace clang::tidy::appsec
