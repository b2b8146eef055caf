#include "JwtMissingVerificationCheck.h"

#include "jwt/JwtApi.h"
#include "jwt/JwtFlow.h"
#include "jwt/L8w8jwtFlow.h"
#include "support/AstHelpers.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace jwt = ::appsec::jwt;

namespace clang::tidy::appsec {

namespace {
AST_MATCHER(FunctionDecl, isJwtApi) { return jwt::isJwtApiFunction(&Node); }
} // namespace

void JwtMissingVerificationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              callee(functionDecl(isJwtApi())))
                         .bind("call"),
                     this);
}

void JwtMissingVerificationCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  ASTContext &Ctx = *Result.Context;
  const FunctionDecl *F = ::appsec::enclosingFunction(Call, Ctx);
  if (!F || F->isTemplateInstantiation() || !Analysed.insert(F).second)
    return;
  for (const jwt::UnverifiedRead &U : jwt::unverifiedClaimReads(F, Ctx)) {
    if (U.Lib == jwt::Library::JwtCpp) {
      if (!U.Object) {
        report(U.Read->getBeginLoc(),
               "claim read straight from jwt-cpp jwt::decode(), which only "
               "parses the token; nothing verifies its signature. Keep the "
               "decoded token and verify it first: "
               "jwt::verify().allow_algorithm(jwt::algorithm::hs256{shared_secret})"
               ".verify(decoded)");
        continue;
      }
      std::string Name = U.Object->getNameAsString();
      report(U.Read->getBeginLoc(),
             "claim read from jwt-cpp token '" + Name + "', which is decoded but "
             "never verified; verify it before trusting its claims: "
             "jwt::verify().allow_algorithm(jwt::algorithm::hs256{shared_secret})"
             ".verify(" + Name + ")");
      note(U.Decode->getBeginLoc(),
           "decoded here; jwt::decode() only parses the token");
      continue;
    }
    std::string Name = U.Object->getNameAsString();
    report(U.Read->getBeginLoc(),
           "claim read from libjwt token '" + Name + "', which was decoded "
           "without a key, so its signature was never checked; pass the "
           "shared secret: jwt_decode(&" + Name + ", token, key, key_len)");
    note(U.Decode->getBeginLoc(),
         "decoded here with a NULL key; libjwt then checks no signature");
  }
  for (const jwt::L8w8jwtDecode &D : jwt::l8w8jwtUnverifiedClaimUses(F, Ctx)) {
    std::string C = D.Claims->getNameAsString();
    if (!D.Validates) {
      report(D.FirstClaimUse->getBeginLoc(),
             "payload '" + C + "' used from l8w8jwt_decode_raw_no_validation(), "
             "which checks neither the signature nor any claim; decode the "
             "token with l8w8jwt_decode() and use its claims only if the "
             "validation result == L8W8JWT_VALID");
      note(D.Call->getBeginLoc(), "decoded here without validation");
      continue;
    }
    std::string R = D.Result->getNameAsString();
    report(D.FirstClaimUse->getBeginLoc(),
           "claims '" + C + "' used although the validation result '" + R +
           "' of l8w8jwt_decode() is never compared to L8W8JWT_VALID; l8w8jwt "
           "hands out the claims of forged and expired tokens too; use them "
           "only if " + R + " == L8W8JWT_VALID");
    note(D.Call->getBeginLoc(),
         "decoded here; its return value only says the token could be parsed");
  }
}

} // namespace clang::tidy::appsec
