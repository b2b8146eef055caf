//===- ScanMain.cpp - appsec-scan: whole-project scans for CI ------------===//
//
// Reads a compile_commands.json, scans every translation unit with the
// appsec checks (one worker process per unit, -j at a time), and writes text,
// JSON and SARIF 2.1.0 reports. See docs/appsec-scan.md.
//
//===----------------------------------------------------------------------===//
#include "ActiveCatalog.h"
#include "Baseline.h"
#include "CiAnnotations.h"
#include "ComplianceReport.h"
#include "Finding.h"
#include "GitDiff.h"
#include "Merge.h"
#include "Report.h"
#include "Shards.h"
#include "ResourceDir.h"
#include "ScanCache.h"
#include "UnitProcess.h"
#include "Worker.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <csignal>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <signal.h>
#include <unistd.h>

extern volatile int AppSecTidyModuleAnchorSource;
static int AppSecTidyModuleAnchorDestination = AppSecTidyModuleAnchorSource;

using namespace llvm;
using namespace appsec::scan;

static cl::OptionCategory Cat("appsec-scan options");

static cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory containing compile_commands.json, or the file itself.\n"
                  "Default: the nearest compile_commands.json in the current directory\n"
                  "or its parents."),
    cl::value_desc("dir|file"), cl::cat(Cat));
static cl::opt<unsigned> Jobs("j", cl::Prefix, cl::desc("Translation units scanned in parallel (default: cores)"),
                              cl::init(0), cl::cat(Cat));
static cl::opt<std::string> Checks(
    "checks", cl::desc("Checks to run, clang-tidy glob syntax (default: the config's, else appsec-*)"),
    cl::cat(Cat));
static cl::opt<std::string> ConfigFile(
    "config", cl::desc("clang-tidy configuration file (YAML or JSON): Checks, CheckOptions,\n"
                       "WarningsAsErrors, HeaderFilterRegex"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> FileFilter(
    "files", cl::desc("Scan only translation units whose absolute path matches this regex"),
    cl::value_desc("regex"), cl::cat(Cat));
static cl::opt<std::string> HeaderFilter(
    "header-filter", cl::desc("Also report findings in headers matching this regex\n"
                              "(clang-tidy's -header-filter; default: main files only)"),
    cl::value_desc("regex"), cl::cat(Cat));
static cl::opt<std::string> TextOut("text", cl::ValueOptional,
                                    cl::desc("Write clang-style text to <file> ('-' or no value: stdout)"),
                                    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> JsonOut("json", cl::desc("Write the JSON report to <file> ('-': stdout)"),
                                    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> SarifOut("sarif", cl::desc("Write a SARIF 2.1.0 log to <file> ('-': stdout)"),
                                     cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> SourceRoot(
    "source-root", cl::desc("Paths in reports are relative to this directory (default: current)"),
    cl::value_desc("dir"), cl::cat(Cat));
static cl::opt<std::string> FailOn("fail-on",
                                   cl::desc("Exit 1 when a finding has this level or above:\n"
                                            "note, warning (default), error, none"),
                                   cl::init("warning"), cl::cat(Cat));
static cl::opt<std::string> Baseline(
    "baseline", cl::desc("SARIF log or JSON report of an earlier scan: report only findings\n"
                         "not in it"),
    cl::value_desc("sarif|json"), cl::cat(Cat));
static cl::opt<std::string> DocsBaseUrl(
    "docs-base-url", cl::desc("URL of the docs/ directory, for the SARIF rule help links\n"
                              "(default: the relative path docs)"),
    cl::value_desc("url"), cl::cat(Cat));
static cl::opt<std::string> Category("category", cl::desc("SARIF runAutomationDetails category"),
                                     cl::cat(Cat));
static cl::opt<unsigned> TuTimeout("tu-timeout",
                                   cl::desc("Give up on a translation unit after this many seconds (0: never)"),
                                   cl::init(0), cl::cat(Cat));
static cl::opt<bool> IgnoreFailedTus(
    "ignore-failed-tus", cl::desc("Translation units that fail to parse are reported but do not\n"
                                  "make the exit status 2"),
    cl::cat(Cat));
static cl::opt<bool> Quiet("quiet", cl::desc("No progress output"), cl::cat(Cat));

// ---- Reviewer and CI reports (ComplianceReport.cpp, CiAnnotations.cpp) ------
static cl::opt<std::string> ReportMd(
    "report-md", cl::desc("Write the compliance report as GitHub-flavoured Markdown ('-': stdout)"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> ReportHtml(
    "report-html", cl::desc("Write the compliance report as one self-contained HTML page ('-': stdout)"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> CodeBaseUrl(
    "code-base-url", cl::desc("URL of the source root, for code links in the compliance report,\n"
                              "e.g. https://github.com/o/r/blob/<commit>"),
    cl::value_desc("url"), cl::cat(Cat));
static cl::opt<std::string> GithubAnnotations(
    "github-annotations", cl::ValueOptional,
    cl::desc("Write GitHub Actions workflow commands (::warning file=...::) to <file>\n"
             "('-' or no value: stdout)"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> GitlabCodeQuality(
    "gitlab-codequality", cl::desc("Write a GitLab Code Quality report to <file> ('-': stdout)"),
    cl::value_desc("file"), cl::cat(Cat));

static bool reviewOutputsRequested() {
  return !ReportMd.empty() || !ReportHtml.empty() || GithubAnnotations.getNumOccurrences() ||
         !GitlabCodeQuality.empty();
}

static bool checkReviewOptions(std::string &Error) {
  if (!CodeBaseUrl.empty() && !StringRef(CodeBaseUrl).starts_with("https://") &&
      !StringRef(CodeBaseUrl).starts_with("http://")) {
    Error = "--code-base-url must be an http:// or https:// URL, not '" + CodeBaseUrl + "'";
    return false;
  }
  return true;
}

// Sharded and diff scans (Shards.h, GitDiff.h; `appsec-scan merge`: Merge.h).
static cl::opt<std::string> ShardArg(
    "shard", cl::desc("Scan only shard i of n (1 <= i <= n) of the translation units;\n"
                      "join the shards' reports with `appsec-scan merge`"),
    cl::value_desc("i/n"), cl::cat(Cat));
static cl::opt<std::string> DiffRange(
    "diff", cl::desc("Report only findings on lines changed by `git diff <range>`:\n"
                     "A..B, A...B (since the merge base) or REV (against the working tree)"),
    cl::value_desc("git-range"), cl::cat(Cat));

// Worker mode (internal): scan one translation unit, write its JSON result.
static cl::opt<std::string> SummariesDir(
    "summaries",
    cl::desc("The summary store: what the functions of each unit do with their\n"
             "parameters, read by the units that call them (default:\n"
             "appsec-summaries/ next to compile_commands.json)"),
    cl::value_desc("dir"), cl::cat(Cat));
static cl::opt<bool> SingleTu(
    "single-tu",
    cl::desc("Analyse each unit alone, without the summary store: no flow\n"
             "through functions defined in other files"),
    cl::cat(Cat));
static cl::opt<unsigned> SummaryRounds(
    "summary-rounds",
    cl::desc("At most this many rounds: after the first, only units calling a\n"
             "function whose summary changed are scanned again (default 4)"),
    cl::init(4), cl::cat(Cat));
static cl::opt<bool> Full(
    "full",
    cl::desc("Scan every unit, also those whose files, compile commands and\n"
             "imported summaries are unchanged since the last scan (by default\n"
             "their findings are taken from the last scan)"),
    cl::cat(Cat));
static cl::opt<std::string> WorkerTu("internal-worker", cl::Hidden, cl::cat(Cat));
static cl::opt<std::string> WorkerDb("internal-db", cl::Hidden, cl::cat(Cat));
static cl::opt<std::string> WorkerOut("internal-output", cl::Hidden, cl::cat(Cat));
static cl::opt<std::string> WorkerResourceDir("internal-resource-dir", cl::Hidden, cl::cat(Cat));

static const char *const Version = APPSEC_SCAN_VERSION;

static int usageError(const Twine &Msg) {
  errs() << "appsec-scan: error: " << Msg << "\n";
  return 2;
}

/// The clang-tidy options every worker uses: config file, then command line.
static std::optional<clang::tidy::ClangTidyOptions> buildOptions(std::string &Error) {
  using clang::tidy::ClangTidyOptions;
  ClangTidyOptions Opts = ClangTidyOptions::getDefaults();
  Opts.Checks.reset();
  // Findings in main files only unless --header-filter or the config says otherwise.
  // clang-tidy 19's own default says the same (''); clang-tidy 22's is '.*' (every
  // non-system header), which a scan does not follow.
  Opts.HeaderFilterRegex.reset();
  std::optional<std::string> ConfigChecks;
  if (!ConfigFile.empty()) {
    auto Buf = MemoryBuffer::getFile(ConfigFile);
    if (!Buf) {
      Error = "cannot read --config " + ConfigFile + ": " + Buf.getError().message();
      return std::nullopt;
    }
    auto Parsed = clang::tidy::parseConfiguration(MemoryBufferRef((*Buf)->getBuffer(), ConfigFile));
    if (!Parsed) {
      Error = "invalid --config " + ConfigFile + ": " + Parsed.getError().message();
      return std::nullopt;
    }
    if (Parsed->Checks)
      ConfigChecks = *Parsed->Checks;
    Opts.mergeWith(*Parsed, 0);
  }
  std::string Selected = !Checks.empty() ? Checks.getValue() : ConfigChecks ? *ConfigChecks : "appsec-*";
  // clang-tidy's default checks (clang-analyzer-*, clang-diagnostic-*) stay off
  // unless asked for.
  Opts.Checks = "-*," + Selected;
  if (HeaderFilter.getNumOccurrences())
    Opts.HeaderFilterRegex = HeaderFilter.getValue();
  if (!Opts.HeaderFilterRegex)
    Opts.HeaderFilterRegex = "";
  Opts.SystemHeaders = false;
  // A scan says where the analysis gave up (SARIF notifications, the JSON
  // report's incompleteAnalyses), unless the configuration says otherwise.
  Opts.CheckOptions.try_emplace("ReportBudgetExhaustion",
                                ClangTidyOptions::ClangTidyValue("true"));
  // Workers are given the store; each reads it and writes its own summaries.
  if (!SummariesDir.empty() && !SingleTu) {
    Opts.CheckOptions["AppSecSummaryStore"] = ClangTidyOptions::ClangTidyValue(SummariesDir);
    Opts.CheckOptions["AppSecSummaryExport"] = ClangTidyOptions::ClangTidyValue(SummariesDir);
  }
  return Opts;
}

/// The summary store of a scan with the database \p Db: --summaries, else
/// appsec-summaries/ beside the database; "" with --single-tu.
static std::string summaryStoreDir(const std::string &Db) {
  if (SingleTu)
    return "";
  SmallString<256> Dir(SummariesDir.empty() ? sys::path::parent_path(Db) : StringRef(SummariesDir));
  if (SummariesDir.empty())
    sys::path::append(Dir, "appsec-summaries");
  sys::fs::make_absolute(Dir);
  return std::string(Dir);
}

/// The compile_commands.json to use, or "" with Error set.
static std::string findDatabase(std::string &Error) {
  const char *HowTo =
      "\n  Make one with CMake:  cmake -S . -B build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON"
      "   (then: appsec-scan -p build)\n  or with Make:         bear -- make";
  if (!BuildPath.empty()) {
    SmallString<256> P(BuildPath.getValue());
    sys::fs::make_absolute(P);
    if (sys::fs::is_directory(P))
      sys::path::append(P, "compile_commands.json");
    if (!sys::fs::exists(P)) {
      Error = ("no compilation database at " + P + HowTo).str();
      return "";
    }
    return std::string(P);
  }
  SmallString<256> Dir;
  sys::fs::current_path(Dir);
  for (StringRef D = Dir; !D.empty(); D = sys::path::parent_path(D)) {
    SmallString<256> P(D);
    sys::path::append(P, "compile_commands.json");
    if (sys::fs::exists(P))
      return std::string(P);
  }
  Error = ("no compile_commands.json in " + Dir + " or its parents; pass -p <build dir>" + HowTo).str();
  return "";
}

static bool writeOutput(const std::string &Path, function_ref<void(raw_ostream &)> Write) {
  if (Path.empty() || Path == "-") {
    Write(outs());
    outs().flush();
    return true;
  }
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC) {
    errs() << "appsec-scan: error: cannot write " << Path << ": " << EC.message() << "\n";
    return false;
  }
  Write(OS);
  return true;
}

/// Writes the compliance reports and CI annotations that were asked for.
static bool writeReviewOutputs(const ScanResult &Result, const CatalogSelection &Catalogs,
                               const clang::tidy::ClangTidyOptions &Options) {
  bool Ok = true;
  if (!ReportMd.empty() || !ReportHtml.empty()) {
    std::set<std::string> Own = Catalogs.checksWithOwnCatalog();
    if (!Own.empty())
      errs() << "appsec-scan: warning: the compliance report follows the catalog "
             << Catalogs.globalOrigin() << "; these checks have their own: "
             << join(Own.begin(), Own.end(), ", ") << "\n";
    ComplianceInput In;
    In.Result = &Result;
    In.Catalog = &Catalogs.global();
    In.CatalogOrigin = Catalogs.globalOrigin();
    In.EnabledChecks = enabledAppSecChecks(Options);
    In.ToolVersion = Version;
    In.ScanDate = scanDate();
    In.CodeBaseUrl = CodeBaseUrl;
    ComplianceModel Model = buildCompliance(In);
    if (!ReportMd.empty())
      Ok &= writeOutput(ReportMd, [&](raw_ostream &OS) { writeComplianceMarkdown(OS, Model); });
    if (!ReportHtml.empty())
      Ok &= writeOutput(ReportHtml, [&](raw_ostream &OS) { writeComplianceHtml(OS, Model); });
  }
  if (GithubAnnotations.getNumOccurrences())
    Ok &= writeOutput(GithubAnnotations, [&](raw_ostream &OS) { writeGithubAnnotations(OS, Result); });
  if (!GitlabCodeQuality.empty())
    Ok &= writeOutput(GitlabCodeQuality, [&](raw_ostream &OS) { writeGitlabCodeQuality(OS, Result); });
  return Ok;
}

static int levelRank(StringRef L) {
  return StringSwitch<int>(L).Case("note", 0).Case("warning", 1).Case("error", 2).Default(1);
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  (void)AppSecTidyModuleAnchorDestination;
  cl::HideUnrelatedOptions(Cat);
  cl::SetVersionPrinter([](raw_ostream &OS) { OS << "appsec-scan " << Version << "\n"; });
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "appsec-scan: scan a whole project with the appsec checks\n\n"
                                   "  appsec-scan -p build --sarif=appsec.sarif\n",
                                   &errs()))
    return 2;
  if (mergeRequested())
    return runMerge();

  std::string Error;
  auto Options = buildOptions(Error);
  if (!Options)
    return usageError(Error);

  if (!WorkerTu.empty()) {
    WorkerRequest Req{WorkerDb, WorkerTu, WorkerResourceDir, *Options};
    return runWorker(Req, WorkerOut);
  }

  // The catalogs the findings' messages cite; reports follow them.
  auto Catalogs = CatalogSelection::fromOptions(*Options, Error);
  if (!Catalogs || !checkReviewOptions(Error))
    return usageError(Error);

  if (FailOn != "note" && FailOn != "warning" && FailOn != "error" && FailOn != "none")
    return usageError("--fail-on must be note, warning, error or none, not '" + FailOn + "'");
  ShardSpec Shard;
  if (ShardArg.getNumOccurrences() && !parseShard(ShardArg, Shard, Error))
    return usageError(Error);
  std::optional<Regex> Filter;
  if (!FileFilter.empty()) {
    Filter.emplace(FileFilter);
    std::string RegexError;
    if (!Filter->isValid(RegexError))
      return usageError("invalid --files regex: " + RegexError);
  }
  if (HeaderFilter.getNumOccurrences()) {
    std::string RegexError;
    if (!Regex(HeaderFilter).isValid(RegexError))
      return usageError("invalid --header-filter regex: " + RegexError);
  }
  std::string Db = findDatabase(Error);
  if (Db.empty())
    return usageError(Error);
  auto Compilations = clang::tooling::JSONCompilationDatabase::loadFromFile(
      Db, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Compilations)
    return usageError("cannot read " + Db + ": " + Error);
  std::vector<std::string> Files;
  for (const std::string &F : Compilations->getAllFiles())
    if (!Filter || Filter->match(F))
      Files.push_back(F);
  if (Files.empty())
    return usageError(Db + " lists no translation units" +
                      (Filter ? " matching --files=" + FileFilter : std::string()));

  std::set<std::string> BaselineKeys;
  if (!Baseline.empty() && !loadBaseline(Baseline, BaselineKeys, Error))
    return usageError(Error);

  ScanResult Result;
  {
    SmallString<256> Root(SourceRoot.empty() ? "." : SourceRoot.getValue());
    sys::fs::make_absolute(Root);
    sys::path::remove_dots(Root, true);
    if (!sys::fs::is_directory(Root))
      return usageError("--source-root " + Root + " is not a directory");
    Result.SourceRoot = std::string(Root);
    while (Result.SourceRoot.size() > 1 && Result.SourceRoot.back() == '/')
      Result.SourceRoot.pop_back();
  }
  Result.Database = Db;
  // Units in display-path order: the order of the reports, and of the shards.
  std::vector<std::string> Shown;
  {
    std::vector<std::pair<std::string, std::string>> ByShown;
    for (const std::string &F : Files)
      ByShown.push_back({displayPath(F, Result.SourceRoot), F});
    llvm::sort(ByShown);
    Files.clear();
    for (auto &[S, F] : ByShown) {
      Shown.push_back(S);
      Files.push_back(F);
    }
  }
  if (Shard.Count) {
    auto Contents = [](const std::string &Path) {
      if (Path.empty())
        return std::string();
      auto Buf = MemoryBuffer::getFile(Path);
      return Buf ? (*Buf)->getBuffer().str() : std::string();
    };
    std::vector<std::string> Parts = {Version, Checks, Contents(ConfigFile),
                                      HeaderFilter.getNumOccurrences() ? "h:" + HeaderFilter : "",
                                      FileFilter, DiffRange, Contents(Baseline)};
    Parts.insert(Parts.end(), Shown.begin(), Shown.end());
    ShardInfo Info{Shard.Index, Shard.Count, 0, Files.size(), configurationDigest(Parts)};
    std::vector<std::string> Mine;
    for (size_t K = 0; K < Files.size(); ++K)
      if (inShard(K, Shard))
        Mine.push_back(Files[K]);
    Files = std::move(Mine);
    Info.Units = Files.size();
    Result.Shard = Info;
  }
  ChangedLines Changed;
  if (DiffRange.getNumOccurrences()) {
    if (!gitChangedLines(Result.SourceRoot, DiffRange, Changed, Error))
      return usageError(Error);
    Result.Diff = DiffInfo{DiffRange, 0, 0};
    // Without a header filter, findings are reported in main files only: a
    // unit whose main file the diff did not touch cannot report one.
    if (Options->HeaderFilterRegex->empty()) {
      size_t Before = Files.size();
      llvm::erase_if(Files, [&](const std::string &F) { return !Changed.touches(F); });
      Result.Diff->UnchangedUnits = Before - Files.size();
    }
  }
  unsigned J = Jobs ? Jobs.getValue() : std::max(1u, std::thread::hardware_concurrency());
  J = std::min<unsigned>(J, Files.size());
  Result.Jobs = J;

  std::string Self = sys::fs::getMainExecutable(argv[0], (void *)&usageError);
  std::string ResourceDir = appsec::findResourceDir(argv[0]);
  SmallString<128> TmpDir;
  if (std::error_code EC = sys::fs::createUniqueDirectory("appsec-scan", TmpDir))
    return usageError("cannot create a temporary directory: " + EC.message());

  bool Tty = sys::Process::StandardErrIsDisplayed();
  auto Start = std::chrono::steady_clock::now();
  WorkerCommand Cmd{Self, Db, std::string(TmpDir), ResourceDir, {}, TuTimeout};
  if (!Checks.empty())
    Cmd.PassOn.push_back("--checks=" + Checks);
  if (!ConfigFile.empty())
    Cmd.PassOn.push_back("--config=" + ConfigFile);
  if (HeaderFilter.getNumOccurrences())
    Cmd.PassOn.push_back("--header-filter=" + HeaderFilter);
  std::string Store = summaryStoreDir(Db);
  if (!Store.empty())
    Cmd.PassOn.push_back("--summaries=" + Store);

  // Units unchanged since the last scan keep its findings (ScanCache.h).
  std::vector<UnitResult> Units(Files.size());
  std::vector<size_t> Queue;
  std::vector<std::string> UnitCommands(Files.size());
  std::optional<ScanCache> Cache;
  if (!Store.empty()) {
    SmallString<256> CacheDir(Store);
    sys::path::append(CacheDir, "scanned");
    std::map<std::string, std::string> CheckOptions;
    for (const auto &E : Options->CheckOptions)
      CheckOptions[E.getKey().str()] = E.getValue().Value;
    Cache.emplace(std::string(CacheDir),
                  scanIdentity(Self, Version, clang::tidy::configurationAsText(*Options),
                               CheckOptions, ResourceDir));
    StoreSnapshot AtStart = storeSnapshot(Store);
    for (size_t I = 0; I < Files.size(); ++I) {
      for (const auto &C : Compilations->getCompileCommands(Files[I]))
        UnitCommands[I] += C.Directory + "\n" + join(C.CommandLine, "\n") + "\n\n";
      std::optional<UnitResult> U;
      if (!Full)
        U = Cache->reuse(Files[I], UnitCommands[I], AtStart);
      if (U) {
        Units[I] = std::move(*U);
        ++Result.Reused;
      } else {
        Queue.push_back(I);
      }
    }
    if (!Quiet && Result.Reused)
      errs() << "appsec-scan: " << Result.Reused << " of " << Files.size() << " unit"
             << (Files.size() == 1 ? "" : "s")
             << " unchanged since the last scan (--full scans them too)\n";
  } else {
    for (size_t I = 0; I < Files.size(); ++I)
      Queue.push_back(I);
  }
  std::vector<bool> Scanned(Files.size());
  std::atomic<size_t> Next{0};
  std::mutex Mu;
  size_t Done = 0;
  auto Work = [&] {
    for (size_t Q = Next++; Q < Queue.size(); Q = Next++) {
      size_t I = Queue[Q];
      const std::string &File = Files[I];
      UnitResult U = runUnit(Cmd, File, I);
      double Secs = U.Seconds;
      std::lock_guard<std::mutex> Lock(Mu);
      ++Done;
      std::string Shown = displayPath(File, Result.SourceRoot);
      if (!U.Ok) {
        if (Tty && !Quiet)
          errs() << "\r\033[K";
        errs() << "appsec-scan: " << Shown << ": " << U.FailureReason << "\n";
        for (size_t E = 0; E < U.Errors.size() && E < 3; ++E)
          errs() << "  " << displayPath(U.Errors[E].Pos.File, Result.SourceRoot) << ":"
                 << U.Errors[E].Pos.Line << ":" << U.Errors[E].Pos.Column << ": error: "
                 << U.Errors[E].Message << "\n";
      }
      if (!Quiet) {
        if (Tty)
          errs() << "\r\033[K[" << Done << "/" << Queue.size() << "] " << Shown;
        else
          errs() << "appsec-scan: [" << Done << "/" << Queue.size() << "] " << Shown << ": "
                 << (U.Ok ? "" : "FAILED, ") << U.Findings.size() << " finding"
                 << (U.Findings.size() == 1 ? "" : "s") << ", "
                 << format("%.1f", Secs) << " s\n";
        errs().flush();
      }
      Units[I] = std::move(U);
      Scanned[I] = true;
    }
  };
  // Round 1 scans every unit; each later one the units calling a function
  // whose summary the previous round changed.
  Result.Rounds = 0;
  for (unsigned Round = 1; !Queue.empty(); ++Round) {
    StoreSnapshot Before = storeSnapshot(Store);
    Next = 0;
    Done = 0;
    std::vector<std::thread> Pool;
    for (unsigned T = 0; T < std::min<size_t>(J, Queue.size()); ++T)
      Pool.emplace_back(Work);
    for (std::thread &T : Pool)
      T.join();
    Result.Rounds = Round;
    if (Store.empty()) {
      Queue.clear();
      break;
    }
    Queue = unitsToRescan(Before, storeSnapshot(Store), Files);
    if (Queue.empty() || Round >= SummaryRounds)
      break; // Queue: units the rounds left behind a changed summary
    if (!Quiet)
      errs() << (Tty ? "\r\033[K" : "") << "appsec-scan: round " << Round + 1 << ": "
             << Queue.size() << " unit" << (Queue.size() == 1 ? "" : "s")
             << " calling functions whose summaries changed\n";
    Result.Rescanned += Queue.size();
  }
  // Remember what this scan computed, against the store as it ends; units
  // the rounds left behind a changed summary are scanned next time.
  if (Cache) {
    StoreSnapshot AtEnd = storeSnapshot(Store);
    std::set<size_t> Behind(Queue.begin(), Queue.end());
    for (size_t I = 0; I < Files.size(); ++I)
      if (Behind.count(I))
        Cache->forget(Files[I]);
      else if (Scanned[I])
        Cache->remember(Units[I], UnitCommands[I], AtEnd);
  }
  sys::fs::remove_directories(TmpDir);
  if (Tty && !Quiet)
    errs() << "\r\033[K";

  Result.Units = std::move(Units);
  Result.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  mergeFindings(Result);
  if (Result.Diff)
    Result.Diff->OutsideDiff = keepChangedLines(Result, Changed);
  if (!BaselineKeys.empty() || !Baseline.empty())
    applyBaseline(Result, BaselineKeys);

  bool WroteAll = true;
  bool AnyOutput = TextOut.getNumOccurrences() || !JsonOut.empty() || !SarifOut.empty();
  AnyOutput |= reviewOutputsRequested();
  if (!AnyOutput || TextOut.getNumOccurrences())
    WroteAll &= writeOutput(TextOut, [&](raw_ostream &OS) { writeText(OS, Result); });
  if (!JsonOut.empty())
    WroteAll &= writeOutput(JsonOut, [&](raw_ostream &OS) { writeJson(OS, Result, Version, &*Catalogs); });
  if (!SarifOut.empty())
    WroteAll &= writeOutput(SarifOut, [&](raw_ostream &OS) {
      writeSarif(OS, Result, {DocsBaseUrl, Version, Category, &*Catalogs});
    });
  WroteAll &= writeReviewOutputs(Result, *Catalogs, *Options);

  size_t FailedUnits = 0;
  for (const UnitResult &U : Result.Units)
    FailedUnits += !U.Ok;
  if (!Quiet)
    errs() << "appsec-scan: " << Result.Units.size() << " translation unit"
           << (Result.Units.size() == 1 ? "" : "s") << " (" << FailedUnits << " failed), "
           << Result.Findings.size() << " finding" << (Result.Findings.size() == 1 ? "" : "s")
           << (Baseline.empty() ? std::string()
                                : ", " + std::to_string(Result.SuppressedByBaseline) + " in the baseline")
           << ", " << format("%.1f", Result.Seconds) << " s with -j" << J
           << (Result.Rounds > 1 ? ", " + std::to_string(Result.Rounds) + " rounds (" +
                                       std::to_string(Result.Rescanned) + " units scanned again)"
                                 : std::string())
           << (Result.Reused ? ", " + std::to_string(Result.Reused) + " unchanged unit" +
                                   (Result.Reused == 1 ? "" : "s") + " from the last scan"
                             : std::string())
           << "\n";
  if (!Quiet && Result.Shard)
    errs() << "appsec-scan: shard " << Result.Shard->Index << "/" << Result.Shard->Count << ": "
           << Result.Shard->Units << " of " << Result.Shard->TotalUnits
           << " translation units; join the shards' reports with `appsec-scan merge`\n";
  if (!Quiet && Result.Diff)
    errs() << "appsec-scan: --diff=" << Result.Diff->Range << ": " << Result.Diff->OutsideDiff
           << " finding" << (Result.Diff->OutsideDiff == 1 ? "" : "s")
           << " outside the changed lines left out, " << Result.Diff->UnchangedUnits
           << " unchanged translation unit" << (Result.Diff->UnchangedUnits == 1 ? "" : "s")
           << " not scanned\n";

  if (!WroteAll || (FailedUnits && !IgnoreFailedTus))
    return 2;
  if (FailOn != "none")
    for (const Finding &F : Result.Findings)
      if (levelRank(F.Level) >= levelRank(FailOn))
        return 1;
  return 0;
}
