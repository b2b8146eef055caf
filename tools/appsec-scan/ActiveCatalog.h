//===- ActiveCatalog.h - the requirement catalog(s) a scan reports against ===//
//
// The checks take their catalog from the option AppSecRequirementCatalog
// (global, or <check>.AppSecRequirementCatalog for one check; empty = the
// embedded Atlassian catalog). The scan's reports (SARIF rule tags, the JSON
// report, the compliance report) must name the same requirements as the
// findings' messages, so the parent process resolves the option exactly as
// ClangTidyCheck::OptionsView::getLocalOrGlobal does.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "requirements/RequirementCatalog.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace appsec::scan {

class CatalogSelection {
public:
  /// Loads the catalogs named by \p Opts.CheckOptions. On failure returns
  /// nullopt with \p Error naming the file, the entry and the problem.
  static std::optional<CatalogSelection> fromOptions(const clang::tidy::ClangTidyOptions &Opts,
                                                     std::string &Error);
  /// The embedded catalog for every check.
  static CatalogSelection builtinOnly();

  /// The catalog of the global option (the built-in one when unset).
  const RequirementCatalog &global() const { return *Global; }
  /// "built-in atlassian-cloud-2022.json" or the path of the global option.
  const std::string &globalOrigin() const { return GlobalOrigin; }
  /// The catalog \p Check reports against.
  const RequirementCatalog &forCheck(llvm::StringRef Check) const;
  /// Checks whose own option names a catalog other than the global one.
  std::set<std::string> checksWithOwnCatalog() const;

private:
  std::shared_ptr<const RequirementCatalog> Global;
  std::string GlobalOrigin;
  std::map<std::string, std::shared_ptr<const RequirementCatalog>> PerCheck;
};

/// The appsec checks (from checks/AppSecChecks.def) that \p Opts.Checks enables.
std::set<std::string> enabledAppSecChecks(const clang::tidy::ClangTidyOptions &Opts);

} // namespace appsec::scan
