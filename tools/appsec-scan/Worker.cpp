//===- Worker.cpp - scan one translation unit with clang-tidy -----------===//
//
// Runs in its own process (the parent starts one per translation unit), so a
// crash or hang in one file never takes the scan down, and clang-tidy's
// per-context state is never shared between threads.
//
//===----------------------------------------------------------------------===//
#include "Worker.h"
#include "Finding.h"
#include "ScanCache.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <map>
#include <memory>

using namespace clang;
using namespace clang::tidy;
using llvm::MemoryBuffer;
namespace sys = llvm::sys;

namespace appsec::scan {
namespace {

/// Turns byte offsets into line/column, reading each file once.
class PositionMapper {
public:
  Position map(const std::string &RawPath, const std::string &BuildDir,
               unsigned Offset, unsigned Length = 0) {
    Position P;
    if (RawPath.empty())
      return P;
    llvm::SmallString<256> Path(RawPath);
    if (!llvm::sys::path::is_absolute(Path) && !BuildDir.empty()) {
      llvm::SmallString<256> Abs(BuildDir);
      llvm::sys::path::append(Abs, Path);
      Path = Abs;
    }
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    P.File = std::string(Path);
    auto It = Files.find(P.File);
    if (It == Files.end()) {
      auto Buf = llvm::MemoryBuffer::getFile(P.File);
      It = Files.emplace(P.File, Buf ? std::string((*Buf)->getBuffer()) : std::string()).first;
    }
    const std::string &Text = It->second;
    if (Offset > Text.size())
      return P; // file changed under us; keep the path only
    size_t LineStart = Offset == 0 ? std::string::npos : Text.rfind('\n', Offset - 1);
    LineStart = LineStart == std::string::npos ? 0 : LineStart + 1;
    P.Line = 1 + static_cast<unsigned>(std::count(Text.begin(), Text.begin() + LineStart, '\n'));
    P.Column = Offset - static_cast<unsigned>(LineStart) + 1;
    P.ColumnCp = codePoints(Text, LineStart, Offset) + 1;
    size_t LineEnd = Text.find('\n', LineStart);
    if (LineEnd == std::string::npos)
      LineEnd = Text.size();
    P.LineText = Text.substr(LineStart, LineEnd - LineStart);
    if (!P.LineText.empty() && P.LineText.back() == '\r')
      P.LineText.pop_back();
    if (Length > 0 && Offset + Length <= LineEnd)
      P.EndColumnCp = P.ColumnCp + codePoints(Text, Offset, Offset + Length);
    return P;
  }

private:
  static unsigned codePoints(const std::string &Text, size_t From, size_t To) {
    unsigned N = 0;
    for (size_t I = From; I < To; ++I)
      if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
        ++N;
    return N;
  }
  std::map<std::string, std::string> Files;
};

/// Records in \p Unit every file the compiler read for it: the main file and
/// the headers clang listed in \p IncludeList (paths as spelled, relative to
/// the command's directory), each with its content hash. Nothing is
/// recorded when the list is missing, or when a file was modified after
/// \p Start (edited while the unit was scanned: the hash may not be of the
/// text the findings came from); the unit is then never reused.
void recordInputs(UnitResult &Unit, const std::string &File,
                  const std::vector<tooling::CompileCommand> &Commands,
                  const std::string &IncludeList, sys::TimePoint<> Start) {
  auto Buf = MemoryBuffer::getFile(IncludeList);
  sys::fs::remove(IncludeList);
  if (!Buf || Commands.empty())
    return;
  auto Absolute = [&](StringRef P) {
    SmallString<256> Abs(P);
    if (!sys::path::is_absolute(Abs)) {
      Abs = Commands.front().Directory;
      sys::path::append(Abs, P);
    }
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return std::string(Abs);
  };
  std::map<std::string, std::string> Inputs;
  SmallVector<StringRef, 256> Lines;
  (*Buf)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  Lines.push_back(File);
  for (StringRef Line : Lines) {
    std::string Path = Absolute(Line.trim());
    sys::fs::file_status Status;
    if (sys::fs::status(Path, Status) || Status.getLastModificationTime() >= Start)
      return;
    std::string Hash = contentHash(Path);
    if (Hash.empty())
      return; // a file we cannot read back: do not pretend to know the inputs
    Inputs.emplace(std::move(Path), std::move(Hash));
  }
  Unit.Inputs = std::move(Inputs);
}

} // namespace

int runWorker(const WorkerRequest &Request, const std::string &OutputPath) {
  auto Start = std::chrono::steady_clock::now();
  std::string Error;
  auto Db = tooling::JSONCompilationDatabase::loadFromFile(
      Request.Database, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db) {
    llvm::errs() << "appsec-scan: cannot read " << Request.Database << ": " << Error << "\n";
    return 2;
  }
  tooling::ArgumentsAdjustingCompilations Compilations(std::move(Db));
  if (!Request.ResourceDir.empty()) {
    std::string Dir = Request.ResourceDir;
    Compilations.appendArgumentsAdjuster(
        [Dir](const tooling::CommandLineArguments &Args, StringRef) {
          for (const std::string &A : Args)
            if (StringRef(A).starts_with("-resource-dir"))
              return Args;
          tooling::CommandLineArguments Out = Args;
          Out.insert(Out.begin() + (Out.empty() ? 0 : 1), "-resource-dir=" + Dir);
          return Out;
        });
  }

  // The headers the compiler enters, written by clang itself as it parses
  // (what an incremental scan compares next time; see ScanCache.h). The
  // -Xclang form survives the tooling's removal of -M options.
  sys::TimePoint<> ParseStart = std::chrono::system_clock::now();
  std::string IncludeList = OutputPath + ".inc";
  sys::fs::remove(IncludeList);
  Compilations.appendArgumentsAdjuster(
      [IncludeList](const tooling::CommandLineArguments &Args, StringRef) {
        tooling::CommandLineArguments Out = Args;
        for (const char *A : {"-Xclang", "-header-include-file", "-Xclang", IncludeList.c_str(),
                              "-Xclang", "-sys-header-deps"})
          Out.push_back(A);
        return Out;
      });
  std::vector<tooling::CompileCommand> Commands = Compilations.getCompileCommands(Request.File);

  ClangTidyGlobalOptions Global;
  ClangTidyContext Context(
      std::make_unique<DefaultOptionsProvider>(Global, Request.Options));
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, Compilations, {Request.File}, BaseFS,
                   /*ApplyAnyFix=*/false);

  UnitResult Unit;
  Unit.File = Request.File;
  PositionMapper Mapper;
  for (const ClangTidyError &E : Errors) {
    auto MapMsg = [&](const tooling::DiagnosticMessage &M) {
      unsigned Length = 0;
      if (!M.Ranges.empty() && M.Ranges.front().FilePath == M.FilePath &&
          M.Ranges.front().FileOffset == M.FileOffset)
        Length = M.Ranges.front().Length;
      return Mapper.map(M.FilePath, E.BuildDirectory, M.FileOffset, Length);
    };
    if (E.DiagnosticName == "clang-diagnostic-error" ||
        (E.DiagLevel == tooling::Diagnostic::Error && !E.IsWarningAsError &&
         StringRef(E.DiagnosticName).starts_with("clang-diagnostic-"))) {
      Unit.Ok = false;
      Unit.Errors.push_back({E.Message.Message, MapMsg(E.Message)});
      continue;
    }
    if (E.DiagLevel == tooling::Diagnostic::Error && !E.IsWarningAsError &&
        E.Message.FilePath.empty()) {
      // Configuration errors (e.g. an unreadable model file) have no location.
      Unit.Errors.push_back({E.Message.Message + " [" + E.DiagnosticName + "]", {}});
      Unit.Ok = false;
      continue;
    }
    if (E.DiagLevel == tooling::Diagnostic::Remark &&
        StringRef(E.DiagnosticName).starts_with("appsec-")) {
      Unit.Notices.push_back({E.Message.Message, MapMsg(E.Message)});
      continue;
    }
    Finding F;
    F.Check = E.DiagnosticName;
    // WarningsAsErrors keeps the warning level and sets IsWarningAsError.
    F.Level = (E.DiagLevel == tooling::Diagnostic::Error || E.IsWarningAsError) ? "error"
              : E.DiagLevel == tooling::Diagnostic::Remark ? "note"
                                                           : "warning";
    F.Message = E.Message.Message;
    F.Pos = MapMsg(E.Message);
    for (const tooling::DiagnosticMessage &N : E.Notes)
      F.Notes.push_back({N.Message, MapMsg(N)});
    Unit.Findings.push_back(std::move(F));
  }
  if (!Unit.Ok)
    Unit.FailureReason = "the translation unit has compiler errors";
  recordInputs(Unit, Request.File, Commands, IncludeList, ParseStart);
  Unit.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();

  nlohmann::json J;
  J["file"] = Unit.File;
  J["ok"] = Unit.Ok;
  J["failureReason"] = Unit.FailureReason;
  J["errors"] = Unit.Errors;
  J["findings"] = Unit.Findings;
  J["notices"] = Unit.Notices;
  J["seconds"] = Unit.Seconds;
  J["inputs"] = Unit.Inputs;
  std::error_code EC;
  llvm::raw_fd_ostream OS(OutputPath, EC);
  if (EC) {
    llvm::errs() << "appsec-scan: cannot write " << OutputPath << ": " << EC.message() << "\n";
    return 2;
  }
  OS << J.dump() << "\n";
  return 0;
}

// ---- JSON conversions --------------------------------------------------------

void to_json(nlohmann::json &J, const Position &P) {
  J = {{"file", P.File}, {"line", P.Line}, {"column", P.Column},
       {"columnCp", P.ColumnCp}, {"endColumnCp", P.EndColumnCp},
       {"lineText", P.LineText}};
}
void from_json(const nlohmann::json &J, Position &P) {
  P.File = J.value("file", "");
  P.Line = J.value("line", 0u);
  P.Column = J.value("column", 0u);
  P.ColumnCp = J.value("columnCp", 0u);
  P.EndColumnCp = J.value("endColumnCp", 0u);
  P.LineText = J.value("lineText", "");
}
void to_json(nlohmann::json &J, const Note &N) {
  J = {{"message", N.Message}, {"pos", N.Pos}};
}
void from_json(const nlohmann::json &J, Note &N) {
  N.Message = J.value("message", "");
  if (J.contains("pos"))
    N.Pos = J.at("pos").get<Position>();
}
void to_json(nlohmann::json &J, const Finding &F) {
  J = {{"check", F.Check}, {"level", F.Level}, {"message", F.Message},
       {"pos", F.Pos}, {"notes", F.Notes}};
}
void from_json(const nlohmann::json &J, Finding &F) {
  F.Check = J.value("check", "");
  F.Level = J.value("level", "warning");
  F.Message = J.value("message", "");
  if (J.contains("pos"))
    F.Pos = J.at("pos").get<Position>();
  if (J.contains("notes"))
    F.Notes = J.at("notes").get<std::vector<Note>>();
}

} // namespace appsec::scan
