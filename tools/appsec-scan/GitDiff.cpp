//===- GitDiff.cpp - the lines a git range changed, for --diff -----------===//
#include "GitDiff.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <optional>

extern char **environ;

namespace appsec::scan {

using llvm::StringRef;

void ChangedLines::add(const std::string &File, unsigned First, unsigned Count) {
  if (Count == 0 || First == 0)
    return;
  Ranges[File].push_back({First, First + Count - 1});
}

std::string ChangedLines::realPath(const std::string &File) const {
  auto It = RealPaths.find(File);
  if (It != RealPaths.end())
    return It->second;
  llvm::SmallString<256> Real;
  std::string Out = llvm::sys::fs::real_path(File, Real) ? File : std::string(Real);
  RealPaths.emplace(File, Out);
  return Out;
}

bool ChangedLines::contains(const std::string &File, unsigned Line) const {
  auto It = Ranges.find(realPath(File));
  if (It == Ranges.end())
    return false;
  for (const auto &[First, Last] : It->second)
    if (Line >= First && Line <= Last)
      return true;
  return false;
}

bool ChangedLines::touches(const std::string &File) const {
  return Ranges.count(realPath(File)) != 0;
}

/// Undoes git's C-style quoting of unusual path names ("a/sp\303\244t.cpp").
static std::string unquote(StringRef S) {
  if (S.size() < 2 || S.front() != '"' || S.back() != '"')
    return S.str();
  S = S.drop_front().drop_back();
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C != '\\' || I + 1 == S.size()) {
      Out += C;
      continue;
    }
    char E = S[++I];
    switch (E) {
    case 'a': Out += '\a'; break;
    case 'b': Out += '\b'; break;
    case 't': Out += '\t'; break;
    case 'n': Out += '\n'; break;
    case 'v': Out += '\v'; break;
    case 'f': Out += '\f'; break;
    case 'r': Out += '\r'; break;
    default:
      if (E >= '0' && E <= '7' && I + 2 < S.size()) {
        unsigned V = 0;
        StringRef Oct = S.substr(I, 3);
        if (Oct.size() == 3 && !Oct.getAsInteger(8, V)) {
          Out += static_cast<char>(V);
          I += 2;
          break;
        }
      }
      Out += E; // \" and \\ and anything unknown
    }
  }
  return Out;
}

/// "+c,d" or "+c" of a hunk header: the new side starts at line c and has d
/// lines (1 when omitted).
static bool newSide(StringRef Header, unsigned &First, unsigned &Count) {
  // @@ -a[,b] +c[,d] @@ ...
  size_t Plus = Header.find(" +");
  if (Plus == StringRef::npos)
    return false;
  StringRef Spec = Header.substr(Plus + 2);
  Spec = Spec.take_until([](char C) { return C == ' '; });
  auto [Start, Len] = Spec.split(',');
  if (Start.getAsInteger(10, First))
    return false;
  Count = 1;
  if (!Len.empty() && Len.getAsInteger(10, Count))
    return false;
  return true;
}

void parseUnifiedDiff(StringRef Diff, const std::string &TopLevel, ChangedLines &Out) {
  std::string Current; // absolute path of the new side, "" for deleted files
  bool InHeader = false;
  while (!Diff.empty()) {
    auto [Line, Rest] = Diff.split('\n');
    Diff = Rest;
    if (Line.starts_with("diff --git ")) {
      InHeader = true;
      Current.clear();
      continue;
    }
    if (InHeader && Line.starts_with("+++ ")) {
      std::string Path = unquote(Line.drop_front(4).rtrim("\r\t"));
      if (StringRef(Path).starts_with("b/")) {
        llvm::SmallString<256> Abs(TopLevel);
        llvm::sys::path::append(Abs, llvm::sys::path::Style::posix, StringRef(Path).drop_front(2));
        Current = std::string(Abs);
      } else {
        Current.clear(); // /dev/null: the file was deleted
      }
      continue;
    }
    if (Line.starts_with("@@ ")) {
      InHeader = false;
      unsigned First = 0, Count = 0;
      if (!Current.empty() && newSide(Line, First, Count))
        Out.add(Current, First, Count);
    }
    // Hunk bodies (+/-/space lines), "\ No newline", binary notes: nothing.
  }
}

namespace {
/// Runs git with Args in Dir; Stdout gets its output, Error a one-line reason.
struct GitRun {
  int Status = -1;
  std::string Stdout, Stderr;
};
} // namespace

static std::optional<GitRun> runGit(const std::string &Git, const std::string &Dir,
                                    const std::vector<std::string> &Args, std::string &Error) {
  llvm::SmallString<128> OutFile, ErrFile;
  if (auto EC = llvm::sys::fs::createTemporaryFile("appsec-scan-git", "out", OutFile)) {
    Error = "cannot create a temporary file: " + EC.message();
    return std::nullopt;
  }
  if (auto EC = llvm::sys::fs::createTemporaryFile("appsec-scan-git", "err", ErrFile)) {
    llvm::sys::fs::remove(OutFile);
    Error = "cannot create a temporary file: " + EC.message();
    return std::nullopt;
  }
  std::vector<StringRef> Argv = {Git, "-C", Dir};
  for (const std::string &A : Args)
    Argv.push_back(A);
  // Never prompt (a partial clone could want credentials to fetch blobs) and
  // never take the index lock: the scan only reads the repository.
  std::vector<std::string> EnvStore;
  for (char **E = environ; E && *E; ++E)
    if (!StringRef(*E).starts_with("GIT_TERMINAL_PROMPT=") &&
        !StringRef(*E).starts_with("GIT_OPTIONAL_LOCKS="))
      EnvStore.push_back(*E);
  EnvStore.push_back("GIT_TERMINAL_PROMPT=0");
  EnvStore.push_back("GIT_OPTIONAL_LOCKS=0");
  std::vector<StringRef> Env(EnvStore.begin(), EnvStore.end());
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(OutFile), StringRef(ErrFile)};
  std::string ExecError;
  GitRun R;
  R.Status = llvm::sys::ExecuteAndWait(Git, Argv, Env, Redirects, /*SecondsToWait=*/600,
                                       /*MemoryLimit=*/0, &ExecError);
  if (auto Buf = llvm::MemoryBuffer::getFile(OutFile))
    R.Stdout = (*Buf)->getBuffer().str();
  if (auto Buf = llvm::MemoryBuffer::getFile(ErrFile))
    R.Stderr = StringRef((*Buf)->getBuffer()).trim().str();
  llvm::sys::fs::remove(OutFile);
  llvm::sys::fs::remove(ErrFile);
  if (R.Status < 0) {
    Error = "cannot run " + Git + (ExecError.empty() ? "" : ": " + ExecError);
    return std::nullopt;
  }
  return R;
}

size_t keepChangedLines(ScanResult &R, const ChangedLines &Changed) {
  size_t Before = R.Findings.size();
  llvm::erase_if(R.Findings, [&](const Finding &F) {
    return F.Pos.File.empty() || !Changed.contains(F.Pos.File, F.Pos.Line);
  });
  return Before - R.Findings.size();
}

bool gitChangedLines(const std::string &SourceRoot, const std::string &Range,
                     ChangedLines &Out, std::string &Error) {
  if (Range.empty() || Range[0] == '-') {
    Error = "--diff needs a git revision or range (A..B, A...B or REV), not '" + Range + "'";
    return false;
  }
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    Error = "--diff needs git, which is not on PATH";
    return false;
  }
  auto Top = runGit(*Git, SourceRoot, {"rev-parse", "--show-toplevel"}, Error);
  if (!Top)
    return false;
  if (Top->Status != 0) {
    Error = "--diff: " + SourceRoot + " is not in a git work tree (git: " + Top->Stderr + ")";
    return false;
  }
  std::string TopLevel = StringRef(Top->Stdout).trim().str();
  auto Diff = runGit(*Git, SourceRoot,
                     {"-c", "core.quotePath=false", "diff", "--unified=0", "--no-color",
                      "--no-ext-diff", "--no-textconv", "--no-relative", "--find-renames",
                      "--ignore-submodules", "--src-prefix=a/", "--dst-prefix=b/", Range, "--"},
                     Error);
  if (!Diff)
    return false;
  if (Diff->Status != 0) {
    Error = "--diff=" + Range + ": git diff failed (status " + std::to_string(Diff->Status) +
            "): " + Diff->Stderr;
    return false;
  }
  parseUnifiedDiff(Diff->Stdout, TopLevel, Out);
  return true;
}

} // namespace appsec::scan
