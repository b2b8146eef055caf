#include "jwt/IdentityEndpoints.h"

#include "support/AstHelpers.h"
#include "support/BodyStatements.h"
#include "support/LlvmCompat.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

#include <set>

using namespace clang;

namespace appsec::jwt {

namespace {

enum class Act { None, IssuesToken, ChecksPassword, HashesPassword };

/// What one call does, and its name for the message.
Act actOf(const CallExpr *Call, std::string &Name) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return Act::None;
  llvm::StringRef N = FD->getName();
  Name = N.str() + "()";
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD)) {
    llvm::StringRef Class = M->getParent()->getName();
    if ((N == "sign" && Class == "builder" && llvm::is_contained(namespacesOf(M), "jwt")) ||
        (N == "signature" && Class == "jwt_object" && llvm::is_contained(namespacesOf(M), "jwt")) ||
        (N == "sign" && Class == "Signer" && llvm::is_contained(namespacesOf(M), "JWT"))) {
      Name = Class.str() + "::" + Name;
      return Act::IssuesToken;
    }
  }
  Act Library = appsec::StringSwitch<Act>(N)
                    .Cases({"jwt_encode_str", "jwt_encode_fp", "l8w8jwt_encode"}, Act::IssuesToken)
                    .Cases({"crypto_pwhash_str_verify", "crypto_pwhash_scryptsalsa208sha256_str_verify",
                            "bcrypt_checkpw", "argon2i_verify", "argon2id_verify", "argon2d_verify",
                            "argon2_verify"}, Act::ChecksPassword)
                    .Cases({"crypto_pwhash_str", "crypto_pwhash_scryptsalsa208sha256_str",
                            "bcrypt_hashpw", "argon2i_hash_encoded", "argon2id_hash_encoded"},
                           Act::HashesPassword)
                    .Default(Act::None);
  if (Library != Act::None)
    return Library;
  static const llvm::Regex Check("^(check|verify|validate)_?(user_?)?password(_?hash)?$|"
                                 "password_?(matches|verify|check)$",
                                 llvm::Regex::IgnoreCase);
  static const llvm::Regex Hash("^(hash|make|create|generate)_?(the_?)?password(_?hash)?$",
                                llvm::Regex::IgnoreCase);
  if (Check.match(N))
    return Act::ChecksPassword;
  if (Hash.match(N))
    return Act::HashesPassword;
  return Act::None;
}

/// The strongest act in \p F and the functions of this file it calls.
Act actsIn(const FunctionDecl *F, unsigned Depth, std::set<const FunctionDecl *> &Seen,
           std::string &Name) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !Def->getBody() || !Seen.insert(Def).second)
    return Act::None;
  Act Best = Act::None;
  std::string BestName;
  for (const CallExpr *C : callsIn(Def->getBody())) {
    std::string N;
    Act A = actOf(C, N);
    if (A == Act::None && Depth < 2)
      if (const FunctionDecl *Callee = C->getDirectCallee()) {
        const SourceManager &SM = Def->getASTContext().getSourceManager();
        if (!SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())))
          A = actsIn(Callee, Depth + 1, Seen, N);
      }
    if (A != Act::None && (Best == Act::None || A < Best)) {
      Best = A;
      BestName = N;
    }
  }
  Name = BestName;
  return Best;
}

} // namespace

std::string identityRole(const RequestHandler &H, ASTContext &) {
  // The route says so (the work may be in another file): its last segment is
  // login, signin, auth, token, refresh, register or signup (oat++ routes
  // may be written without the leading '/').
  static const llvm::Regex Route("(^|/)(log-?in|sign-?in|auth|authenticate|tokens?|refresh|"
                                 "register|sign-?up)/?$",
                                 llvm::Regex::IgnoreCase);
  if (Route.match(H.Route))
    return "is a login, token or registration route ('" + H.Route + "')";
  // Logging out ends the caller's own session (it clears a cookie or drops
  // the session the request names): there is no identity to establish first.
  static const llvm::Regex Logout("(^|/)(log-?out|sign-?out|log-?off)/?$", llvm::Regex::IgnoreCase);
  if (Logout.match(H.Route))
    return "is a logout route ('" + H.Route + "')";
  std::set<const FunctionDecl *> Seen;
  std::string Name;
  switch (actsIn(H.Function, 0, Seen, Name)) {
  case Act::IssuesToken:
    return "issues a token (" + Name + ")";
  case Act::ChecksPassword:
    return "checks a password (" + Name + ")";
  case Act::HashesPassword: {
    static const llvm::Regex Registration("regist|sign[-_]?up|/users/?$|/accounts?/?$",
                                          llvm::Regex::IgnoreCase);
    if (Registration.match(H.Route))
      return "registers a user (" + Name + ")";
    return "";
  }
  case Act::None:
    return "";
  }
  return "";
}

} // namespace appsec::jwt
