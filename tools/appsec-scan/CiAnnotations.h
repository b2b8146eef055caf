//===- CiAnnotations.h - findings in the formats CI systems display -----===//
//
// GitHub Actions workflow commands (::warning file=...::message), which the
// runner turns into annotations on the pull request's diff, and the GitLab
// Code Quality report (a JSON array), which merge requests show as a widget
// and in the diff. See docs/appsec-scan.md, "CI annotations".
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Report.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace appsec::scan {

/// GitHub's escaping of a workflow command's message (@actions/core
/// escapeData): % -> %25, CR -> %0D, LF -> %0A.
std::string githubEscapeData(llvm::StringRef S);
/// ... and of a property value (escapeProperty): also : -> %3A, , -> %2C.
std::string githubEscapeProperty(llvm::StringRef S);

/// One ::error/::warning/::notice command per finding (its path notes on the
/// following lines of the message), and one ::error per unit that failed.
void writeGithubAnnotations(llvm::raw_ostream &OS, const ScanResult &R);

/// The Code Quality severity of a finding: from the check's security-severity
/// (>= 9.0 critical, >= 7.0 major, >= 4.0 minor, else info; other checks:
/// minor), one step higher for findings at level error (WarningsAsErrors),
/// up to blocker.
std::string gitlabSeverity(const Finding &F);

/// The GitLab Code Quality report: [{description, check_name, fingerprint,
/// severity, location: {path, lines: {begin}}}, ...]. The fingerprint is a
/// hash of the check, the path and the line-number-free SARIF fingerprint, so
/// it is unique in the report and survives unrelated edits.
void writeGitlabCodeQuality(llvm::raw_ostream &OS, const ScanResult &R);

} // namespace appsec::scan
