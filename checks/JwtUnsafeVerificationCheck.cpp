#include "JwtUnsafeVerificationCheck.h"

#include "jwt/JwtApi.h"
#include "jwt/JwtFlow.h"
#include "support/AstHelpers.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace jwt = ::appsec::jwt;

namespace clang::tidy::appsec {

namespace {
AST_MATCHER(FunctionDecl, isJwtApi) { return jwt::isJwtApiFunction(&Node); }

/// True if the value of \p E is thrown away: it is a statement of its own,
/// possibly cast to void.
bool resultIgnored(const Expr *E, ASTContext &Ctx) {
  return ::appsec::blockHolding(E, ::appsec::enclosingFunction(E, Ctx)) != nullptr;
}

std::string quoted(const NamedDecl *D) { return "'" + D->getNameAsString() + "'"; }
} // namespace

void JwtUnsafeVerificationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              callee(functionDecl(isJwtApi())))
                         .bind("call"),
                     this);
}

void JwtUnsafeVerificationCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  ASTContext &Ctx = *Result.Context;
  checkCall(Call, Ctx);
  const FunctionDecl *F = ::appsec::enclosingFunction(Call, Ctx);
  if (F && !F->isTemplateInstantiation() && Analysed.insert(F).second)
    checkFunction(F, Ctx);
}

void JwtUnsafeVerificationCheck::checkCall(const CallExpr *Call, ASTContext &Ctx) {
  if (jwt::isJwtCppVerifierCall(Call, "allow_algorithm")) {
    if (Call->getNumArgs() == 1 && jwt::isJwtCppNoneAlgorithm(Call->getArg(0)))
      report(Call->getArg(0)->getBeginLoc(),
             "jwt-cpp allow_algorithm(jwt::algorithm::none{}) accepts unsigned "
             "tokens (alg \"none\"); allow only the algorithm the tokens are "
             "signed with, e.g. jwt::algorithm::hs256{shared_secret}");
    return;
  }
  if (jwt::isCppJwtParam(Call, "verify")) {
    if (Call->getNumArgs() != 1)
      return;
    const Expr *Arg = Call->getArg(0)->IgnoreParenImpCasts();
    if (::appsec::constantInt(Arg, Ctx) != 0)
      return;
    auto D = report(Arg->getBeginLoc(),
                    "cpp-jwt verify(false) makes jwt::decode skip the signature, "
                    "algorithm and expiry checks; remove it (verification is on "
                    "by default) or pass verify(true)");
    CharSourceRange R = ::appsec::mainFileRange(Arg, Ctx);
    if (R.isValid() && ::appsec::isLiteral(Arg))
      D << FixItHint::CreateReplacement(R, "true");
    return;
  }
  if (jwt::isCppJwtParam(Call, "algorithms")) {
    // algorithms({"HS256", "none"}): the literals anywhere in the arguments.
    llvm::SmallVector<const Stmt *, 16> Work(Call->arguments().begin(),
                                             Call->arguments().end());
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (const auto *L = dyn_cast<StringLiteral>(S)) {
        if (L->getCharByteWidth() == 1 && L->getString().equals_insensitive("none"))
          report(L->getBeginLoc(),
                 "cpp-jwt algorithms({...}) lists \"" + L->getString().str() +
                     "\", so jwt::decode accepts unsigned tokens; list only "
                     "the algorithm the tokens are signed with, e.g. \"HS256\"");
        continue;
      }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
    return;
  }
  if (jwt::isLibJwtDecode(Call)) {
    if (jwt::libJwtKey(Call, Ctx) == jwt::KeyState::Empty)
      report(Call->getArg(2)->getBeginLoc(),
             "libjwt jwt_decode() with an empty key verifies HMAC signatures "
             "against an empty secret, which anyone can forge; pass the shared "
             "secret and its length");
    if (resultIgnored(Call, Ctx))
      report(Call->getBeginLoc(),
             "the result of libjwt jwt_decode() is ignored, so a token that "
             "fails the signature check goes unnoticed; check it: if "
             "(jwt_decode(...) != 0) reject the request");
    return;
  }
  if (jwt::isPocoSignerCall(Call, "tryVerify") && resultIgnored(Call, Ctx))
    report(Call->getBeginLoc(),
           "the result of Poco::JWT Signer::tryVerify() is ignored, so a token "
           "with a bad signature goes unnoticed; check it: if "
           "(!signer.tryVerify(jwt, token)) reject the request");
}

void JwtUnsafeVerificationCheck::checkFunction(const FunctionDecl *F, ASTContext &Ctx) {
  for (const jwt::UncheckedErrorCode &U : jwt::uncheckedErrorCodes(F, Ctx)) {
    const Expr *Arg = jwt::errorCodeArgument(U.Call);
    std::string Ec = quoted(U.Ec);
    if (U.Lib == jwt::Library::JwtCpp)
      report(Arg->getBeginLoc(),
             "the error code " + Ec + " of jwt-cpp verify() is never checked, "
             "so a token that fails verification is accepted; check " + Ec +
             " after verify(): if (" + U.Ec->getNameAsString() +
             ") reject the request");
    else
      report(Arg->getBeginLoc(),
             "the error code " + Ec + " of cpp-jwt jwt::decode() is never "
             "checked, so bad signatures, expired tokens and alg \"none\" are "
             "accepted; check " + Ec + " after jwt::decode(): if (" +
             U.Ec->getNameAsString() + ") reject the request");
  }
  for (const jwt::AlgorithmFromToken &A : jwt::algorithmFromToken(F, Ctx)) {
    report(A.Choice->getBeginLoc(),
           A.Argument
               ? "the algorithm allowed for verification is the one named in "
                 "the token's own 'alg' header, so the sender chooses how the "
                 "token is checked; allow a fixed algorithm (HS256 with the "
                 "shared secret for Connect requests)"
               : "the token's own 'alg' header chooses the verifier here, so "
                 "the sender picks how the token is checked; use one fixed "
                 "algorithm per endpoint (HS256 for Connect requests, RS256 "
                 "for signed lifecycle callbacks)");
    SourceRange Choice = A.Choice->getSourceRange();
    if (!Choice.fullyContains(A.Source->getSourceRange()))
      note(A.Source->getBeginLoc(), "the 'alg' header is read here");
  }
  for (const CallExpr *V : jwt::pocoVerifyWithoutExpiry(F, Ctx))
    report(V->getBeginLoc(),
           "Poco::JWT Signer::verify() checks only the signature, and this "
           "function never looks at the token's expiry; reject the request "
           "if token.getExpiration() < Poco::Timestamp()");
}

} // namespace clang::tidy::appsec
