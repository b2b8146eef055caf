//===- FindingText.h - how a finding names the requirement it breaks ----===//
//
// Every appsec diagnostic ends with the requirement clause, e.g.
//   "...; violates Atlassian requirement 3 (Transport layer security)"
// built from the active catalog, so an organisation's own catalog changes the
// wording without touching the checks.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "requirements/RequirementCatalog.h"

#include "clang/Basic/SourceLocation.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace appsec {

/// "violates <label> requirement <id> (<title>)" for the requirement(s) of
/// \p Catalog that list \p CheckName; a clause saying it is unmapped otherwise.
std::string requirementClause(const RequirementCatalog &Catalog,
                              std::string_view CheckName);

/// \p Message + "; " + requirementClause(...).
std::string findingText(std::string_view Message,
                        const RequirementCatalog &Catalog,
                        std::string_view CheckName);

/// A finding as the engine words it, before the check reports it: the
/// message (the requirement clause is added when reported), notes, and an
/// optional fix-it.
struct DiagnosticText {
  clang::SourceLocation Loc;
  std::string Message;
  std::vector<std::pair<clang::SourceLocation, std::string>> Notes;
  /// A replacement that fixes the finding, where it is unambiguous.
  std::optional<std::pair<clang::CharSourceRange, std::string>> FixIt;
};

} // namespace appsec
