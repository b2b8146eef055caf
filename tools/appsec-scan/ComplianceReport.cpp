//===- ComplianceReport.cpp - the scan seen requirement by requirement --===//
#include "ComplianceReport.h"

#include "CheckList.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <map>

namespace appsec::scan {

using clang::tidy::appsec::allChecks;

// ---- the model -------------------------------------------------------------------

size_t ComplianceModel::Count(RequirementStatus S) const {
  return std::count_if(Rows.begin(), Rows.end(),
                       [S](const RequirementRow &R) { return R.Status == S; });
}

static const CheckInfo *checkInfo(llvm::StringRef Name) {
  for (const CheckInfo &C : allChecks())
    if (Name == llvm::StringRef(C.Name.data(), C.Name.size()))
      return &C;
  return nullptr;
}

static std::string joinChecks(const std::vector<std::string> &Checks) {
  return llvm::join(Checks, ", ");
}

ComplianceModel buildCompliance(const ComplianceInput &In) {
  ComplianceModel M;
  M.In = In;
  const ScanResult &R = *In.Result;
  for (const UnitResult &U : R.Units)
    M.FailedUnits += !U.Ok;
  std::map<const Requirement *, std::vector<size_t>> ByReq;
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    auto Reqs = In.Catalog->requirementsFor(R.Findings[I].Check);
    if (Reqs.empty())
      M.Unmapped.push_back(I);
    for (const Requirement *Req : Reqs)
      ByReq[Req].push_back(I);
  }
  for (const Requirement &Req : In.Catalog->requirements()) {
    RequirementRow Row;
    Row.Req = &Req;
    Row.Checks = Req.Checks;
    for (const std::string &C : Req.Checks)
      if (!In.EnabledChecks.count(C))
        Row.ChecksNotRun.push_back(C);
    Row.Findings = ByReq[&Req];
    bool AnyRan = Row.ChecksNotRun.size() < Row.Checks.size();
    if (!Row.Findings.empty()) {
      Row.Status = RequirementStatus::Findings;
      Row.Why = "The checks that cover it reported findings.";
    } else if (Req.Checkable == Checkability::No) {
      Row.Why = "No static check can show this requirement is met; provide other evidence.";
    } else if (Req.Checks.empty()) {
      Row.Why = "No check covers this requirement yet; provide other evidence.";
    } else if (!AnyRan) {
      Row.Why = "Its checks (" + joinChecks(Row.ChecksNotRun) +
                ") were not enabled in this scan; provide other evidence or enable them.";
    } else {
      Row.Status = RequirementStatus::Clean;
      Row.Why = "The checks that cover it found nothing";
      Row.Why += M.FailedUnits ? " in the translation units that could be scanned." : ".";
      if (!Row.ChecksNotRun.empty())
        Row.Why += " Not enabled in this scan: " + joinChecks(Row.ChecksNotRun) + ".";
      if (Req.Checkable == Checkability::Partly)
        Row.Why += " Code shows only part of this requirement; the rest needs other evidence.";
    }
    M.Rows.push_back(std::move(Row));
  }
  return M;
}

std::string scanDate() {
  std::time_t T = std::time(nullptr);
  if (const char *Epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long V;
    if (!llvm::StringRef(Epoch).getAsInteger(10, V) && V >= 0)
      T = static_cast<std::time_t>(V);
  }
  std::tm Tm{};
  gmtime_r(&T, &Tm);
  char Buf[32];
  std::strftime(Buf, sizeof Buf, "%Y-%m-%dT%H:%M:%SZ", &Tm);
  return Buf;
}

// ---- text helpers ------------------------------------------------------------------

/// Valid UTF-8 with control characters other than tab replaced by U+FFFD, so
/// both renderers emit well-formed text whatever the source files hold.
static std::string cleanText(llvm::StringRef S) {
  static const char Replacement[] = "\xEF\xBF\xBD";
  std::string Out;
  Out.reserve(S.size());
  for (size_t I = 0; I < S.size();) {
    unsigned char C = S[I];
    if (C < 0x80) {
      if (C < 0x20 && C != '\t')
        Out += Replacement;
      else if (C == 0x7F)
        Out += Replacement;
      else
        Out += static_cast<char>(C);
      ++I;
      continue;
    }
    size_t Len = (C & 0xE0) == 0xC0 ? 2 : (C & 0xF0) == 0xE0 ? 3 : (C & 0xF8) == 0xF0 ? 4 : 0;
    bool Ok = Len && I + Len <= S.size() && !(Len == 2 && C < 0xC2);
    for (size_t K = 1; Ok && K < Len; ++K)
      Ok = (static_cast<unsigned char>(S[I + K]) & 0xC0) == 0x80;
    if (Ok) {
      Out.append(S.data() + I, Len);
      I += Len;
    } else {
      Out += Replacement;
      ++I;
    }
  }
  return Out;
}

/// Messages are one line in both formats.
static std::string oneLine(llvm::StringRef S) {
  std::string Out(S);
  for (char &C : Out)
    if (C == '\n' || C == '\r')
      C = ' ';
  return cleanText(Out);
}

static std::string html(llvm::StringRef S) {
  std::string Out;
  for (char C : cleanText(S)) {
    switch (C) {
    case '&': Out += "&amp;"; break;
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '"': Out += "&quot;"; break;
    case '\'': Out += "&#39;"; break;
    default: Out += C;
    }
  }
  return Out;
}

/// Markdown text: every character that could start markup is escaped, so
/// messages and catalog texts render literally (no HTML, links, emphasis,
/// mentions, math or autolinks); text that starts a line (\p LineStart)
/// cannot start a block (list, heading, quote) whatever its first characters.
static std::string md(llvm::StringRef S, bool LineStart = false) {
  std::string Text = oneLine(S), Out;
  size_t Digits = 0;
  while (Digits < Text.size() && llvm::isDigit(Text[Digits]))
    ++Digits;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    bool Escape = llvm::StringRef("\\`*_[]<>#|~&@$!").contains(C) ||
                  (C == ':' && Text.compare(I + 1, 2, "//") == 0) ||
                  (LineStart && I == 0 && std::ispunct(static_cast<unsigned char>(C))) ||
                  (LineStart && I == Digits && Digits && (C == '.' || C == ')'));
    if (Escape)
      Out += '\\';
    Out += C;
  }
  return Out;
}

/// A Markdown code span holding S literally (any backticks in S included).
static std::string mdCode(llvm::StringRef S) {
  std::string Text = oneLine(S);
  size_t Longest = 0, Run = 0;
  for (char C : Text) {
    Run = C == '`' ? Run + 1 : 0;
    Longest = std::max(Longest, Run);
  }
  std::string Fence(Longest + 1, '`');
  bool Pad = !Text.empty() && (Text.front() == '`' || Text.back() == '`' || Text.front() == ' ');
  // In a GFM table a '|' ends the cell even inside a code span.
  std::string Escaped;
  for (char C : Text)
    Escaped += C == '|' ? std::string("\\|") : std::string(1, C);
  return Fence + (Pad ? " " : "") + Escaped + (Pad ? " " : "") + Fence;
}

static std::string urlPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-_.~").contains(C))
      Out += static_cast<char>(C);
    else
      Out += llvm::formatv("%{0:X2}", static_cast<unsigned>(C)).str();
  }
  return Out;
}

/// A URL as a Markdown link destination: nothing that could end it early.
static std::string mdUrl(llvm::StringRef Url) {
  std::string Out;
  for (unsigned char C : Url) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~:/?#@!$&'*+,;=%").contains(C))
      Out += static_cast<char>(C);
    else
      Out += llvm::formatv("%{0:X2}", static_cast<unsigned>(C)).str();
  }
  return Out;
}

static bool isWebUrl(llvm::StringRef U) {
  return U.starts_with("https://") || U.starts_with("http://");
}

static const char *statusName(RequirementStatus S) {
  switch (S) {
  case RequirementStatus::Findings: return "findings";
  case RequirementStatus::Clean: return "clean";
  case RequirementStatus::NeedsEvidence: return "needs-evidence";
  }
  return "";
}

static const char *statusLabel(RequirementStatus S) {
  switch (S) {
  case RequirementStatus::Findings: return "Findings";
  case RequirementStatus::Clean: return "Clean by static checks";
  case RequirementStatus::NeedsEvidence: return "Needs evidence";
  }
  return "";
}

static std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many = "") {
  return std::to_string(N) + " " +
         (N == 1 ? One.str() : Many.empty() ? One.str() + "s" : Many.str());
}

/// What every report says in its header, shared by both renderers.
struct Facts {
  std::string Location(const Position &P) const { // "src/a.cpp:3:7"
    std::string S = P.File.empty() ? "<unknown>" : displayPath(P.File, Root);
    if (P.Line)
      S += ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
    return S;
  }
  /// The link to P's line, or "" when there is no base URL or P lies outside the root.
  std::string Link(const Position &P) const {
    if (Base.empty() || P.File.empty())
      return "";
    std::string Rel = displayPath(P.File, Root);
    if (Rel == P.File)
      return "";
    return Base + "/" + urlPath(Rel) + (P.Line ? "#L" + std::to_string(P.Line) : "");
  }
  std::string Root, Base;
};

static Facts factsOf(const ComplianceModel &M) {
  Facts F;
  F.Root = M.In.Result->SourceRoot;
  F.Base = isWebUrl(M.In.CodeBaseUrl) ? M.In.CodeBaseUrl : "";
  while (!F.Base.empty() && F.Base.back() == '/')
    F.Base.pop_back();
  return F;
}

static std::string levelCounts(const ScanResult &R) {
  std::map<std::string, size_t> N;
  for (const Finding &F : R.Findings)
    ++N[F.Level];
  std::vector<std::string> Parts;
  for (const char *L : {"error", "warning", "note"})
    if (N[L])
      Parts.push_back(plural(N[L], L));
  return Parts.empty() ? "" : " (" + llvm::join(Parts, ", ") + ")";
}

static std::string idList(const ComplianceModel &M, RequirementStatus S) {
  std::vector<std::string> Ids;
  for (const RequirementRow &R : M.Rows)
    if (R.Status == S)
      Ids.push_back(R.Req->Id);
  return llvm::join(Ids, ", ");
}

// ---- Markdown ----------------------------------------------------------------------

static const char *mdStatusIcon(RequirementStatus S) {
  switch (S) {
  case RequirementStatus::Findings: return "\xE2\x9D\x8C";             // cross mark
  case RequirementStatus::Clean: return "\xE2\x9C\x85";                // check mark
  case RequirementStatus::NeedsEvidence: return "\xF0\x9F\x93\x8B";    // clipboard
  }
  return "";
}

static std::string mdLocation(const Facts &Fx, const Position &P) {
  std::string Code = mdCode(Fx.Location(P));
  std::string Link = Fx.Link(P);
  return Link.empty() ? Code : "[" + Code + "](" + mdUrl(Link) + ")";
}

static void mdFinding(llvm::raw_ostream &OS, const Facts &Fx, const Finding &F, size_t N) {
  OS << N << ". **" << md(F.Level) << "** " << mdCode(F.Check) << " at "
     << mdLocation(Fx, F.Pos) << ": " << md(F.Message) << "\n";
  if (F.Notes.empty())
    return;
  // The path: notes in order (source, steps), then the finding itself (sink).
  size_t Step = 0;
  for (const Note &Nt : F.Notes)
    OS << "   - step " << ++Step << ", " << mdLocation(Fx, Nt.Pos) << ": " << md(Nt.Message)
       << "\n";
  OS << "   - sink, " << mdLocation(Fx, F.Pos) << "\n";
}

void writeComplianceMarkdown(llvm::raw_ostream &OS, const ComplianceModel &M) {
  const ScanResult &R = *M.In.Result;
  const RequirementCatalog &C = *M.In.Catalog;
  Facts Fx = factsOf(M);

  OS << "# Compliance report: " << md(C.name()) << "\n\n";
  OS << "| | |\n|---|---|\n";
  OS << "| Catalog | " << md(C.name()) << ", version " << md(C.version()) << " (" << md(M.In.CatalogOrigin)
     << ") |\n";
  OS << "| Scan date | " << md(M.In.ScanDate) << " |\n";
  OS << "| Tool | appsec-scan " << md(M.In.ToolVersion) << " |\n";
  OS << "| Translation units | " << R.Units.size() << " scanned, " << M.FailedUnits << " failed |\n";
  OS << "| Checks run | " << M.In.EnabledChecks.size() << " of " << allChecks().size()
     << " appsec checks |\n";
  OS << "| Findings | " << R.Findings.size() << md(levelCounts(R));
  if (R.SuppressedByBaseline)
    OS << "; " << R.SuppressedByBaseline << " more in the baseline, not shown";
  OS << " |\n\n";

  OS << "## Summary\n\n| Status | Requirements | Count |\n|---|---|---|\n";
  for (RequirementStatus S : {RequirementStatus::Findings, RequirementStatus::Clean,
                              RequirementStatus::NeedsEvidence})
    OS << "| " << mdStatusIcon(S) << " " << statusLabel(S) << " | " << md(idList(M, S)) << " | "
       << M.Count(S) << " |\n";
  OS << "\n";
  if (M.FailedUnits) {
    OS << "> **Warning:** " << plural(M.FailedUnits, "translation unit")
       << " could not be scanned, so \"clean\" covers only the units that were:\n";
    for (const UnitResult &U : R.Units)
      if (!U.Ok)
        OS << "> - " << mdCode(displayPath(U.File, R.SourceRoot)) << ": " << md(U.FailureReason)
           << (U.Errors.empty() ? "" : ": " + md(U.Errors.front().Message)) << "\n";
    OS << "\n";
  }

  OS << "| Requirement | Category | Statically checkable | Status | Findings |\n"
        "|---|---|---|---|---|\n";
  for (const RequirementRow &Row : M.Rows)
    OS << "| " << md(Row.Req->Id) << ": " << md(Row.Req->Title) << " | " << md(Row.Req->Category)
       << " | " << toString(Row.Req->Checkable).data() << " | " << mdStatusIcon(Row.Status) << " "
       << statusLabel(Row.Status) << " | " << Row.Findings.size() << " |\n";
  OS << "\n";

  for (const RequirementRow &Row : M.Rows) {
    const Requirement &Req = *Row.Req;
    OS << "## " << md(C.label()) << " requirement " << md(Req.Id) << ": " << md(Req.Title) << "\n\n";
    OS << "**Status:** " << mdStatusIcon(Row.Status) << " " << statusLabel(Row.Status);
    if (!Row.Findings.empty())
      OS << " (" << plural(Row.Findings.size(), "finding") << ")";
    OS << " · **Category:** " << md(Req.Category) << " · **Statically checkable:** "
       << toString(Req.Checkable).data();
    if (isWebUrl(Req.Source))
      OS << " · [source](" << mdUrl(Req.Source) << ")";
    OS << "\n\n" << md(Req.Summary, true) << "\n\n";
    OS << "*What code can show:* " << md(Req.CoverageNote) << "\n\n";
    OS << md(Row.Why, true) << "\n\n";
    if (!Row.Checks.empty()) {
      OS << "**Checks:** ";
      for (size_t I = 0; I < Row.Checks.size(); ++I) {
        const CheckInfo *Info = checkInfo(Row.Checks[I]);
        OS << (I ? ", " : "") << mdCode(Row.Checks[I]);
        if (Info)
          OS << " (" << md(Info->Cwe) << ")";
        if (std::count(Row.ChecksNotRun.begin(), Row.ChecksNotRun.end(), Row.Checks[I]))
          OS << (Info ? " *not enabled*" : " *unknown check*");
      }
      OS << "\n\n";
    }
    size_t N = 0;
    for (size_t I : Row.Findings)
      mdFinding(OS, Fx, R.Findings[I], ++N);
    if (N)
      OS << "\n";
  }

  if (!M.Unmapped.empty()) {
    OS << "## Findings not mapped to a requirement\n\n"
       << "These checks are not listed by any requirement of the catalog.\n\n";
    size_t N = 0;
    for (size_t I : M.Unmapped)
      mdFinding(OS, Fx, R.Findings[I], ++N);
    OS << "\n";
  }
}

// ---- HTML --------------------------------------------------------------------------

namespace {

/// Source files read once, for the excerpts.
class SourceCache {
public:
  /// Line \p N (1-based) of \p File, or nullptr when unreadable / out of range.
  const std::string *line(const std::string &File, unsigned N) {
    auto It = Files.find(File);
    if (It == Files.end()) {
      std::vector<std::string> Lines;
      auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
      if (Buf && (*Buf)->getBufferSize() <= MaxFileSize) {
        llvm::SmallVector<llvm::StringRef, 0> Parts;
        (*Buf)->getBuffer().split(Parts, '\n');
        for (llvm::StringRef L : Parts)
          Lines.push_back(L.rtrim('\r').str());
      }
      It = Files.emplace(File, std::move(Lines)).first;
    }
    if (N == 0 || N > It->second.size())
      return nullptr;
    return &It->second[N - 1];
  }

private:
  static constexpr uint64_t MaxFileSize = 16 << 20;
  std::map<std::string, std::vector<std::string>> Files;
};

/// One highlighted line of an excerpt: which path steps point at it.
struct Mark {
  std::vector<std::string> Labels; ///< "1", "2", "sink"
  bool Sink = false;
  unsigned FromCp = 0, ToCp = 0;   ///< the sink's range on its line, 1-based code points
  std::string FallbackText;        ///< the line as the worker saw it
};

constexpr unsigned ContextLines = 2;
constexpr size_t MaxExcerptLines = 80;

} // namespace

/// The line with the code points [FromCp, ToCp) inside <mark>.
static std::string htmlLine(const std::string &Text, unsigned FromCp, unsigned ToCp) {
  std::string Clean = cleanText(Text);
  if (!FromCp || ToCp <= FromCp)
    return html(Clean);
  size_t From = std::string::npos, To = std::string::npos;
  unsigned Cp = 0;
  for (size_t I = 0; I <= Clean.size(); ++I) {
    if (I < Clean.size() && (static_cast<unsigned char>(Clean[I]) & 0xC0) == 0x80)
      continue;
    ++Cp;
    if (Cp == FromCp)
      From = I;
    if (Cp == ToCp) {
      To = I;
      break;
    }
  }
  if (From == std::string::npos || From >= Clean.size())
    return html(Clean);
  if (To == std::string::npos)
    To = Clean.size();
  return html(Clean.substr(0, From)) + "<mark>" + html(Clean.substr(From, To - From)) +
         "</mark>" + html(Clean.substr(To));
}

/// The sink's range when the check gave none: the token at the column.
static unsigned tokenEndCp(const std::string &Text, unsigned FromCp, unsigned FromByte) {
  if (!FromByte || FromByte > Text.size())
    return 0;
  size_t I = FromByte - 1;
  unsigned End = FromCp;
  while (I < Text.size() && (llvm::isAlnum(Text[I]) || Text[I] == '_'))
    ++I, ++End;
  return End == FromCp ? FromCp + 1 : End;
}

static void htmlExcerpts(llvm::raw_ostream &OS, const Facts &Fx, const Finding &F,
                         SourceCache &Sources) {
  // Files in the order the path visits them; per file, the marked lines.
  std::vector<std::string> FileOrder;
  std::map<std::string, std::map<unsigned, Mark>> Marks;
  auto Add = [&](const Position &P, const std::string &Label, bool Sink) {
    if (P.File.empty() || !P.Line)
      return;
    if (!Marks.count(P.File))
      FileOrder.push_back(P.File);
    Mark &Mk = Marks[P.File][P.Line];
    Mk.Labels.push_back(Label);
    Mk.FallbackText = P.LineText;
    if (Sink) {
      Mk.Sink = true;
      Mk.FromCp = P.ColumnCp;
      Mk.ToCp = P.EndColumnCp > P.ColumnCp ? P.EndColumnCp
                                           : tokenEndCp(P.LineText, P.ColumnCp, P.Column);
    }
  };
  size_t Step = 0;
  for (const Note &N : F.Notes)
    Add(N.Pos, std::to_string(++Step), false);
  Add(F.Pos, "sink", true);

  size_t Budget = MaxExcerptLines;
  for (const std::string &File : FileOrder) {
    const auto &Lines = Marks[File];
    // Windows of context around each marked line, merged where they touch.
    std::vector<std::pair<unsigned, unsigned>> Windows;
    for (const auto &[Line, Mk] : Lines) {
      unsigned From = Line > ContextLines ? Line - ContextLines : 1;
      unsigned To = Line + ContextLines;
      if (!Windows.empty() && From <= Windows.back().second + 1)
        Windows.back().second = std::max(Windows.back().second, To);
      else
        Windows.push_back({From, To});
    }
    OS << "<div class=\"excerpt\"><div class=\"file\">" << html(displayPath(File, Fx.Root))
       << "</div>\n<table class=\"code\">\n";
    for (size_t W = 0; W < Windows.size(); ++W) {
      if (W)
        OS << "<tr class=\"gap\"><td class=\"ln\">\xE2\x8B\xAE</td><td class=\"tag\"></td>"
              "<td class=\"src\"></td></tr>\n";
      for (unsigned L = Windows[W].first; L <= Windows[W].second; ++L) {
        auto MkIt = Lines.find(L);
        const Mark *Mk = MkIt == Lines.end() ? nullptr : &MkIt->second;
        const std::string *Text = Sources.line(File, L);
        if (!Text && !Mk)
          continue; // past the end of the file, or unreadable context
        // Marked lines always show, even past the excerpt budget.
        if (!Mk && Budget == 0)
          continue;
        Budget -= Budget ? 1 : 0;
        // The file may have changed since the scan: trust the worker's copy.
        std::string Src = Mk && (!Text || *Text != Mk->FallbackText) ? Mk->FallbackText : *Text;
        OS << "<tr";
        if (Mk)
          OS << " class=\"hl " << (Mk->Sink ? "sink" : "step") << "\"";
        OS << "><td class=\"ln\">" << L << "</td><td class=\"tag\">"
           << (Mk ? html(llvm::join(Mk->Labels, ",")) : "") << "</td><td class=\"src\"><code>"
           << (Mk && Mk->Sink ? htmlLine(Src, Mk->FromCp, Mk->ToCp) : html(Src))
           << "</code></td></tr>\n";
      }
    }
    OS << "</table></div>\n";
  }
}

static std::string htmlLocation(const Facts &Fx, const Position &P) {
  std::string Link = Fx.Link(P);
  std::string Text = "<code>" + html(Fx.Location(P)) + "</code>";
  return Link.empty() ? "<span class=\"loc\">" + Text + "</span>"
                      : "<a class=\"loc\" href=\"" + html(Link) + "\">" + Text + "</a>";
}

static void htmlFinding(llvm::raw_ostream &OS, const Facts &Fx, const Finding &F,
                        const std::string &Id, SourceCache &Sources) {
  OS << "<div class=\"finding\" id=\"" << Id << "\">\n<p class=\"head\"><span class=\"level "
     << (F.Level == "error" ? "error" : F.Level == "note" ? "note" : "warning") << "\">"
     << html(F.Level) << "</span> <code class=\"check\">" << html(F.Check) << "</code> "
     << htmlLocation(Fx, F.Pos) << "</p>\n<p class=\"message\">" << html(F.Message) << "</p>\n";
  if (!F.Notes.empty()) {
    OS << "<ol class=\"path\">\n";
    for (const Note &N : F.Notes)
      OS << "<li>" << htmlLocation(Fx, N.Pos) << " " << html(N.Message) << "</li>\n";
    OS << "<li class=\"sink\">" << htmlLocation(Fx, F.Pos) << " sink</li>\n</ol>\n";
  }
  htmlExcerpts(OS, Fx, F, Sources);
  OS << "</div>\n";
}

static const char *const Css = R"css(
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bad:#cf222e;--bad-bg:#ffebe9;--ok:#1a7f37;--ok-bg:#dafbe1;--ev:#9a6700;--ev-bg:#fff8c5;--step-bg:#ddf4ff;--sink-bg:#ffebe9}
*{box-sizing:border-box}
body{font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);margin:0 auto;max-width:1180px;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:0 0 8px}
code,pre{font:13px/1.45 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
a{color:#0969da}
.muted,.meta{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.cards{display:flex;gap:12px;margin:12px 0;flex-wrap:wrap}
.card{flex:1;min-width:200px;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.card .n{display:block;font-size:30px;font-weight:600}
.card.findings{border-color:var(--bad);background:var(--bad-bg)}
.card.clean{border-color:var(--ok);background:var(--ok-bg)}
.card.needs-evidence{border-color:var(--ev);background:var(--ev-bg)}
.warn{border-left:4px solid var(--ev);background:var(--ev-bg);padding:8px 12px;margin:12px 0}
table{border-collapse:collapse}
table.overview{width:100%;margin:12px 0}
table.overview th,table.overview td,table.checks th,table.checks td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
table.overview th,table.checks th{background:#f6f8fa}
.badge{display:inline-block;border-radius:12px;padding:0 10px;font-size:13px;font-weight:600;white-space:nowrap}
.badge.findings{background:var(--bad-bg);color:var(--bad)}
.badge.clean{background:var(--ok-bg);color:var(--ok)}
.badge.needs-evidence{background:var(--ev-bg);color:var(--ev)}
section.requirement{border:1px solid var(--line);border-radius:8px;padding:16px;margin:16px 0}
section.requirement.findings{border-left:6px solid var(--bad)}
section.requirement.clean{border-left:6px solid var(--ok)}
section.requirement.needs-evidence{border-left:6px solid var(--ev)}
.rid{color:var(--muted)}
.finding{border-top:1px solid var(--line);padding-top:10px;margin-top:12px}
.finding .head{margin:0}.finding .message{margin:4px 0}
.level{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:700;text-transform:uppercase;color:#fff;background:var(--ev)}
.level.error{background:var(--bad)}.level.note{background:var(--muted)}
ol.path{margin:4px 0 8px;padding-left:28px}
ol.path li.sink{font-weight:600}
.excerpt{border:1px solid var(--line);border-radius:6px;margin:8px 0;overflow-x:auto}
.excerpt .file{background:#f6f8fa;border-bottom:1px solid var(--line);padding:2px 8px;font:12px ui-monospace,Menlo,Consolas,monospace}
table.code{width:100%}
table.code td{padding:0 8px;white-space:pre;tab-size:4;vertical-align:top}
table.code td.ln{color:var(--muted);text-align:right;width:1%;user-select:none}
table.code td.tag{width:1%;font-size:12px;font-weight:700;color:var(--muted)}
table.code tr.step td{background:var(--step-bg)}
table.code tr.sink td{background:var(--sink-bg)}
table.code tr.sink td.tag{color:var(--bad)}
table.code mark{background:#ffc9c2;border-bottom:2px solid var(--bad);color:inherit}
tr.gap td{color:var(--muted)}
footer{color:var(--muted);font-size:13px;margin-top:24px}
)css";

void writeComplianceHtml(llvm::raw_ostream &OS, const ComplianceModel &M) {
  const ScanResult &R = *M.In.Result;
  const RequirementCatalog &C = *M.In.Catalog;
  Facts Fx = factsOf(M);
  SourceCache Sources;

  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Compliance report: "
     << html(C.name()) << "</title>\n<style>" << Css << "</style>\n</head>\n<body>\n";

  OS << "<header>\n<h1>Compliance report</h1>\n<p class=\"catalog\">" << html(C.name())
     << ", version " << html(C.version());
  if (isWebUrl(C.source()))
    OS << " (<a href=\"" << html(C.source()) << "\">source</a>)";
  OS << "</p>\n<dl class=\"facts\">\n"
     << "<dt>Catalog</dt><dd>" << html(M.In.CatalogOrigin) << "</dd>\n"
     << "<dt>Scan date</dt><dd>" << html(M.In.ScanDate) << "</dd>\n"
     << "<dt>Tool</dt><dd>appsec-scan " << html(M.In.ToolVersion) << "</dd>\n"
     << "<dt>Translation units</dt><dd>" << R.Units.size() << " scanned, " << M.FailedUnits
     << " failed</dd>\n"
     << "<dt>Checks run</dt><dd>" << M.In.EnabledChecks.size() << " of " << allChecks().size()
     << " appsec checks</dd>\n"
     << "<dt>Findings</dt><dd>" << R.Findings.size() << html(levelCounts(R));
  if (R.SuppressedByBaseline)
    OS << "; " << R.SuppressedByBaseline << " more in the baseline, not shown";
  OS << "</dd>\n</dl>\n</header>\n";

  OS << "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
  for (RequirementStatus S : {RequirementStatus::Findings, RequirementStatus::Clean,
                              RequirementStatus::NeedsEvidence})
    OS << "<div class=\"card " << statusName(S) << "\"><span class=\"n\">" << M.Count(S)
       << "</span>" << statusLabel(S) << "<br><span class=\"muted\">"
       << html(idList(M, S).empty() ? std::string("none") : "requirements " + idList(M, S))
       << "</span></div>\n";
  OS << "</div>\n";
  if (M.FailedUnits) {
    OS << "<div class=\"warn\"><strong>" << plural(M.FailedUnits, "translation unit")
       << " could not be scanned</strong>, so &ldquo;clean&rdquo; covers only the units that "
          "were:<ul>\n";
    for (const UnitResult &U : R.Units)
      if (!U.Ok)
        OS << "<li><code>" << html(displayPath(U.File, R.SourceRoot)) << "</code>: "
           << html(U.FailureReason)
           << (U.Errors.empty() ? "" : ": " + html(Fx.Location(U.Errors.front().Pos)) + ": " +
                                           html(U.Errors.front().Message))
           << "</li>\n";
    OS << "</ul></div>\n";
  }
  OS << "<table class=\"overview\">\n<thead><tr><th>Requirement</th><th>Category</th>"
        "<th>Statically checkable</th><th>Status</th><th>Findings</th></tr></thead>\n<tbody>\n";
  for (size_t I = 0; I < M.Rows.size(); ++I) {
    const RequirementRow &Row = M.Rows[I];
    OS << "<tr class=\"" << statusName(Row.Status) << "\"><td><a href=\"#req-" << I << "\">"
       << html(Row.Req->Id) << "</a> " << html(Row.Req->Title) << "</td><td>"
       << html(Row.Req->Category) << "</td><td>" << toString(Row.Req->Checkable).data()
       << "</td><td><span class=\"badge " << statusName(Row.Status) << "\">"
       << statusLabel(Row.Status) << "</span></td><td>" << Row.Findings.size() << "</td></tr>\n";
  }
  OS << "</tbody></table>\n</section>\n<main>\n";

  for (size_t I = 0; I < M.Rows.size(); ++I) {
    const RequirementRow &Row = M.Rows[I];
    const Requirement &Req = *Row.Req;
    OS << "<section class=\"requirement " << statusName(Row.Status) << "\" id=\"req-" << I
       << "\" data-requirement=\"" << html(Req.Id) << "\">\n<h2><span class=\"rid\">"
       << html(C.label()) << " requirement " << html(Req.Id) << "</span> " << html(Req.Title)
       << " <span class=\"badge " << statusName(Row.Status) << "\">" << statusLabel(Row.Status);
    if (!Row.Findings.empty())
      OS << ": " << plural(Row.Findings.size(), "finding");
    OS << "</span></h2>\n<p class=\"meta\">" << html(Req.Category)
       << " &middot; statically checkable: " << toString(Req.Checkable).data();
    if (isWebUrl(Req.Source))
      OS << " &middot; <a href=\"" << html(Req.Source) << "\">source</a>";
    OS << "</p>\n<p class=\"summary\">" << html(Req.Summary) << "</p>\n"
       << "<p class=\"coverage\"><strong>What code can show:</strong> " << html(Req.CoverageNote)
       << "</p>\n<p class=\"why\">" << html(Row.Why) << "</p>\n";
    if (!Row.Checks.empty()) {
      OS << "<table class=\"checks\">\n<thead><tr><th>Check</th><th>Weakness</th>"
            "<th>In this scan</th><th>Findings</th></tr></thead>\n<tbody>\n";
      for (const std::string &Check : Row.Checks) {
        const CheckInfo *Info = checkInfo(Check);
        size_t N = std::count_if(Row.Findings.begin(), Row.Findings.end(),
                                 [&](size_t F) { return R.Findings[F].Check == Check; });
        bool Ran = !std::count(Row.ChecksNotRun.begin(), Row.ChecksNotRun.end(), Check);
        OS << "<tr><td><code>" << html(Check) << "</code>"
           << (Info ? "<br><span class=\"muted\">" + html(Info->Summary) + "</span>" : "")
           << "</td><td>" << (Info ? html(Info->Cwe) : "") << "</td><td>"
           << (Ran ? "ran" : Info ? "not enabled" : "unknown check") << "</td><td>" << N
           << "</td></tr>\n";
      }
      OS << "</tbody></table>\n";
    }
    size_t N = 0;
    for (size_t F : Row.Findings)
      htmlFinding(OS, Fx, R.Findings[F], "req-" + std::to_string(I) + "-f" + std::to_string(++N),
                  Sources);
    OS << "</section>\n";
  }

  if (!M.Unmapped.empty()) {
    OS << "<section class=\"requirement unmapped\" id=\"unmapped\">\n<h2>Findings not mapped to "
          "a requirement</h2>\n<p>These checks are not listed by any requirement of the "
          "catalog.</p>\n";
    size_t N = 0;
    for (size_t F : M.Unmapped)
      htmlFinding(OS, Fx, R.Findings[F], "unmapped-f" + std::to_string(++N), Sources);
    OS << "</section>\n";
  }
  OS << "</main>\n<footer>Generated by appsec-scan " << html(M.In.ToolVersion)
     << ". Findings come from static checks of the source code; a requirement marked clean "
        "has no findings from the checks listed, which is not proof of compliance.</footer>\n"
        "</body>\n</html>\n";
}

} // namespace appsec::scan
