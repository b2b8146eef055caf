#include "JwtUnsafeVerificationCheck.h"

#include "jwt/JwtApi.h"
#include "reporting/JwtFindingText.h"
#include "support/AstHelpers.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace jwt = ::appsec::jwt;

namespace clang::tidy::appsec {

namespace {
AST_MATCHER(FunctionDecl, isJwtApi) { return jwt::isJwtApiFunction(&Node); }

/// A boolean option, spelt as clang-tidy spells them (true/false, 1/0).
/// Read as text: appsec-tidy does not link with the bool specialisations of
/// OptionsView::get/store (undefined references against Debian's libclangTidy.a).
bool readFlag(StringRef V) {
  return V.equals_insensitive("true") || V == "1" || V.equals_insensitive("yes");
}
} // namespace

JwtUnsafeVerificationCheck::JwtUnsafeVerificationCheck(StringRef Name,
                                                       ClangTidyContext *Context)
    : AppSecCheck(Name, Context), RequireExpiry(readFlag(Options.get("RequireExpiry", "false"))),
      Engine(Options, "",
             ::appsec::maskOf(::appsec::Label::TokenKeyUrl) |
                 ::appsec::maskOf(::appsec::Label::TokenAlgorithm)) {}

void JwtUnsafeVerificationCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AppSecCheck::storeOptions(Opts);
  Options.store(Opts, "RequireExpiry", RequireExpiry ? "true" : "false");
  Engine.storeOptions(Options, Opts);
}

void JwtUnsafeVerificationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), callee(functionDecl(isJwtApi()))).bind("call"),
      this);
  Engine.registerMatchers(Finder, this);
}

void JwtUnsafeVerificationCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!Call) {
    Engine.add(Result, [this](const std::string &Error) {
      configurationDiag("%0", DiagnosticIDs::Error) << Error;
    });
    return;
  }
  ASTContext &Ctx = *Result.Context;
  for (const ::appsec::DiagnosticText &T : ::appsec::unsafeCallTexts(Call, Ctx))
    report(T);
  const FunctionDecl *F = ::appsec::enclosingFunction(Call, Ctx);
  if (F && !F->isTemplateInstantiation() && Analysed.insert(F).second)
    for (const ::appsec::DiagnosticText &T : ::appsec::unsafeFunctionTexts(F, Ctx, RequireExpiry))
      report(T);
}

void JwtUnsafeVerificationCheck::onEndOfTranslationUnit() {
  using ::appsec::Label, ::appsec::SinkCategory, ::appsec::maskOf;
  for (auto Category : {SinkCategory::Ssrf, SinkCategory::JwtKey})
    for (const ::appsec::SinkFinding *F : Engine.findings(Category))
      if (F->Labels & maskOf(Label::TokenKeyUrl))
        report(::appsec::keyFromTokenText(*F));
  for (const ::appsec::UncheckedResult &R : Engine.uncheckedResults())
    if (auto T = ::appsec::uncheckedResultText(R))
      report(*T);
  for (const ::appsec::SinkFinding *F : Engine.findings(SinkCategory::JwtAlgorithm))
    if (F->Labels & maskOf(Label::TokenAlgorithm))
      report(::appsec::algorithmFromTokenText(*F));
  Engine.reset();
}

} // namespace clang::tidy::appsec
