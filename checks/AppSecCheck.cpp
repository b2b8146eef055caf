#include "AppSecCheck.h"

#include "reporting/FindingText.h"
#include "support/TestCode.h"

namespace clang::tidy::appsec {

AppSecCheck::AppSecCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      CatalogPath(Options.getLocalOrGlobal("AppSecRequirementCatalog", "").str()),
      IncludeTestCode(Options.getLocalOrGlobal("AppSecIncludeTestCode", "false") == "true") {
  if (!CatalogPath.empty()) {
    std::string Error;
    Catalog = ::appsec::RequirementCatalog::load(CatalogPath, Error);
    if (!Catalog)
      configurationDiag("invalid requirement catalog: %0; using the built-in "
                        "Atlassian catalog instead",
                        DiagnosticIDs::Error)
          << Error;
  }
  if (!Catalog)
    Catalog = ::appsec::RequirementCatalog::builtin();
}

void AppSecCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AppSecRequirementCatalog", CatalogPath);
  Options.store(Opts, "AppSecIncludeTestCode", IncludeTestCode ? "true" : "false");
}

// Findings are reported where the user can see them: a macro argument at its
// spelling in the user's file, a macro body at the expansion site.
static SourceLocation visibleLoc(SourceLocation Loc, const SourceManager *SM) {
  if (Loc.isMacroID() && SM)
    return SM->getFileLoc(Loc);
  return Loc;
}

void AppSecCheck::registerPPCallbacks(const SourceManager &SM, Preprocessor *,
                                      Preprocessor *) {
  Sources = &SM;
}

bool AppSecCheck::muted() {
  if (IncludeTestCode || !Sources)
    return false;
  if (!TestUnit)
    TestUnit = ::appsec::includesTestFramework(*Sources);
  return *TestUnit;
}

DiagnosticBuilder AppSecCheck::report(SourceLocation Loc, StringRef Message) {
  // A unit test is built into a test binary, not into the service: its
  // findings are dropped (an ignored diagnostic takes its notes with it).
  if (muted())
    return diag(visibleLoc(Loc, Sources), "%0", DiagnosticIDs::Ignored) << Message;
  return diag(visibleLoc(Loc, Sources), "%0") << ::appsec::findingText(Message, *Catalog, getID());
}

DiagnosticBuilder AppSecCheck::note(SourceLocation Loc, StringRef Message) {
  return diag(visibleLoc(Loc, Sources), "%0", DiagnosticIDs::Note) << Message;
}

void AppSecCheck::report(const ::appsec::DiagnosticText &Finding) {
  {
    DiagnosticBuilder D = report(Finding.Loc, Finding.Message);
    if (Finding.FixIt)
      D << FixItHint::CreateReplacement(Finding.FixIt->first, Finding.FixIt->second);
  } // the warning is emitted before its notes
  for (const auto &[Loc, Text] : Finding.Notes)
    note(Loc, Text);
}

} // namespace clang::tidy::appsec
