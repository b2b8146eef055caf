//===- AppSecCheck.h - base of every appsec check -----------------------===//
//
// Gives each check the active requirement catalog and report(), which ends
// every diagnostic with the requirement it enforces. Options read here:
//   AppSecRequirementCatalog  path to a catalog JSON file (global or per check);
//                             empty = the embedded Atlassian 2022 catalog.
//   AppSecIncludeTestCode     "true": also report in unit tests (translation
//                             units that include a unit-test framework, see
//                             support/TestCode.h); by default their
//                             findings are dropped (global or per check).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "reporting/FindingText.h"
#include "requirements/RequirementCatalog.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <memory>
#include <optional>
#include <string>

namespace clang::tidy::appsec {

class AppSecCheck : public ClangTidyCheck {
public:
  AppSecCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// Remembers the SourceManager; checks that add PP callbacks call this too.
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

protected:
  /// A warning at \p Loc whose text is \p Message followed by the requirement
  /// clause of the active catalog. Add fix-its to the returned builder.
  DiagnosticBuilder report(SourceLocation Loc, StringRef Message);
  /// A note (no requirement clause), e.g. a step of a path.
  DiagnosticBuilder note(SourceLocation Loc, StringRef Message);
  /// A finding worded by lib/reporting: the warning, its notes and fix-it.
  void report(const ::appsec::DiagnosticText &Finding);

  const ::appsec::RequirementCatalog &catalog() const { return *Catalog; }

private:
  /// The unit is a unit test and the options leave test code out.
  bool muted();

  const SourceManager *Sources = nullptr;
  std::string CatalogPath;
  bool IncludeTestCode;
  std::optional<bool> TestUnit; ///< checks are made per translation unit
  std::shared_ptr<const ::appsec::RequirementCatalog> Catalog;
};

} // namespace clang::tidy::appsec
