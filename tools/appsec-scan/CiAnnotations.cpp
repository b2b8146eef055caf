//===- CiAnnotations.cpp - findings in the formats CI systems display ---===//
#include "CiAnnotations.h"

#include "CheckList.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace appsec::scan {

// ---- GitHub Actions workflow commands ------------------------------------------

std::string githubEscapeData(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '%': Out += "%25"; break;
    case '\r': Out += "%0D"; break;
    case '\n': Out += "%0A"; break;
    default: Out += C;
    }
  }
  return Out;
}

std::string githubEscapeProperty(llvm::StringRef S) {
  std::string Out;
  for (char C : githubEscapeData(S)) {
    switch (C) {
    case ':': Out += "%3A"; break;
    case ',': Out += "%2C"; break;
    default: Out += C;
    }
  }
  return Out;
}

static void command(llvm::raw_ostream &OS, llvm::StringRef Kind, const Position &P,
                    const std::string &Root, llvm::StringRef Title, llvm::StringRef Message) {
  OS << "::" << Kind << " ";
  std::vector<std::string> Props;
  if (!P.File.empty())
    Props.push_back("file=" + githubEscapeProperty(displayPath(P.File, Root)));
  if (P.Line) {
    Props.push_back("line=" + std::to_string(P.Line));
    if (P.ColumnCp)
      Props.push_back("col=" + std::to_string(P.ColumnCp));
    if (P.EndColumnCp > P.ColumnCp) {
      Props.push_back("endLine=" + std::to_string(P.Line));
      Props.push_back("endColumn=" + std::to_string(P.EndColumnCp));
    }
  }
  Props.push_back("title=" + githubEscapeProperty(Title));
  OS << llvm::join(Props, ",") << "::" << githubEscapeData(Message) << "\n";
}

static std::string where(const Position &P, const std::string &Root) {
  return displayPath(P.File, Root) +
         (P.Line ? ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column) : "");
}

void writeGithubAnnotations(llvm::raw_ostream &OS, const ScanResult &R) {
  for (const Finding &F : R.Findings) {
    std::string Message = F.Message;
    for (const Note &N : F.Notes)
      Message += "\n" + (N.Pos.File.empty() ? std::string() : where(N.Pos, R.SourceRoot) + ": ") +
                 "note: " + N.Message;
    llvm::StringRef Kind = F.Level == "error" ? "error" : F.Level == "note" ? "notice" : "warning";
    command(OS, Kind, F.Pos, R.SourceRoot, F.Check, Message);
  }
  for (const UnitResult &U : R.Units) {
    if (U.Ok)
      continue;
    Position Where;
    Where.File = U.File;
    std::string Message = "appsec-scan could not scan " + displayPath(U.File, R.SourceRoot) +
                          ": " + U.FailureReason;
    if (!U.Errors.empty()) {
      if (!U.Errors.front().Pos.File.empty())
        Where = U.Errors.front().Pos;
      Message += "\n" + U.Errors.front().Message;
    }
    command(OS, "error", Where, R.SourceRoot, "appsec-scan: translation unit not scanned",
            Message);
  }
}

// ---- GitLab Code Quality ----------------------------------------------------------

static const char *const Severities[] = {"info", "minor", "major", "critical", "blocker"};

std::string gitlabSeverity(const Finding &F) {
  int Rank = 1; // minor: checks without a security-severity
  for (const auto &C : clang::tidy::appsec::allChecks())
    if (C.Name == F.Check)
      Rank = C.SecuritySeverity >= 9.0 ? 3 : C.SecuritySeverity >= 7.0 ? 2
             : C.SecuritySeverity >= 4.0 ? 1 : 0;
  if (F.Level == "error")
    ++Rank;
  return Severities[std::min(Rank, 4)];
}

void writeGitlabCodeQuality(llvm::raw_ostream &OS, const ScanResult &R) {
  using json = nlohmann::ordered_json;
  json Issues = json::array();
  for (const Finding &F : R.Findings) {
    std::string Path = displayPath(F.Pos.File, R.SourceRoot);
    llvm::SHA1 H;
    H.update(F.Check);
    H.update(llvm::ArrayRef<uint8_t>{0});
    H.update(Path);
    H.update(llvm::ArrayRef<uint8_t>{0});
    H.update(F.Fingerprint);
    auto Digest = H.final();
    std::string Description = F.Message;
    Issues.push_back(
        {{"type", "issue"},
         {"description", Description},
         {"check_name", F.Check},
         {"fingerprint", llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 16), true)},
         {"severity", gitlabSeverity(F)},
         {"location", {{"path", Path}, {"lines", {{"begin", std::max(1u, F.Pos.Line)}}}}}});
  }
  OS << Issues.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

} // namespace appsec::scan
