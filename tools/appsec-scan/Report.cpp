//===- Report.cpp - merge per-unit results and render them --------------===//
#include "Report.h"

#include "ActiveCatalog.h"
#include "CheckList.h"
#include "StableSort.h"
#include "requirements/RequirementCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA1.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace appsec::scan {

using json = nlohmann::ordered_json;

// ---- merging and fingerprints ------------------------------------------------

std::string normaliseLine(const std::string &Line) {
  std::string Out;
  for (char C : Line)
    if (!std::isspace(static_cast<unsigned char>(C)))
      Out += C;
  return Out;
}

std::string fingerprint(const std::string &Check, const std::string &LineText,
                        unsigned Occurrence) {
  // The occurrence is not hashed (as in GitHub's own primaryLocationLineHash):
  // findings of one check on identical lines share the hash, so a merge of
  // shards can renumber them (Merge.cpp).
  llvm::SHA1 H;
  H.update(Check);
  H.update(llvm::ArrayRef<uint8_t>{0});
  H.update(normaliseLine(LineText));
  auto Digest = H.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 8), /*LowerCase=*/true) +
         ":" + std::to_string(Occurrence);
}

/// The order of a finding's copies when a header finding is seen from several
/// units: by the located notes (the ones SARIF shows), then by all notes.
/// Merge.cpp computes the same order from the reports.
using NotesKey = std::vector<std::tuple<std::string, unsigned, unsigned, std::string>>;
static std::pair<NotesKey, NotesKey> notesKey(const Finding &F, const std::string &Root) {
  NotesKey Located, All;
  for (const Note &N : F.Notes) {
    auto T = std::make_tuple(displayPath(N.Pos.File, Root), N.Pos.Line, N.Pos.Column, N.Message);
    if (!N.Pos.File.empty() && N.Pos.Line)
      Located.push_back(T);
    All.push_back(T);
  }
  return {Located, All};
}

void mergeFindings(ScanResult &R) {
  struct Keyed {
    std::string Path;
    std::pair<NotesKey, NotesKey> Notes;
    const Finding *F;
  };
  std::vector<Keyed> All;
  for (const UnitResult &U : R.Units)
    for (const Finding &F : U.Findings)
      All.push_back({displayPath(F.Pos.File, R.SourceRoot), notesKey(F, R.SourceRoot), &F});
  // Sorted by what the reports show (display path, not absolute path), so a
  // merge of shards can restore this order from the reports alone.
  stableSort(All.begin(), All.end(), [](const Keyed &A, const Keyed &B) {
    return std::tie(A.Path, A.F->Pos.Line, A.F->Pos.Column, A.F->Check, A.F->Message, A.Notes) <
           std::tie(B.Path, B.F->Pos.Line, B.F->Pos.Column, B.F->Check, B.F->Message, B.Notes);
  });
  std::vector<Finding> Merged;
  for (size_t I = 0; I < All.size(); ++I) {
    const Finding &F = *All[I].F;
    if (I > 0) {
      const Finding &P = *All[I - 1].F;
      if (std::tie(F.Check, F.Pos.File, F.Pos.Line, F.Pos.Column, F.Message) ==
          std::tie(P.Check, P.Pos.File, P.Pos.Line, P.Pos.Column, P.Message))
        continue; // the same finding seen from another unit
    }
    Merged.push_back(F);
  }
  // Occurrence index of (file, check, normalised line) in file order: the line
  // number itself is left out, so unrelated edits above do not change it.
  std::map<std::tuple<std::string, std::string, std::string>, unsigned> Count;
  for (Finding &F : Merged) {
    unsigned N = ++Count[{F.Pos.File, F.Check, normaliseLine(F.Pos.LineText)}];
    F.Fingerprint = fingerprint(F.Check, F.Pos.LineText, N);
  }
  R.Findings = std::move(Merged);
}

std::string displayPath(const std::string &File, const std::string &Root) {
  if (!Root.empty() && File.size() > Root.size() + 1 &&
      File.compare(0, Root.size(), Root) == 0 && File[Root.size()] == '/')
    return File.substr(Root.size() + 1);
  if (Root == "/" && !File.empty() && File[0] == '/')
    return File.substr(1);
  return File;
}

static std::string percentEncode(const std::string &Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (std::isalnum(C) || C == '/' || C == '-' || C == '_' || C == '.' || C == '~')
      Out += static_cast<char>(C);
    else
      Out += llvm::formatv("%{0:X2}", static_cast<unsigned>(C)).str();
  }
  return Out;
}

std::string artifactUri(const std::string &File, const std::string &Root, bool &Relative) {
  std::string Rel = displayPath(File, Root);
  Relative = Rel != File;
  return Relative ? percentEncode(Rel) : "file://" + percentEncode(File);
}

// ---- text ----------------------------------------------------------------------

static void writeLocation(llvm::raw_ostream &OS, const Position &P, const std::string &Root) {
  if (P.File.empty())
    OS << "<unknown>";
  else
    OS << displayPath(P.File, Root);
  if (P.Line)
    OS << ":" << P.Line << ":" << P.Column;
  OS << ": ";
}

static void writeSnippet(llvm::raw_ostream &OS, const Position &P) {
  if (!P.Line || P.LineText.empty())
    return;
  OS << P.LineText << "\n";
  for (unsigned I = 1; I < P.Column && I - 1 < P.LineText.size(); ++I)
    OS << (P.LineText[I - 1] == '\t' ? '\t' : ' ');
  OS << "^\n";
}

void writeText(llvm::raw_ostream &OS, const ScanResult &R) {
  for (const UnitResult &U : R.Units)
    for (const Note &N : U.Notices) {
      writeLocation(OS, N.Pos, R.SourceRoot);
      OS << "remark: " << N.Message << "\n";
    }
  for (const Finding &F : R.Findings) {
    writeLocation(OS, F.Pos, R.SourceRoot);
    OS << F.Level << ": " << F.Message << " [" << F.Check << "]\n";
    writeSnippet(OS, F.Pos);
    for (const Note &N : F.Notes) {
      writeLocation(OS, N.Pos, R.SourceRoot);
      OS << "note: " << N.Message << "\n";
      writeSnippet(OS, N.Pos);
    }
  }
}

// ---- JSON ----------------------------------------------------------------------

static json shardJson(const ShardInfo &S) {
  return {{"index", S.Index},
          {"count", S.Count},
          {"translationUnits", S.Units},
          {"totalTranslationUnits", S.TotalUnits},
          {"configuration", S.Configuration}};
}

static json positionJson(const Position &P, const std::string &Root) {
  return {{"file", displayPath(P.File, Root)}, {"line", P.Line}, {"column", P.Column}};
}

/// The ids of the requirements \p Check enforces in its active catalog.
static std::vector<std::string> requirementIds(const std::string &Check,
                                               const CatalogSelection *Catalogs) {
  const ::appsec::RequirementCatalog &Catalog =
      Catalogs ? Catalogs->forCheck(Check) : *::appsec::RequirementCatalog::builtin();
  std::vector<std::string> Ids;
  for (const ::appsec::Requirement *Req : Catalog.requirementsFor(Check))
    Ids.push_back(Req->Id);
  return Ids;
}

void writeJson(llvm::raw_ostream &OS, const ScanResult &R, const std::string &ToolVersion,
               const CatalogSelection *Catalogs) {
  std::map<std::string, const ::appsec::CheckInfo *> Infos;
  for (const auto &C : clang::tidy::appsec::allChecks())
    Infos[std::string(C.Name)] = &C;
  json Findings = json::array();
  for (const Finding &F : R.Findings) {
    json J = positionJson(F.Pos, R.SourceRoot);
    J["check"] = F.Check;
    J["level"] = F.Level;
    J["message"] = F.Message;
    J["fingerprint"] = F.Fingerprint;
    auto It = Infos.find(F.Check);
    if (It != Infos.end()) {
      J["requirements"] = requirementIds(F.Check, Catalogs);
      J["cwe"] = std::string(It->second->Cwe);
      J["securitySeverity"] = It->second->SecuritySeverity;
    }
    json Notes = json::array();
    for (const Note &N : F.Notes) {
      json NJ = positionJson(N.Pos, R.SourceRoot);
      NJ["message"] = N.Message;
      Notes.push_back(NJ);
    }
    J["notes"] = Notes;
    Findings.push_back(J);
  }
  json Failures = json::array();
  unsigned Failed = 0;
  for (const UnitResult &U : R.Units) {
    if (U.Ok)
      continue;
    ++Failed;
    json Errors = json::array();
    for (const Note &E : U.Errors) {
      json EJ = positionJson(E.Pos, R.SourceRoot);
      EJ["message"] = E.Message;
      Errors.push_back(EJ);
    }
    Failures.push_back({{"translationUnit", displayPath(U.File, R.SourceRoot)},
                        {"reason", U.FailureReason},
                        {"errors", Errors}});
  }
  json Incomplete = json::array();
  for (const UnitResult &U : R.Units)
    for (const Note &N : U.Notices) {
      json NJ = positionJson(N.Pos, R.SourceRoot);
      NJ["translationUnit"] = displayPath(U.File, R.SourceRoot);
      NJ["message"] = N.Message;
      Incomplete.push_back(NJ);
    }
  // Nothing here depends on how the scan ran (time, -j, shards' order), so
  // the merge of shards equals a single run byte for byte (Merge.cpp).
  json Out = {
      {"schemaVersion", 2},
      {"tool", {{"name", "appsec-scan"}, {"version", ToolVersion}}},
      {"sourceRoot", R.SourceRoot},
      {"compilationDatabase", R.Database},
      {"summary",
       {{"translationUnits", R.Units.size()},
        {"failedTranslationUnits", Failed},
        {"findings", R.Findings.size()},
        {"suppressedByBaseline", R.SuppressedByBaseline}}},
      {"findings", Findings},
      {"failures", Failures},
      {"incompleteAnalyses", Incomplete}};
  if (R.Diff)
    Out["diff"] = {{"range", R.Diff->Range},
                   {"findingsOutsideDiff", R.Diff->OutsideDiff},
                   {"unchangedTranslationUnits", R.Diff->UnchangedUnits}};
  if (R.Shard)
    Out["shard"] = shardJson(*R.Shard);
  OS << Out.dump(2) << "\n";
}

// ---- SARIF 2.1.0 -----------------------------------------------------------------

static std::string clip(std::string S, size_t Max) {
  if (S.size() <= Max)
    return S;
  S.resize(Max - 3);
  while (!S.empty() && (static_cast<unsigned char>(S.back()) & 0xC0) == 0x80)
    S.pop_back(); // do not cut a UTF-8 sequence
  if (!S.empty() && (static_cast<unsigned char>(S.back()) & 0xC0) == 0xC0)
    S.pop_back();
  return S + "...";
}

static json physicalLocation(const Position &P, const std::string &Root) {
  bool Relative = false;
  json Artifact = {{"uri", artifactUri(P.File, Root, Relative)}};
  if (Relative)
    Artifact["uriBaseId"] = "%SRCROOT%";
  json Loc = {{"artifactLocation", Artifact}};
  if (P.Line) {
    json Region = {{"startLine", P.Line}, {"startColumn", std::max(1u, P.ColumnCp)}};
    if (P.EndColumnCp > P.ColumnCp)
      Region["endColumn"] = P.EndColumnCp;
    Loc["region"] = Region;
  }
  return Loc;
}

/// GitHub code scanning reads at most 20 tags per rule; a catalog that maps a
/// check to many requirements keeps the first ones.
static void addTag(json &Tags, const std::string &Tag) {
  if (Tags.size() < 20 && std::find(Tags.begin(), Tags.end(), json(Tag)) == Tags.end())
    Tags.push_back(Tag);
}

static json ruleFor(const std::string &Name, const ::appsec::CheckInfo *Info,
                    const SarifOptions &Opts) {
  std::string Base = Opts.DocsBaseUrl.empty() ? "docs" : Opts.DocsBaseUrl;
  while (Base.size() > 1 && Base.back() == '/')
    Base.pop_back();
  if (!Info) {
    // A non-appsec check the user enabled: clang-tidy's own documentation.
    std::string Uri = "https://clang.llvm.org/extra/clang-tidy/checks/list.html";
    return {{"id", Name},
            {"shortDescription", {{"text", "clang-tidy check " + Name}}},
            {"fullDescription", {{"text", "clang-tidy check " + Name + "."}}},
            {"defaultConfiguration", {{"level", "warning"}}},
            {"help",
             {{"text", "See the clang-tidy documentation of " + Name + ": " + Uri},
              {"markdown", "See the clang-tidy documentation of `" + Name + "`: <" + Uri + ">"}}},
            {"helpUri", Uri},
            {"properties", {{"tags", json::array({"maintainability"})}}}};
  }
  const ::appsec::RequirementCatalog &Catalog =
      Opts.Catalogs ? Opts.Catalogs->forCheck(Name) : *::appsec::RequirementCatalog::builtin();
  std::string DocUri = Base + "/checks/" + Name + ".md";
  std::string Cwe(Info->Cwe);
  std::string CweNum = Cwe.rfind("CWE-", 0) == 0 ? Cwe.substr(4) : Cwe;
  std::string CweUrl = "https://cwe.mitre.org/data/definitions/" + CweNum + ".html";
  json Tags = json::array({"security"});
  if (!CweNum.empty())
    Tags.push_back("external/cwe/cwe-" + CweNum);
  std::string ReqText, ReqMarkdown;
  // The requirements of the active catalog, as the findings' messages name them.
  for (const ::appsec::Requirement *Req : Catalog.requirementsFor(Name)) {
    std::string Label = Catalog.label() + " requirement " + Req->Id;
    addTag(Tags, Label);
    std::string Title = Req->Title;
    if (!Req->Category.empty())
      addTag(Tags, Req->Category);
    ReqText += (ReqText.empty() ? "" : "; ") + Label + (Title.empty() ? "" : " (" + Title + ")");
    ReqMarkdown += "- " + Label + (Title.empty() ? "" : ": " + Title) +
                   (!Req->Category.empty() ? " (" + Req->Category + ")" : "") +
                   (!Req->Source.empty() ? " - <" + Req->Source + ">" : "") + "\n";
  }
  std::string Summary(Info->Summary);
  std::string Full = Summary + " " + Cwe + (ReqText.empty() ? "" : "; enforces " + ReqText) + ".";
  std::string HelpText = Full + "\nDocumentation: " + DocUri + "\n" + Cwe + ": " + CweUrl;
  std::string HelpMd = "**" + Name + "**: " + Summary + "\n\n" +
                       "Weakness: [" + Cwe + "](" + CweUrl + ")\n\n" +
                       (ReqMarkdown.empty() ? "" : "Requirements:\n\n" + ReqMarkdown + "\n") +
                       "[Documentation of " + Name + "](" + DocUri + ")\n";
  return {{"id", Name},
          {"name", Name},
          {"shortDescription", {{"text", clip(Summary, 1024)}}},
          {"fullDescription", {{"text", clip(Full, 1024)}}},
          {"defaultConfiguration", {{"level", "warning"}}},
          {"help", {{"text", HelpText}, {"markdown", HelpMd}}},
          {"helpUri", DocUri},
          {"properties",
           {{"tags", Tags},
            {"precision", std::string(Info->Precision)},
            {"problem.severity", "warning"},
            {"security-severity", llvm::formatv("{0:F1}", Info->SecuritySeverity).str()}}}};
}

void writeSarif(llvm::raw_ostream &OS, const ScanResult &R, const SarifOptions &Opts) {
  // One rule per appsec check, then any other check that reported something.
  json Rules = json::array();
  std::map<std::string, size_t> RuleIndex;
  for (const auto &C : clang::tidy::appsec::allChecks()) {
    RuleIndex[std::string(C.Name)] = Rules.size();
    Rules.push_back(ruleFor(std::string(C.Name), &C, Opts));
  }
  for (const Finding &F : R.Findings)
    if (!RuleIndex.count(F.Check)) {
      RuleIndex[F.Check] = Rules.size();
      Rules.push_back(ruleFor(F.Check, nullptr, Opts));
    }

  json Results = json::array();
  for (const Finding &F : R.Findings) {
    json Res = {{"ruleId", F.Check},
                {"ruleIndex", RuleIndex[F.Check]},
                {"level", F.Level == "note" ? "note" : F.Level},
                {"message", {{"text", F.Message}}},
                {"locations", json::array({{{"physicalLocation", physicalLocation(F.Pos, R.SourceRoot)}}})},
                {"partialFingerprints", {{"primaryLocationLineHash", F.Fingerprint}}}};
    std::vector<const Note *> Located;
    for (const Note &N : F.Notes)
      if (!N.Pos.File.empty() && N.Pos.Line)
        Located.push_back(&N);
    if (!Located.empty()) {
      json Related = json::array();
      json Flow = json::array();
      int Id = 1;
      for (const Note *N : Located) {
        json L = {{"physicalLocation", physicalLocation(N->Pos, R.SourceRoot)},
                  {"message", {{"text", N->Message}}}};
        json RL = L;
        RL["id"] = Id++;
        Related.push_back(RL);
        Flow.push_back({{"location", L}});
        if (Flow.size() >= 999)
          break;
      }
      // The notes lead from the source through the steps; the sink is the
      // finding's own location and closes the path.
      Flow.push_back({{"location",
                       {{"physicalLocation", physicalLocation(F.Pos, R.SourceRoot)},
                        {"message", {{"text", "sink: " + F.Message}}}}}});
      Res["relatedLocations"] = Related;
      Res["codeFlows"] = json::array({{{"threadFlows", json::array({{{"locations", Flow}}})}}});
    }
    Results.push_back(Res);
  }

  json Notifications = json::array();
  bool AllOk = true;
  for (const UnitResult &U : R.Units) {
    if (U.Ok)
      continue;
    AllOk = false;
    std::string Text = displayPath(U.File, R.SourceRoot) + ": " + U.FailureReason;
    if (!U.Errors.empty())
      Text += ": " + U.Errors.front().Message +
              (U.Errors.size() > 1 ? " (and " + std::to_string(U.Errors.size() - 1) + " more)" : "");
    Position Where;
    if (!U.Errors.empty() && !U.Errors.front().Pos.File.empty())
      Where = U.Errors.front().Pos;
    else
      Where.File = U.File;
    Notifications.push_back({{"level", "error"},
                             {"message", {{"text", clip(Text, 4000)}}},
                             {"descriptor", {{"id", "appsec-scan/translation-unit-failed"}}},
                             {"locations", json::array({{{"physicalLocation", physicalLocation(Where, R.SourceRoot)}}})},
                             {"properties", {{"translationUnit", displayPath(U.File, R.SourceRoot)}}}});
  }

  // Analyses that stopped at their budget: the run succeeded, but findings in
  // those functions may be missing.
  for (const UnitResult &U : R.Units)
    for (const Note &N : U.Notices)
      Notifications.push_back(
          {{"level", "warning"},
           {"message", {{"text", clip(N.Message, 4000)}}},
           {"descriptor", {{"id", "appsec-scan/analysis-incomplete"}}},
           {"locations", json::array({{{"physicalLocation", physicalLocation(N.Pos, R.SourceRoot)}}})},
           {"properties", {{"translationUnit", displayPath(U.File, R.SourceRoot)}}}});

  std::string RootUri = "file://" + percentEncode(R.SourceRoot == "/" ? "" : R.SourceRoot) + "/";
  json Run = {
      {"tool",
       {{"driver",
         {{"name", "appsec-scan"},
          {"fullName", "appsec-scan (appsec-tidy checks for the Atlassian Cloud App Security Requirements)"},
          {"version", Opts.ToolVersion},
          {"semanticVersion", Opts.ToolVersion},
          {"rules", Rules}}}}},
      {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", RootUri}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations",
       json::array({{{"executionSuccessful", AllOk},
                     {"workingDirectory", {{"uri", RootUri}}},
                     {"toolExecutionNotifications", Notifications}}})},
      {"results", Results}};
  if (!Opts.Category.empty())
    Run["automationDetails"] = {{"id", Opts.Category + "/"}};
  // The translation units scanned (in unit order: by display path).
  json Artifacts = json::array();
  for (const UnitResult &U : R.Units) {
    Position P;
    P.File = U.File;
    Artifacts.push_back({{"location", physicalLocation(P, R.SourceRoot)["artifactLocation"]},
                         {"roles", json::array({"analysisTarget"})}});
  }
  Run["artifacts"] = Artifacts;
  if (R.Shard)
    Run["properties"] = {{"shard", shardJson(*R.Shard)}};
  json Log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({Run})}};
  OS << Log.dump(2) << "\n";
}

} // namespace appsec::scan
