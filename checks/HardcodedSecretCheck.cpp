#include "HardcodedSecretCheck.h"

#include "reporting/SecretFindingText.h"
#include "secrets/HardcodedSecrets.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::appsec {

HardcodedSecretCheck::HardcodedSecretCheck(StringRef Name, ClangTidyContext *Context)
    : AppSecCheck(Name, Context),
      ModelFiles(Options.getLocalOrGlobal("AppSecModelFiles", "").str()) {}

void HardcodedSecretCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AppSecCheck::storeOptions(Opts);
  Options.store(Opts, "AppSecModelFiles", ModelFiles);
}

void HardcodedSecretCheck::registerMatchers(MatchFinder *Finder) {
  auto User = unless(isExpansionInSystemHeader());
  Finder->addMatcher(callExpr(User, callee(functionDecl())).bind("call"), this);
  Finder->addMatcher(cxxConstructExpr(User).bind("construct"), this);
}

void HardcodedSecretCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Models) {
    std::string Error;
    Models = ModelFiles.empty() ? ::appsec::ModelSet::builtin()
                                : ::appsec::ModelSet::withUserFiles(ModelFiles, Error);
    if (!Models) // the engine checks report the broken file; use the built-in models
      Models = ::appsec::ModelSet::builtin();
  }
  const FunctionDecl *Callee = nullptr;
  const Expr *Object = nullptr;
  llvm::SmallVector<const Expr *, 8> Args;
  if (const auto *C = Result.Nodes.getNodeAs<CallExpr>("call")) {
    Callee = C->getDirectCallee();
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(C))
      Object = M->getImplicitObjectArgument();
    Args.append(C->arg_begin(), C->arg_end());
    // A member operator's object is its first argument in the AST.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
        Op && isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty()) {
      Object = Args.front();
      Args.erase(Args.begin());
    }
  } else if (const auto *K = Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    Callee = K->getConstructor();
    Args.append(K->arg_begin(), K->arg_end());
  }
  for (const ::appsec::HardcodedSecret &S :
       ::appsec::hardcodedSecrets(Callee, Args, Object, *Models, *Result.Context))
    report(::appsec::hardcodedSecretText(S, Callee));
}

} // namespace clang::tidy::appsec
