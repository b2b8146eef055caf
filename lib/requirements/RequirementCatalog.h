//===- RequirementCatalog.h - the security requirements checks enforce --===//
//
// A catalog is a JSON file describing a security policy: its requirements
// (id, category, title, summary, source) and which checks cover each one.
// The default is the Atlassian Marketplace Cloud App Security Requirements
// (2022 scheme), embedded in the tool; an organisation can point the option
// AppSecRequirementCatalog at its own file to map the same checks onto its
// policy. docs/requirements.md describes the format.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace appsec {

/// Whether a static check in C++ source can show a requirement is broken.
enum class Checkability { Yes, Partly, No };

struct Requirement {
  std::string Id;          ///< "3"
  std::string Category;    ///< "Data Protection"
  std::string Title;       ///< "Transport layer security"
  std::string Summary;     ///< one paragraph in the catalog author's words
  std::string Source;      ///< URL of the authoritative text
  Checkability Checkable = Checkability::No;
  std::string CoverageNote; ///< what code can show, or why it cannot
  std::vector<std::string> Checks; ///< check names that enforce it
};

class RequirementCatalog {
public:
  /// Parses catalog text. On failure returns null and sets \p Error to a
  /// message naming \p FileName, the entry and what was expected.
  static std::shared_ptr<const RequirementCatalog>
  parse(std::string_view Text, std::string_view FileName, std::string &Error);

  /// Reads and parses \p Path; results are cached per path for the process.
  static std::shared_ptr<const RequirementCatalog> load(const std::string &Path,
                                                        std::string &Error);

  /// The embedded default catalog (Atlassian Cloud, 2022 scheme).
  static std::shared_ptr<const RequirementCatalog> builtin();

  const std::string &name() const { return Name; }
  /// Short policy label used in diagnostics, e.g. "Atlassian".
  const std::string &label() const { return Label; }
  const std::string &version() const { return Version; }
  const std::string &source() const { return Source; }
  const std::vector<std::string> &categories() const { return Categories; }
  const std::vector<Requirement> &requirements() const { return Requirements; }

  const Requirement *find(std::string_view Id) const;
  /// Requirements that list \p CheckName, in catalog order.
  std::vector<const Requirement *> requirementsFor(std::string_view CheckName) const;

private:
  friend struct CatalogBuilder;
  std::string Name, Label, Version, Source;
  std::vector<std::string> Categories;
  std::vector<Requirement> Requirements;
};

std::string_view toString(Checkability C);

} // namespace appsec
