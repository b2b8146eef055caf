#include "reporting/JwtFindingText.h"
#include "reporting/TaintFindingText.h"

#include "jwt/JwtApi.h"
#include "jwt/JwtFlow.h"
#include "jwt/L8w8jwtFlow.h"
#include "support/AstHelpers.h"
#include "support/LlvmCompat.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

namespace {

/// Collects findings; note() attaches to the last one.
struct Texts {
  std::vector<DiagnosticText> &Out;
  DiagnosticText &add(SourceLocation Loc, std::string Message) {
    Out.push_back({Loc, std::move(Message), {}, {}});
    return Out.back();
  }
  void note(SourceLocation Loc, std::string Text) {
    if (!Out.empty())
      Out.back().Notes.emplace_back(Loc, std::move(Text));
  }
};

/// True if the value of \p E is thrown away: it is a statement of its own,
/// possibly cast to void.
bool resultIgnored(const Expr *E, ASTContext &Ctx) {
  return blockHolding(E, enclosingFunction(E, Ctx)) != nullptr;
}

std::string quoted(const NamedDecl *D) { return "'" + D->getNameAsString() + "'"; }

void l8w8jwt(Texts &Out, const FunctionDecl *F, ASTContext &Ctx);

void unsafeCall(Texts &Out, const CallExpr *Call, ASTContext &Ctx) {
  if (jwt::isJwtCppVerifierCall(Call, "allow_algorithm")) {
    if (Call->getNumArgs() == 1 && jwt::isJwtCppNoneAlgorithm(Call->getArg(0)))
      Out.add(Call->getArg(0)->getBeginLoc(),
             "jwt-cpp allow_algorithm(jwt::algorithm::none{}) accepts unsigned "
             "tokens (alg \"none\"); allow only the algorithm the tokens are "
             "signed with, e.g. jwt::algorithm::hs256{shared_secret}");
    return;
  }
  if (jwt::isCppJwtParam(Call, "verify")) {
    if (Call->getNumArgs() != 1)
      return;
    const Expr *Arg = Call->getArg(0)->IgnoreParenImpCasts();
    if (constantInt(Arg, Ctx) != 0)
      return;
    DiagnosticText &D = Out.add(Arg->getBeginLoc(),
                    "cpp-jwt verify(false) makes jwt::decode skip the signature, "
                    "algorithm and expiry checks; remove it (verification is on "
                    "by default) or pass verify(true)");
    CharSourceRange R = mainFileRange(Arg, Ctx);
    if (R.isValid() && isLiteral(Arg))
      D.FixIt = {R, "true"};
    return;
  }
  if (jwt::isCppJwtParam(Call, "algorithms")) {
    for (const Expr *N : jwt::noneAlgorithmsIn(Call))
      Out.add(N->getBeginLoc(),
              "cpp-jwt algorithms({...}) lists \"" + jwt::literalText(N).str() +
                  "\", so jwt::decode accepts unsigned tokens; list only "
                  "the algorithm the tokens are signed with, e.g. \"HS256\"");
    return;
  }
  if (jwt::isPocoSignerCall(Call, "addAlgorithm") || jwt::isPocoSignerCall(Call, "setAlgorithms")) {
    for (const Expr *N : jwt::noneAlgorithmsIn(Call))
      Out.add(N->getBeginLoc(),
              "Poco::JWT Signer::" + Call->getDirectCallee()->getNameAsString() +
                  "() allows the algorithm \"none\", asking to accept unsigned tokens; "
                  "Poco registers no verifier for it today and rejects them, but that "
                  "is the library's choice, not this code's; allow only the algorithm "
                  "the tokens are signed with, e.g. Signer::ALGO_HS256");
    return;
  }
  if (jwt::isLibJwtDecode(Call)) {
    if (jwt::libJwtKey(Call, Ctx) == jwt::KeyState::Empty)
      Out.add(Call->getArg(2)->getBeginLoc(),
             "libjwt jwt_decode() with an empty key verifies HMAC signatures "
             "against an empty secret, which anyone can forge; pass the shared "
             "secret and its length");
    if (resultIgnored(Call, Ctx))
      Out.add(appsec::beginLoc(Call),
             "the result of libjwt jwt_decode() is ignored, so a token that "
             "fails the signature check goes unnoticed; check it: if "
             "(jwt_decode(...) != 0) reject the request");
    return;
  }
  // libjwt 1.12+: unsigned int jwt_validate(jwt_t *, jwt_valid_t *), 0 = valid.
  if (const FunctionDecl *FD = Call->getDirectCallee();
      FD && FD->getName() == "jwt_validate" && Call->getNumArgs() == 2) {
    if (resultIgnored(Call, Ctx))
      Out.add(appsec::beginLoc(Call),
             "the result of libjwt jwt_validate() is ignored, so an expired "
             "token or one with the wrong claims is accepted; check it: if "
             "(jwt_validate(jwt, valid) != 0) reject the request");
    return;
  }
  if (jwt::isPocoSignerCall(Call, "tryVerify") && resultIgnored(Call, Ctx))
    Out.add(appsec::beginLoc(Call),
           "the result of Poco::JWT Signer::tryVerify() is ignored, so a token "
           "with a bad signature goes unnoticed; check it: if "
           "(!signer.tryVerify(jwt, token)) reject the request");
}

void unsafeFunction(Texts &Out, const FunctionDecl *F, ASTContext &Ctx, bool RequireExpiry) {
  if (RequireExpiry)
    for (const jwt::ExpiryNotRequired &E : jwt::expiryNotRequired(F, Ctx))
      Out.add(appsec::beginLoc(E.Call),
             E.Lib == jwt::Library::JwtCpp
                 ? "jwt-cpp verify() checks 'exp' only when the token has one, "
                   "and nothing here requires it, so a token without 'exp' never "
                   "expires; require it: if (!decoded.has_expires_at()) reject "
                   "the request"
                 : "cpp-jwt jwt::decode() checks 'exp' only when the token has "
                   "one, and nothing here requires it, so a token without 'exp' "
                   "never expires; require it: if (!obj.has_claim(\"exp\")) "
                   "reject the request");
  l8w8jwt(Out, F, Ctx);
}

void l8w8jwt(Texts &Out, const FunctionDecl *F, ASTContext &Ctx) {
  using D = jwt::L8w8jwtDecode;
  for (const D &Dec : jwt::l8w8jwtDecodes(F, Ctx)) {
    if (!Dec.Validates)
      continue; // reported where its claims are used (missing-verification)
    std::string P = Dec.Params ? Dec.Params->getNameAsString() : "params";
    switch (Dec.AlgState) {
    case D::Alg::SkipsSignature:
      Out.add(Dec.AlgValue->getBeginLoc(),
             "l8w8jwt alg -1 makes l8w8jwt_decode() skip the signature check, "
             "so unsigned and forged tokens pass; set the algorithm the tokens "
             "are signed with, e.g. " + P + ".alg = L8W8JWT_ALG_HS256");
      break;
    case D::Alg::NotAnAlgorithm:
      Out.add(Dec.AlgValue->getBeginLoc(),
             "l8w8jwt alg " + std::to_string(Dec.AlgConstant) + " is no "
             "L8W8JWT_ALG_* value, so l8w8jwt_decode() verifies no signature; "
             "set the algorithm the tokens are signed with, e.g. " + P +
             ".alg = L8W8JWT_ALG_HS256");
      break;
    case D::Alg::NeverSet:
      Out.add(appsec::beginLoc(Dec.Call),
             "'" + P + ".alg' is never set, so it keeps the -2 that "
             "l8w8jwt_decoding_params_init() gives it, which matches no "
             "algorithm: l8w8jwt_decode() then verifies no signature; set " + P +
             ".alg = L8W8JWT_ALG_HS256 (or the algorithm the tokens are signed with)");
      Out.note(appsec::beginLoc(Dec.Init), "initialised here");
      break;
    case D::Alg::Given:
      break;
    }
    if (Dec.EmptyKey)
      Out.add(Dec.EmptyKey->getBeginLoc(),
             "l8w8jwt verification_key is an empty string, so HMAC signatures "
             "are checked against an empty secret anyone can forge with (or "
             "every token is rejected); pass the shared secret and its length");
    if (Dec.ExpiryUnchecked)
      Out.add(Dec.ExpiryOff ? Dec.ExpiryOff->getBeginLoc() : appsec::beginLoc(Dec.Call),
             (Dec.ExpiryOff ? "'" + P + ".validate_exp' is 0"
                            : "'" + P + ".validate_exp' is never set") +
                 std::string(", so l8w8jwt_decode() accepts expired tokens and "
                             "tokens without 'exp'; set ") +
                 P + ".validate_exp = 1");
    if (!Dec.Result)
      continue;
    std::string R = Dec.Result->getNameAsString();
    if (Dec.ResultUse == D::Use::Unchecked)
      Out.add(Dec.Call->getArg(1)->getBeginLoc(),
             "the validation result '" + R + "' of l8w8jwt_decode() is never "
             "checked; the return value only says the token could be parsed, "
             "a bad signature or an expired token shows only in '" + R +
             "'; check both: if (rc != L8W8JWT_SUCCESS || " + R +
             " != L8W8JWT_VALID) reject the request");
    else if (Dec.ResultUse == D::Use::Partial)
      Out.add(Dec.PartialTest->getBeginLoc(),
             "the validation result '" + R + "' of l8w8jwt_decode() is only "
             "tested for some failure flags, not for a bad signature; compare "
             "it to L8W8JWT_VALID: if (" + R + " != L8W8JWT_VALID) reject the "
             "request");
  }
}

} // namespace

std::vector<DiagnosticText> unsafeCallTexts(const CallExpr *Call, ASTContext &Ctx) {
  std::vector<DiagnosticText> Result;
  Texts Out{Result};
  unsafeCall(Out, Call, Ctx);
  return Result;
}

DiagnosticText keyFromTokenText(const SinkFinding &F) {
  DiagnosticText T;
  T.Loc = F.Loc;
  std::string From = F.SourceText.empty() ? "a key URL the token names" : F.SourceText;
  T.Message = (F.Category == SinkCategory::JwtKey
                   ? "the verification key here comes from the URL in " + From
                   : "the URL fetched here comes from " + From) +
              ", so the sender chooses the key its token is verified with; take keys only "
              "from a fixed, trusted location (Connect install callbacks: "
              "https://connect-install-keys.atlassian.com/<kid>) or check the URL against an "
              "allow-list first";
  for (const auto &[Loc, Text] : taintNotes(F))
    T.Notes.emplace_back(Loc, Text);
  return T;
}

std::optional<DiagnosticText> uncheckedResultText(const UncheckedResult &R) {
  const auto *Call = dyn_cast<CallExpr>(R.Call);
  if (!Call)
    return std::nullopt;
  if (R.Duty == "expiry" &&
      (jwt::isPocoSignerCall(Call, "verify") || jwt::isPocoSignerCall(Call, "tryVerify"))) {
    DiagnosticText T;
    T.Loc = appsec::beginLoc(Call);
    T.Message = "Poco::JWT Signer::" + Call->getDirectCallee()->getNameAsString() +
                "() checks only the signature, and this function never looks at the "
                "token's expiry; reject the request if token.getExpiration() < Poco::Timestamp()";
    return T;
  }
  if (!R.Var || R.Duty != "error")
    return std::nullopt;
  std::string Ec = quoted(R.Var), Name = R.Var->getNameAsString();
  DiagnosticText T;
  T.Loc = R.Arg->getBeginLoc();
  if (jwt::isJwtCppVerifierCall(Call, "verify"))
    T.Message = "the error code " + Ec + " of jwt-cpp verify() is never checked, so a token "
                "that fails verification is accepted; check " + Ec + " after verify(): if (" +
                Name + ") reject the request";
  else if (jwt::isCppJwtDecode(Call))
    T.Message = "the error code " + Ec + " of cpp-jwt jwt::decode() is never checked, so bad "
                "signatures, expired tokens and alg \"none\" are accepted; check " + Ec +
                " after jwt::decode(): if (" + Name + ") reject the request";
  else
    return std::nullopt; // a result model of another library: not this check's
  return T;
}

DiagnosticText algorithmFromTokenText(const SinkFinding &F) {
  DiagnosticText T;
  T.Loc = F.Loc;
  // A branch sink is named "a branch" (engine/TaintEngine::branchSinkAt);
  // the allow-lists are library calls.
  T.Message = F.SinkName == "a branch"
                  ? "the token's own 'alg' header chooses the verifier here, so the sender "
                    "picks how the token is checked; use one fixed algorithm per endpoint "
                    "(HS256 for Connect requests, RS256 for signed lifecycle callbacks)"
                  : "the algorithm allowed for verification is the one named in the token's "
                    "own 'alg' header, so the sender chooses how the token is checked; allow a "
                    "fixed algorithm (HS256 with the shared secret for Connect requests)";
  for (const auto &[Loc, Text] : taintNotes(F))
    if (Loc != F.Loc) // read in the condition itself: the warning shows it
      T.Notes.emplace_back(Loc, Text);
  return T;
}

std::vector<DiagnosticText> unsafeFunctionTexts(const FunctionDecl *F, ASTContext &Ctx,
                                                bool RequireExpiry) {
  std::vector<DiagnosticText> Result;
  Texts Out{Result};
  unsafeFunction(Out, F, Ctx, RequireExpiry);
  return Result;
}

} // namespace appsec
