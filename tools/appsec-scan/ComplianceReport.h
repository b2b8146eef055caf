//===- ComplianceReport.h - the scan seen requirement by requirement ----===//
//
// A reviewer's view of a scan: every requirement of the active catalog, the
// checks that cover it, the findings that break it, and the requirements no
// static check covers ("needs evidence"). Rendered as GitHub-flavoured
// Markdown (a PR comment) and as one self-contained HTML page (inline CSS,
// no scripts, source excerpts with the flagged and path lines highlighted).
// See docs/appsec-scan.md, "Compliance report".
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Report.h"
#include "requirements/RequirementCatalog.h"

#include "llvm/Support/raw_ostream.h"

#include <set>
#include <string>
#include <vector>

namespace appsec::scan {

enum class RequirementStatus {
  Findings,      ///< at least one finding of a check that covers it
  Clean,         ///< covered by checks that ran, and they found nothing
  NeedsEvidence, ///< no check that ran covers it: a reviewer needs other evidence
};

struct RequirementRow {
  const Requirement *Req = nullptr;
  RequirementStatus Status = RequirementStatus::NeedsEvidence;
  std::vector<std::string> Checks;      ///< the catalog's checks for it, in catalog order
  std::vector<std::string> ChecksNotRun; ///< of those, not enabled (or unknown) in this scan
  std::vector<size_t> Findings;         ///< indexes into ScanResult::Findings
  std::string Why;                      ///< one sentence: why this status
};

struct ComplianceInput {
  const ScanResult *Result = nullptr;
  const RequirementCatalog *Catalog = nullptr;
  std::string CatalogOrigin;           ///< "built-in ..." or the catalog's path
  std::set<std::string> EnabledChecks; ///< appsec checks the scan ran
  std::string ToolVersion;
  std::string ScanDate;                ///< ISO 8601, UTC
  /// URL of the source root for code links, e.g. https://github.com/o/r/blob/<sha>;
  /// empty: paths are shown without links (the HTML links to its excerpts).
  std::string CodeBaseUrl;
};

struct ComplianceModel {
  ComplianceInput In;
  std::vector<RequirementRow> Rows;  ///< catalog order
  std::vector<size_t> Unmapped;      ///< findings of checks the catalog lists nowhere
  size_t FailedUnits = 0;
  size_t Count(RequirementStatus S) const;
};

/// Classifies every requirement of In.Catalog against In.Result.
ComplianceModel buildCompliance(const ComplianceInput &In);

void writeComplianceMarkdown(llvm::raw_ostream &OS, const ComplianceModel &M);
void writeComplianceHtml(llvm::raw_ostream &OS, const ComplianceModel &M);

/// The scan date: $SOURCE_DATE_EPOCH when set (reproducible reports), else now;
/// ISO 8601 in UTC ("2024-05-01T12:00:00Z").
std::string scanDate();

} // namespace appsec::scan
