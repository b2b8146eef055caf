#include "reporting/JwtFindingText.h"

#include "jwt/JwtFlow.h"
#include "reporting/TaintFindingText.h"
#include "jwt/L8w8jwtFlow.h"
#include "support/LlvmCompat.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <set>

using namespace clang;

namespace appsec {

DiagnosticText handlerFindingText(const jwt::HandlerVerdict &V, const SourceManager &SM);

std::string handlerDescription(const RequestHandler &H) {
  std::string Fw = frameworkName(H.Fw);
  if (!H.Route.empty())
    return Fw + " handler for route '" + H.Route + "'";
  if (const auto *M = dyn_cast<CXXMethodDecl>(H.Function); M && !M->getParent()->isLambda())
    return Fw + " request handler '" + M->getParent()->getNameAsString() + "::" +
           M->getNameAsString() + "'";
  if (!isa<CXXMethodDecl>(H.Function))
    return Fw + " request handler '" + H.Function->getNameAsString() + "'";
  return Fw + " request handler";
}

DiagnosticText unverifiedHandlerText(const jwt::HandlerVerdict &V, const SourceManager &SM) {
  DiagnosticText T = handlerFindingText(V, SM);
  if (!V.IdentityRole.empty())
    T.Notes.emplace_back(V.Handler.Function->getLocation(),
                         "this handler " + V.IdentityRole + ": an authentication endpoint, "
                         "reported because ReportAuthenticationEndpoints is set");
  return T;
}

DiagnosticText handlerFindingText(const jwt::HandlerVerdict &V, const SourceManager &SM) {
  const RequestHandler &H = V.Handler;
  const jwt::HandlerAuthResult &R = V.Result;
  const std::string Who = handlerDescription(H);
  DiagnosticText T;
  switch (R.Verdict) {
  case jwt::HandlerAuth::ResultIgnored:
    T.Loc = appsec::beginLoc(R.IgnoredCall);
    T.Message = Who + " calls " + V.IgnoredCallee + " but ignores its result, so a request " +
                (V.CredentialsInUse ? "that fails authentication" : "whose token fails verification") +
                " is served anyway; check the result and answer 401 when it fails";
    T.Notes.emplace_back(H.Registration, "route registered here");
    return T;
  case jwt::HandlerAuth::GateNeverVerifies: {
    T.Loc = H.Registration;
    size_t N = V.GuardedRoutes.size();
    T.Message = V.GateName +
                " reads the request's token and passes the request on without verifying it, "
                "so " + (N == 1 ? std::string("the route it guards serves")
                                : "the " + std::to_string(N) + " routes it guards serve") +
                " requests anyone can forge; verify the token (signature with a "
                "pinned algorithm, exp, iss) " + V.GatePasses + ", and answer 401 "
                "when it fails";
    if (V.TokenRead)
      T.Notes.emplace_back(V.TokenRead->getBeginLoc(), "the token is read here");
    for (size_t I = 0; I < N && I < 10; ++I)
      T.Notes.emplace_back(V.GuardedRoutes[I].first,
                           "route " + (V.GuardedRoutes[I].second.empty()
                                           ? std::string("registered here")
                                           : "'" + V.GuardedRoutes[I].second + "'") +
                               " relies on it alone");
    return T;
  }
  case jwt::HandlerAuth::SomePathsSkip:
    T.Loc = R.Read->getBeginLoc();
    T.Message = Who + " uses " + R.ReadWhat +
                (V.CredentialsInUse || !V.JwtInUse
                     ? " on a path where the request is not authenticated; make every path "
                       "authenticate the request, or reject it, before using request data"
                     : " on a path where the JWT is not verified; make every path verify the "
                       "token, or reject the request, before using request data");
    T.Notes.emplace_back(appsec::beginLoc(R.Verification),
                         V.VerificationIsCredentialCheck
                             ? "the request's credential is checked here, but not on every path "
                               "to the use above"
                             : "the token is verified here, but not on every path to the use above");
    return T;
  default:
    T.Loc = H.Registration;
    T.Message = Who + (V.CredentialsInUse || !V.JwtInUse
                           ? " serves requests without authenticating them (no JWT verification, "
                             "session lookup or API-key check on any path); authenticate the "
                             "request"
                           : " serves requests without verifying a JWT; verify the token "
                             "(signature with a pinned algorithm, exp, iss)") +
                " in the handler, in a function it calls or in middleware that runs first, or "
                "list the route in PublicRoutes if it is meant to be public";
    if (const FunctionDecl *Def = H.Function->getDefinition() ? H.Function->getDefinition()
                                                              : H.Function;
        SM.getExpansionLoc(H.Registration) != SM.getExpansionLoc(Def->getLocation()) &&
        SM.getExpansionLineNumber(H.Registration) != SM.getExpansionLineNumber(Def->getLocation()))
      T.Notes.emplace_back(Def->getLocation(), "handler defined here");
    return T;
  }
}

std::vector<const SinkFinding *> firstReadPerToken(std::vector<const SinkFinding *> Reads,
                                                   const SourceManager &SM) {
  // Source order; the engine's order among reads at one place.
  std::vector<std::pair<const SinkFinding *, size_t>> Ordered;
  for (size_t I = 0; I < Reads.size(); ++I)
    Ordered.emplace_back(Reads[I], I);
  std::sort(Ordered.begin(), Ordered.end(), [&](const auto &A, const auto &B) {
    if (A.first->Loc != B.first->Loc)
      return SM.isBeforeInTranslationUnit(A.first->Loc, B.first->Loc);
    return A.second < B.second;
  });
  for (size_t I = 0; I < Ordered.size(); ++I)
    Reads[I] = Ordered[I].first;
  // A token is known by the step that decoded it (else by the read itself).
  auto tokenOf = [](const SinkFinding *F) {
    for (const auto &[Loc, Text] : F->Steps)
      if (llvm::StringRef(Text).starts_with("decoded by "))
        return Loc.getRawEncoding();
    return F->Loc.getRawEncoding();
  };
  std::set<unsigned> Seen;
  std::vector<const SinkFinding *> Out;
  for (const SinkFinding *F : Reads)
    if (Seen.insert(tokenOf(F)).second)
      Out.push_back(F);
  return Out;
}

DiagnosticText unverifiedClaimText(const SinkFinding &F) {
  DiagnosticText T;
  T.Loc = F.Loc;
  std::string Origin = F.SourceLabel >= 0 ? std::string(labelPhrase(Label(F.SourceLabel)))
                                          : std::string("untrusted data");
  if (!F.SourceText.empty())
    Origin += " from " + F.SourceText;
  llvm::StringRef Sink(F.SinkName);
  std::string Fix = "Verify the decoded token first: jwt::verify().allow_algorithm("
                    "jwt::algorithm::hs256{shared_secret}).verify(decoded)";
  if (Sink.starts_with("jwt_"))
    Fix = "Decode it with the key, jwt_decode(&jwt, token, key, key_len), and use it only if "
          "that returns 0";
  else if (Sink.starts_with("Token::"))
    Fix = "Get the token from a Signer instead: Poco::JWT::Signer signer(key); use "
          "signer.verify(jwt), or signer.tryVerify(jwt, token) and the token only if that "
          "returns true";
  T.Message = F.SinkName + " " + F.What + " of a JWT decoded from " + Origin +
              " that is not verified on every path to here; nothing has checked its "
              "signature, so anyone can write these claims. " + Fix;
  for (const auto &[Loc, Text] : taintNotes(F))
    T.Notes.emplace_back(Loc, Text);
  return T;
}

std::vector<DiagnosticText> missingVerificationTexts(const std::vector<const SinkFinding *> &ClaimReads,
                                                     const std::vector<jwt::HandlerVerdict> &Verdicts,
                                                     const SourceManager &SM) {
  std::vector<DiagnosticText> Claims, Handlers;
  std::vector<std::pair<SourceRange, size_t>> Gates; // gate body -> its finding
  for (const jwt::HandlerVerdict &V : Verdicts) {
    if (V.Result.Verdict == jwt::HandlerAuth::GateNeverVerifies)
      Gates.emplace_back(V.Handler.Function->getSourceRange(), Handlers.size());
    Handlers.push_back(unverifiedHandlerText(V, SM));
  }
  for (const SinkFinding *F : firstReadPerToken(ClaimReads, SM)) {
    auto In = llvm::find_if(Gates, [&](const auto &G) {
      return SM.isPointWithin(F->Loc, G.first.getBegin(), G.first.getEnd());
    });
    if (In == Gates.end())
      Claims.push_back(unverifiedClaimText(*F));
    else { // after the note at the token read, before the routes
      auto &Notes = Handlers[In->second].Notes;
      Notes.emplace(Notes.begin() + std::min<size_t>(1, Notes.size()), F->Loc,
                    "the unverified token's claims are used here (" + F->SinkName + ")");
    }
  }
  Claims.insert(Claims.end(), std::make_move_iterator(Handlers.begin()),
                std::make_move_iterator(Handlers.end()));
  return Claims;
}

std::vector<DiagnosticText> decodedOnlyTexts(const FunctionDecl *F, ASTContext &Ctx) {
  std::vector<DiagnosticText> Out;
  for (const jwt::L8w8jwtDecode &D : jwt::l8w8jwtUnverifiedClaimUses(F, Ctx)) {
    DiagnosticText T;
    T.Loc = D.FirstClaimUse->getBeginLoc();
    std::string C = D.Claims->getNameAsString();
    if (!D.Validates) {
      T.Message = "payload '" + C + "' used from l8w8jwt_decode_raw_no_validation(), which "
                  "checks neither the signature nor any claim; decode the token with "
                  "l8w8jwt_decode() and use its claims only if the validation result == "
                  "L8W8JWT_VALID";
      T.Notes.emplace_back(appsec::beginLoc(D.Call), "decoded here without validation");
    } else {
      std::string R = D.Result->getNameAsString();
      T.Message = "claims '" + C + "' used although the validation result '" + R +
                  "' of l8w8jwt_decode() is never compared to L8W8JWT_VALID; l8w8jwt hands out "
                  "the claims of forged and expired tokens too; use them only if " + R +
                  " == L8W8JWT_VALID";
      T.Notes.emplace_back(appsec::beginLoc(D.Call),
                           "decoded here; its return value only says the token could be parsed");
    }
    Out.push_back(std::move(T));
  }
  return Out;
}

} // namespace appsec
