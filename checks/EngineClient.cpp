#include "EngineClient.h"

#include "jwt/Verification.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::appsec {

namespace {

/// The labels a Sources value names, or an error naming the unknown one.
bool parseSources(StringRef Text, const ::appsec::ModelSet &Models, ::appsec::LabelMask &Out,
                  bool &Auto, std::string &Error) {
  Out = 0;
  Auto = Text.trim() == "auto";
  if (Auto) {
    Out = ::appsec::OriginLabels; // narrowed per unit in findings()
    return true;
  }
  SmallVector<StringRef, 4> Parts;
  Text.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef P : Parts) {
    P = P.trim();
    if (P == "all")
      Out |= ::appsec::OriginLabels;
    else if (P == "remote")
      Out |= ::appsec::RemoteLabels;
    else if (P == "local")
      Out |= ::appsec::LocalLabels;
    else if (auto L = Models.labelNamed(P))
      Out |= ::appsec::maskOf(*L);
    else {
      Error = "unknown label '" + P.str() + "' in Sources; expected auto, all, remote, local or label "
              "names (" + Models.labelNames() + ")";
      return false;
    }
  }
  if (!Out) {
    Error = "Sources is empty; expected auto, all, remote, local or label names";
    return false;
  }
  return true;
}

} // namespace

EngineClient::EngineClient(ClangTidyCheck::OptionsView &Options, StringRef DefaultSources,
                           ::appsec::LabelMask FixedSources)
    : Sources(FixedSources) {
  // Engine options: set them once for all checks (CheckOptions without a
  // check prefix); a check given its own value gets an engine of its own.
  Opts.ModelFiles = Options.getLocalOrGlobal("AppSecModelFiles", "").str();
  Opts.StepBudget = Options.getLocalOrGlobal("TaintStepBudget", 40000u);
  Opts.VerifierNames = Options
                           .getLocalOrGlobal("VerificationFunctions",
                                             ::appsec::jwt::DefaultVerificationFunctions)
                           .str();
  if (!DefaultSources.empty())
    SourcesText = Options.get("Sources", DefaultSources).str();
  ReportBudgets =
      Options.getLocalOrGlobal("ReportBudgetExhaustion", "false").equals_insensitive("true");
  Opts.SummaryStore = Options.getLocalOrGlobal("AppSecSummaryStore", "").str();
  Opts.SummaryExport = Options.getLocalOrGlobal("AppSecSummaryExport", "").str();
  Opts.SecretNames = Options.getLocalOrGlobal("AppSecSecretNames", "").str();
  Opts.EndUserDataNames = Options.getLocalOrGlobal("AppSecEndUserDataNames", "").str();
  Opts.EncryptedStores = Options.getLocalOrGlobal("AppSecEncryptedStores", "").str();
}

void EngineClient::storeOptions(ClangTidyCheck::OptionsView &Options,
                                ClangTidyOptions::OptionMap &Map) {
  Options.store(Map, "AppSecModelFiles", Opts.ModelFiles);
  Options.store(Map, "TaintStepBudget", Opts.StepBudget);
  Options.store(Map, "VerificationFunctions", Opts.VerifierNames);
  if (!SourcesText.empty())
    Options.store(Map, "Sources", SourcesText);
  Options.store(Map, "ReportBudgetExhaustion", ReportBudgets ? "true" : "false");
  Options.store(Map, "AppSecSummaryStore", Opts.SummaryStore);
  Options.store(Map, "AppSecSummaryExport", Opts.SummaryExport);
  Options.store(Map, "AppSecSecretNames", Opts.SecretNames);
  Options.store(Map, "AppSecEndUserDataNames", Opts.EndUserDataNames);
  Options.store(Map, "AppSecEncryptedStores", Opts.EncryptedStores);
}

void EngineClient::registerMatchers(MatchFinder *Finder, MatchFinder::MatchCallback *Check) {
  // Every function body and lambda of the main file is an entry.
  Finder->addMatcher(functionDecl(isDefinition(), isExpansionInMainFile(), unless(isImplicit()))
                         .bind("engine-fn"),
                     Check);
  Finder->addMatcher(lambdaExpr(isExpansionInMainFile()).bind("engine-lambda"), Check);
}

void EngineClient::add(const MatchFinder::MatchResult &Result,
                       const std::function<void(const std::string &)> &ConfigError) {
  if (!Engine) {
    std::string Error;
    Engine = ::appsec::TaintEngine::forContext(*Result.Context, Opts, Error);
    if (!Error.empty())
      ConfigError("invalid model file: " + Error + "; using the built-in models only");
    if (!SourcesText.empty() &&
        !parseSources(SourcesText, Engine->models(), Sources, AutoSources, Error)) {
      ConfigError(Error + "; using all");
      Sources = ::appsec::OriginLabels;
    }
  }
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("engine-fn"))
    Engine->addEntry(FD);
  if (const auto *L = Result.Nodes.getNodeAs<LambdaExpr>("engine-lambda"))
    Engine->addEntry(L->getCallOperator());
}

std::vector<std::pair<SourceLocation, std::string>> EngineClient::remarks() {
  std::vector<std::pair<SourceLocation, std::string>> Out;
  if (!Engine || !Engine->claimRemarks())
    return Out;
  const SourceManager &SM = Engine->context().getSourceManager();
  if (!Engine->storeWarning().empty())
    Out.emplace_back(SM.getLocForStartOfFile(SM.getMainFileID()), Engine->storeWarning());
  if (!ReportBudgets)
    return Out;
  for (const FunctionDecl *FD : Engine->exhaustedFunctions()) {
    // Functions of headers are summarised on the way; the remark is for code
    // the reader owns.
    SourceLocation Loc = SM.getExpansionLoc(FD->getLocation());
    if (!SM.isInMainFile(Loc))
      continue;
    std::string Name = FD->getDeclName().isIdentifier() ? FD->getNameAsString() : "this function";
    if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && M->getParent()->isLambda())
      Name = "this lambda";
    Out.emplace_back(Loc, "the appsec analysis of '" + Name + "' stopped at its work budget (" +
                              std::to_string(Engine->options().StepBudget) +
                              " steps, option TaintStepBudget); findings in it may be missing: "
                              "raise the budget or split the function");
  }
  return Out;
}

const std::vector<::appsec::UncheckedResult> &EngineClient::uncheckedResults() {
  static const std::vector<::appsec::UncheckedResult> None;
  return Engine ? Engine->uncheckedResults() : None;
}

std::vector<const ::appsec::SinkFinding *>
EngineClient::findings(::appsec::SinkCategory Category) {
  std::vector<const ::appsec::SinkFinding *> Out;
  if (!Engine)
    return Out;
  const std::vector<::appsec::SinkFinding> &All = Engine->findings();
  ::appsec::LabelMask Counted = Sources;
  // auto: in a program that serves requests, argv, the environment, stdin
  // and local files are the operator's, not the attacker's. The program is
  // this unit, and with a summary store every unit of the store.
  if (AutoSources && Engine->programServesRequests())
    Counted &= ~::appsec::LocalLabels;
  // The first counted path to each sink (the engine keeps one per origin).
  std::set<unsigned> Sinks;
  // A finding counts when its path starts at a counted origin, or when the
  // data carries a counted kind label (jwt-decoded for the claims check).
  const ::appsec::LabelMask Origins = ::appsec::OriginLabels | ::appsec::maskOf(::appsec::Label::Unknown);
  const ::appsec::LabelMask Kinds = Counted & ~Origins;
  for (const ::appsec::SinkFinding &F : All) {
    // The path shown starts at the most telling origin (remote before local);
    // the data may carry more origins than that one.
    // (A kind label at the root counts only while the data still carries
    // it: a password hashed on the way is a fast-hashed password.)
    const ::appsec::LabelMask Root = F.SourceLabel >= 0 ? ::appsec::maskOf(::appsec::Label(F.SourceLabel)) : 0;
    bool FromCountedOrigin =
        (Root & Counted & (Origins | F.Labels)) ||
        (F.Labels & Counted & Origins);
    if (F.Category == Category && (FromCountedOrigin || (F.Labels & Kinds)) &&
        Sinks.insert(F.Loc.getRawEncoding()).second)
      Out.push_back(&F);
  }
  return Out;
}

} // namespace clang::tidy::appsec
