//===- Merge.cpp - `appsec-scan merge`: join the reports of shards -------===//
//
// Works on the reports themselves (ordered JSON), not on re-rendered
// findings: every array is put in the order the single-run writer uses, with
// keys the writer also derives from what it prints (Report.cpp):
// - results / findings: display path, line, column, check, message, then the
//   notes (so the copy kept of a header finding seen from several units is
//   the same one a single run keeps);
// - artifacts and failure notifications / failures: by translation unit.
//
//===----------------------------------------------------------------------===//
#include "Merge.h"

#include "Baseline.h"
#include "CheckList.h"
#include "StableSort.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace appsec::scan {
namespace {

using json = nlohmann::ordered_json;

cl::SubCommand MergeCmd("merge", "Join the reports of all shards of a scan (--shard i/n)");
cl::OptionCategory MergeCat("appsec-scan merge options");
cl::list<std::string> Inputs(cl::Positional, cl::OneOrMore, cl::desc("<shard reports>"),
                             cl::sub(MergeCmd), cl::cat(MergeCat));
cl::opt<std::string> OutFile("o", cl::desc("Write the merged report, in the format of the inputs"),
                             cl::value_desc("file"), cl::sub(MergeCmd), cl::cat(MergeCat));
cl::opt<std::string> SarifOut("sarif", cl::desc("Write the merged SARIF log (from the SARIF inputs)"),
                              cl::value_desc("file"), cl::sub(MergeCmd), cl::cat(MergeCat));
cl::opt<std::string> JsonOut("json", cl::desc("Write the merged JSON report (from the JSON inputs)"),
                             cl::value_desc("file"), cl::sub(MergeCmd), cl::cat(MergeCat));
cl::opt<std::string> BaselineFile(
    "baseline", cl::desc("SARIF log or JSON report of an earlier scan: leave out its findings"),
    cl::value_desc("sarif|json"), cl::sub(MergeCmd), cl::cat(MergeCat));
cl::opt<std::string> FailOn("fail-on",
                            cl::desc("Exit 1 when a finding has this level or above:\n"
                                     "note, warning (default), error, none"),
                            cl::init("warning"), cl::sub(MergeCmd), cl::cat(MergeCat));
cl::opt<bool> IgnoreFailedTus("ignore-failed-tus",
                              cl::desc("Failed units do not make the exit status 2"),
                              cl::sub(MergeCmd), cl::cat(MergeCat));
cl::opt<bool> Quiet("quiet", cl::desc("No summary on standard error"), cl::sub(MergeCmd),
                    cl::cat(MergeCat));

struct Input {
  std::string Path;
  json Doc;
  bool Sarif = false;
};

struct MergeError {
  std::string Message;
};

[[noreturn]] void fail(const std::string &Msg) { throw MergeError{Msg}; }

Input readInput(const std::string &Path) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    fail("cannot read " + Path + ": " + Buf.getError().message());
  Input In;
  In.Path = Path;
  In.Doc = json::parse((*Buf)->getBuffer().begin(), (*Buf)->getBuffer().end(), nullptr,
                       /*allow_exceptions=*/false);
  const json &D = In.Doc;
  if (D.is_object() && D.contains("runs") && D["runs"].is_array()) {
    if (D["runs"].size() != 1)
      fail(Path + " has " + std::to_string(D["runs"].size()) +
           " runs; an appsec-scan SARIF log has one");
    In.Sarif = true;
  } else if (!(D.is_object() && D.contains("schemaVersion") && D.contains("findings") &&
               D.value("tool", json::object()).value("name", "") == "appsec-scan")) {
    fail(Path + " is neither an appsec-scan SARIF log nor an appsec-scan JSON report");
  }
  return In;
}

const json &shardOf(const Input &In) {
  const json &Run = In.Sarif ? In.Doc["runs"][0] : In.Doc;
  const json *S = nullptr;
  if (In.Sarif && Run.contains("properties") && Run["properties"].contains("shard"))
    S = &Run["properties"]["shard"];
  else if (!In.Sarif && Run.contains("shard"))
    S = &Run["shard"];
  if (!S || !S->is_object())
    fail(In.Path + " is not the report of a shard (it was written without --shard i/n)");
  return *S;
}

/// Everything but the parts a merge combines; equal in all shards of a scan.
json skeleton(const Input &In) {
  json D = In.Doc;
  if (In.Sarif) {
    json &Run = D["runs"][0];
    for (const char *K : {"results", "artifacts", "properties"})
      Run.erase(K);
    if (Run.contains("tool") && Run["tool"].contains("driver"))
      Run["tool"]["driver"].erase("rules");
    if (Run.contains("invocations") && !Run["invocations"].empty()) {
      Run["invocations"][0].erase("executionSuccessful");
      Run["invocations"][0].erase("toolExecutionNotifications");
    }
    return Run;
  }
  for (const char *K : {"summary", "findings", "failures", "incompleteAnalyses", "shard"})
    D.erase(K);
  if (D.contains("diff")) {
    D["diff"].erase("findingsOutsideDiff");
    D["diff"].erase("unchangedTranslationUnits");
  }
  return D;
}

/// Checks that Group holds every shard of one scan, once.
void checkShards(const std::vector<Input *> &Group) {
  const Input &First = *Group.front();
  const json &S0 = shardOf(First);
  unsigned Count = S0.value("count", 0u);
  json Skel0 = skeleton(First);
  std::map<unsigned, const Input *> ByIndex;
  size_t Units = 0;
  for (const Input *In : Group) {
    const json &S = shardOf(*In);
    unsigned Index = S.value("index", 0u);
    auto Name = [&](const Input &I, const json &Sh) {
      return I.Path + " (shard " + std::to_string(Sh.value("index", 0u)) + "/" +
             std::to_string(Sh.value("count", 0u)) + ")";
    };
    if (S.value("count", 0u) != Count)
      fail(Name(*In, S) + " and " + Name(First, S0) + " are shards of different splits");
    if (S.value("configuration", "") != S0.value("configuration", "") ||
        S.value("totalTranslationUnits", 0u) != S0.value("totalTranslationUnits", 0u))
      fail(Name(*In, S) + " and " + Name(First, S0) +
           " are shards of different scans (checks, configuration, --files, --header-filter, "
           "--diff, --baseline or the list of translation units differ)");
    json Skel = skeleton(*In);
    if (Skel != Skel0) {
      std::string Where;
      for (auto &[K, V] : Skel0.items())
        if (!Skel.contains(K) || Skel[K] != V) {
          Where = K;
          break;
        }
      if (Where.empty())
        for (auto &[K, V] : Skel.items())
          if (!Skel0.contains(K))
            Where = K;
      fail(In->Path + " and " + First.Path + " differ in '" + Where +
           "' (a different tool version, source root, compilation database or SARIF option)");
    }
    if (Index == 0 || Index > Count)
      fail(In->Path + " has an invalid shard index " + std::to_string(Index));
    if (auto [It, New] = ByIndex.emplace(Index, In); !New)
      fail(In->Path + " and " + It->second->Path + " are both shard " + std::to_string(Index) +
           "/" + std::to_string(Count));
    Units += S.value("translationUnits", size_t(0));
  }
  std::string Missing;
  for (unsigned I = 1; I <= Count; ++I)
    if (!ByIndex.count(I))
      Missing += (Missing.empty() ? "" : ", ") + std::to_string(I) + "/" + std::to_string(Count);
  if (!Missing.empty())
    fail((First.Sarif ? std::string("SARIF") : std::string("JSON")) + " shard" +
         (Missing.find(',') != std::string::npos ? "s " : " ") + Missing + " missing");
  size_t Total = S0.value("totalTranslationUnits", size_t(0));
  if (Units != Total)
    fail("the shards hold " + std::to_string(Units) + " translation units, not the " +
         std::to_string(Total) + " they were split from");
}

// ---- findings ------------------------------------------------------------------

using NotesKey = std::vector<std::tuple<std::string, unsigned, unsigned, std::string>>;

struct Item {
  json Obj;
  std::string Path, Check, Message;
  unsigned Line = 0, Column = 0;
  std::pair<NotesKey, NotesKey> Notes;
  std::string Level;
  std::string *Fp = nullptr; ///< points into Obj after finalise()
};

unsigned uintAt(const json &J, const char *K) {
  return J.contains(K) && J[K].is_number_unsigned() ? J[K].get<unsigned>() : 0;
}

Item sarifItem(const json &Res) {
  Item I;
  I.Obj = Res;
  I.Check = Res.value("ruleId", "");
  I.Level = Res.value("level", "warning");
  I.Message = Res.value("message", json::object()).value("text", "");
  if (Res.contains("locations") && !Res["locations"].empty()) {
    const json &P = Res["locations"][0].value("physicalLocation", json::object());
    I.Path = displayPathOfUri(P.value("artifactLocation", json::object()).value("uri", ""));
    if (P.contains("region")) {
      I.Line = uintAt(P["region"], "startLine");
      I.Column = uintAt(P["region"], "startColumn");
    }
  }
  // SARIF shows the located notes only: both halves of the key are those.
  if (Res.contains("relatedLocations"))
    for (const json &L : Res["relatedLocations"]) {
      const json &P = L.value("physicalLocation", json::object());
      const json Region = P.value("region", json::object());
      I.Notes.first.emplace_back(
          displayPathOfUri(P.value("artifactLocation", json::object()).value("uri", "")),
          uintAt(Region, "startLine"), uintAt(Region, "startColumn"),
          L.value("message", json::object()).value("text", ""));
    }
  I.Notes.second = I.Notes.first;
  return I;
}

Item jsonItem(const json &F) {
  Item I;
  I.Obj = F;
  I.Check = F.value("check", "");
  I.Level = F.value("level", "warning");
  I.Message = F.value("message", "");
  I.Path = F.value("file", "");
  I.Line = uintAt(F, "line");
  I.Column = uintAt(F, "column");
  if (F.contains("notes"))
    for (const json &N : F["notes"]) {
      auto T = std::make_tuple(N.value("file", ""), uintAt(N, "line"), uintAt(N, "column"),
                               N.value("message", ""));
      if (!std::get<0>(T).empty() && std::get<1>(T))
        I.Notes.first.push_back(T);
      I.Notes.second.push_back(T);
    }
  return I;
}

std::string &fingerprintOf(json &Obj, bool Sarif) {
  json &Slot = Sarif ? Obj["partialFingerprints"]["primaryLocationLineHash"] : Obj["fingerprint"];
  if (!Slot.is_string())
    Slot = "";
  return Slot.get_ref<std::string &>();
}

/// Sorts and de-duplicates as mergeFindings() does, renumbers fingerprints
/// where shards numbered the same header's findings independently, and
/// applies the baseline. Returns the findings kept.
std::vector<Item> mergeItems(std::vector<Item> Items, bool Sarif,
                             const std::set<std::string> &BaselineKeys, size_t &Suppressed) {
  stableSort(Items.begin(), Items.end(), [](const Item &A, const Item &B) {
    return std::tie(A.Path, A.Line, A.Column, A.Check, A.Message, A.Notes) <
           std::tie(B.Path, B.Line, B.Column, B.Check, B.Message, B.Notes);
  });
  std::vector<Item> Out;
  for (Item &I : Items) {
    if (!Out.empty()) {
      const Item &P = Out.back();
      if (std::tie(I.Path, I.Line, I.Column, I.Check, I.Message) ==
          std::tie(P.Path, P.Line, P.Column, P.Check, P.Message))
        continue;
    }
    Out.push_back(std::move(I));
  }
  // Fingerprints are "<hash of check and line text>:<occurrence in the file>".
  // A file's findings normally come from one shard and keep their numbers; a
  // header's findings seen from units in different shards can collide.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<Item *>> Groups;
  for (Item &I : Out) {
    I.Fp = &fingerprintOf(I.Obj, Sarif);
    Groups[{I.Path, I.Check, I.Fp->substr(0, I.Fp->find(':'))}].push_back(&I);
  }
  for (auto &[Key, Members] : Groups) {
    std::set<std::string> Seen;
    bool Collides = false;
    for (Item *I : Members)
      Collides |= !Seen.insert(*I->Fp).second;
    if (Collides)
      for (size_t N = 0; N < Members.size(); ++N)
        *Members[N]->Fp = std::get<2>(Key) + ":" + std::to_string(N + 1);
  }
  if (!BaselineKeys.empty()) {
    size_t Before = Out.size();
    llvm::erase_if(Out, [&](const Item &I) {
      return BaselineKeys.count(baselineKey(I.Check, I.Path, *I.Fp)) != 0;
    });
    Suppressed += Before - Out.size();
  }
  return Out;
}

int levelRank(StringRef L) {
  return StringSwitch<int>(L).Case("note", 0).Case("warning", 1).Case("error", 2).Default(1);
}

struct Outcome {
  json Doc;
  size_t Units = 0, Failed = 0, Findings = 0, Suppressed = 0;
  bool FailOn = false; ///< a finding at or above --fail-on
};

void noteFailOn(Outcome &O, const std::vector<Item> &Items) {
  if (FailOn != "none")
    for (const Item &I : Items)
      O.FailOn |= levelRank(I.Level) >= levelRank(FailOn);
}

Outcome mergeSarif(const std::vector<Input *> &Group, const std::set<std::string> &BaselineKeys) {
  Outcome O;
  O.Doc = Group.front()->Doc;
  json &Run = O.Doc["runs"][0];
  std::vector<Item> Items;
  std::map<std::string, json> RuleById;
  json Artifacts = json::array(), Notifications = json::array();
  std::map<std::string, std::string> ArtifactFrom;
  bool AllOk = true;
  for (const Input *In : Group) {
    const json &R = In->Doc["runs"][0];
    O.Units += shardOf(*In).value("translationUnits", size_t(0));
    for (const json &Rule : R.value("tool", json::object())
                                .value("driver", json::object())
                                .value("rules", json::array()))
      RuleById.emplace(Rule.value("id", ""), Rule);
    for (const json &Res : R.value("results", json::array()))
      Items.push_back(sarifItem(Res));
    for (const json &A : R.value("artifacts", json::array())) {
      std::string P = displayPathOfUri(
          A.value("location", json::object()).value("uri", ""));
      if (auto [It, New] = ArtifactFrom.emplace(P, In->Path); !New)
        fail("translation unit " + P + " is in both " + It->second + " and " + In->Path);
      Artifacts.push_back(A);
    }
    if (R.contains("invocations") && !R["invocations"].empty()) {
      const json &Inv = R["invocations"][0];
      AllOk &= Inv.value("executionSuccessful", true);
      for (const json &N : Inv.value("toolExecutionNotifications", json::array()))
        Notifications.push_back(N);
    }
  }
  std::vector<Item> Kept = mergeItems(std::move(Items), true, BaselineKeys, O.Suppressed);
  noteFailOn(O, Kept);
  O.Findings = Kept.size();

  // Rules: every appsec check in the check list's order (all shards list
  // them), then the other checks in the order of their first result.
  std::set<std::string> Known;
  for (const auto &C : clang::tidy::appsec::allChecks())
    Known.insert(std::string(C.Name));
  json Rules = json::array();
  std::map<std::string, size_t> Index;
  for (const json &Rule : Run["tool"]["driver"].value("rules", json::array()))
    if (Known.count(Rule.value("id", ""))) {
      Index[Rule.value("id", "")] = Rules.size();
      Rules.push_back(Rule);
    }
  json Results = json::array();
  for (Item &I : Kept) {
    if (!Index.count(I.Check)) {
      auto It = RuleById.find(I.Check);
      if (It == RuleById.end())
        fail("no input defines the rule " + I.Check + " of its results");
      Index[I.Check] = Rules.size();
      Rules.push_back(It->second);
    }
    I.Obj["ruleIndex"] = Index[I.Check];
    Results.push_back(std::move(I.Obj));
  }
  stableSort(Artifacts.begin(), Artifacts.end(), [](const json &A, const json &B) {
    return displayPathOfUri(A.value("location", json::object()).value("uri", "")) <
           displayPathOfUri(B.value("location", json::object()).value("uri", ""));
  });
  auto TuOf = [](const json &N) {
    return N.value("properties", json::object()).value("translationUnit", "");
  };
  stableSort(Notifications.begin(), Notifications.end(),
                   [&](const json &A, const json &B) { return TuOf(A) < TuOf(B); });
  for (const json &N : Notifications)
    O.Failed += N.value("level", "warning") == "error";

  if (Run["tool"]["driver"].contains("rules"))
    Run["tool"]["driver"]["rules"] = Rules;
  if (Run.contains("invocations") && !Run["invocations"].empty()) {
    json &Inv = Run["invocations"][0];
    if (Inv.contains("executionSuccessful"))
      Inv["executionSuccessful"] = AllOk;
    if (Inv.contains("toolExecutionNotifications"))
      Inv["toolExecutionNotifications"] = Notifications;
  }
  Run["results"] = Results;
  if (Run.contains("artifacts"))
    Run["artifacts"] = Artifacts;
  Run["properties"].erase("shard");
  if (Run["properties"].empty())
    Run.erase("properties");
  return O;
}

Outcome mergeJson(const std::vector<Input *> &Group, const std::set<std::string> &BaselineKeys) {
  Outcome O;
  O.Doc = Group.front()->Doc;
  std::vector<Item> Items;
  json Failures = json::array(), Incomplete = json::array();
  size_t FailedUnits = 0, Suppressed = 0, OutsideDiff = 0, Unchanged = 0;
  for (const Input *In : Group) {
    const json &D = In->Doc;
    const json Summary = D.value("summary", json::object());
    O.Units += Summary.value("translationUnits", size_t(0));
    FailedUnits += Summary.value("failedTranslationUnits", size_t(0));
    Suppressed += Summary.value("suppressedByBaseline", size_t(0));
    if (D.contains("diff")) {
      OutsideDiff += D["diff"].value("findingsOutsideDiff", size_t(0));
      Unchanged += D["diff"].value("unchangedTranslationUnits", size_t(0));
    }
    for (const json &F : D.value("findings", json::array()))
      Items.push_back(jsonItem(F));
    for (const json &F : D.value("failures", json::array()))
      Failures.push_back(F);
    for (const json &F : D.value("incompleteAnalyses", json::array()))
      Incomplete.push_back(F);
  }
  std::vector<Item> Kept = mergeItems(std::move(Items), false, BaselineKeys, O.Suppressed);
  noteFailOn(O, Kept);
  O.Findings = Kept.size();
  json Findings = json::array();
  for (Item &I : Kept)
    Findings.push_back(std::move(I.Obj));
  stableSort(Failures.begin(), Failures.end(), [](const json &A, const json &B) {
    return A.value("translationUnit", "") < B.value("translationUnit", "");
  });
  O.Failed = FailedUnits;
  json &S = O.Doc["summary"];
  S["translationUnits"] = O.Units;
  S["failedTranslationUnits"] = FailedUnits;
  S["findings"] = Kept.size();
  S["suppressedByBaseline"] = Suppressed + O.Suppressed;
  O.Suppressed += Suppressed;
  O.Doc["findings"] = Findings;
  O.Doc["failures"] = Failures;
  stableSort(Incomplete.begin(), Incomplete.end(), [](const json &A, const json &B) {
    return A.value("translationUnit", "") < B.value("translationUnit", "");
  });
  if (O.Doc.contains("incompleteAnalyses"))
    O.Doc["incompleteAnalyses"] = Incomplete;
  if (O.Doc.contains("diff")) {
    O.Doc["diff"]["findingsOutsideDiff"] = OutsideDiff;
    O.Doc["diff"]["unchangedTranslationUnits"] = Unchanged;
  }
  O.Doc.erase("shard");
  return O;
}

bool write(const std::string &Path, const json &Doc) {
  std::string Text = Doc.dump(2) + "\n";
  if (Path == "-") {
    outs() << Text;
    outs().flush();
    return true;
  }
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC) {
    errs() << "appsec-scan merge: error: cannot write " << Path << ": " << EC.message() << "\n";
    return false;
  }
  OS << Text;
  return true;
}

} // namespace

bool mergeRequested() { return static_cast<bool>(MergeCmd); }

int runMerge() {
  try {
    // LLVM's parser falls back to the top-level options; they mean nothing here.
    const auto &Mine = cl::getRegisteredOptions(MergeCmd);
    for (const auto &[Name, Opt] : cl::getRegisteredOptions(cl::SubCommand::getTopLevel()))
      if (Opt->getNumOccurrences() && !Mine.count(Name))
        fail("-" + Name.str() + " is an option of the scan, not of `appsec-scan merge` "
             "(see appsec-scan merge --help)");
    if (FailOn != "note" && FailOn != "warning" && FailOn != "error" && FailOn != "none")
      fail("--fail-on must be note, warning, error or none, not '" + FailOn + "'");
    if (OutFile.empty() && SarifOut.empty() && JsonOut.empty())
      fail("nothing to write: give -o <file>, --sarif=<file> or --json=<file>");
    std::vector<Input> All;
    for (const std::string &P : Inputs)
      All.push_back(readInput(P));
    std::vector<Input *> Sarif, Json;
    for (Input &In : All)
      (In.Sarif ? Sarif : Json).push_back(&In);
    if (!OutFile.empty() && !Sarif.empty() && !Json.empty())
      fail("-o writes the format of the inputs, but they mix SARIF and JSON; "
           "use --sarif=<file> and --json=<file>");
    std::string SarifPath = SarifOut, JsonPath = JsonOut;
    if (!OutFile.empty())
      (Sarif.empty() ? JsonPath : SarifPath) = OutFile;
    if (!SarifPath.empty() && Sarif.empty())
      fail("--sarif needs SARIF logs of the shards among the inputs");
    if (!JsonPath.empty() && Json.empty())
      fail("--json needs JSON reports of the shards among the inputs");
    std::set<std::string> BaselineKeys;
    std::string Error;
    if (!BaselineFile.empty() && !loadBaseline(BaselineFile, BaselineKeys, Error))
      fail(Error);

    std::vector<Outcome> Outcomes;
    bool Wrote = true;
    for (auto [Group, Path, IsSarif] :
         {std::make_tuple(&Sarif, SarifPath, true), std::make_tuple(&Json, JsonPath, false)}) {
      if (Group->empty())
        continue;
      checkShards(*Group);
      if (Path.empty())
        continue; // checked, but not asked for
      Outcome O = IsSarif ? mergeSarif(*Group, BaselineKeys) : mergeJson(*Group, BaselineKeys);
      Wrote &= write(Path, O.Doc);
      Outcomes.push_back(std::move(O));
    }
    const Outcome &O = Outcomes.front();
    if (!Quiet)
      errs() << "appsec-scan merge: " << All.size() << " report" << (All.size() == 1 ? "" : "s")
             << ", " << O.Units << " translation unit" << (O.Units == 1 ? "" : "s") << " ("
             << O.Failed << " failed), " << O.Findings << " finding"
             << (O.Findings == 1 ? "" : "s")
             << (BaselineFile.empty() ? std::string()
                                      : ", " + std::to_string(O.Suppressed) + " in the baseline")
             << "\n";
    bool AnyFailed = false, AnyFailOn = false;
    for (const Outcome &X : Outcomes) {
      AnyFailed |= X.Failed > 0;
      AnyFailOn |= X.FailOn;
    }
    if (!Wrote || (AnyFailed && !IgnoreFailedTus))
      return 2;
    return AnyFailOn ? 1 : 0;
  } catch (const MergeError &E) {
    errs() << "appsec-scan merge: error: " << E.Message << "\n";
    return 2;
  } catch (const json::exception &E) {
    errs() << "appsec-scan merge: error: malformed input: " << E.what() << "\n";
    return 2;
  }
}

} // namespace appsec::scan
