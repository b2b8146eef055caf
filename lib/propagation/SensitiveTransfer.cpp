#include "propagation/TransferImpl.h"

#include "support/AstHelpers.h"

using namespace clang;

namespace appsec {

// ============================================================================
// Secrets and end-user data (secrets/SensitiveData.h)
// ============================================================================

TaintFact FunctionAnalysis::Impl::addSensitive(TaintFact F, LabelMask L, SourceLocation Loc,
                                               const std::string &Why, const std::string &Origin) {
  L &= ~F.Labels;
  if (!L)
    return F;
  // Masked for logs already (a hash of the password kept in the same
  // variable): the name does not undo that.
  if (F.tainted() && (F.Sanitized & maskOf(SinkCategory::Log)))
    return F;
  Label K = *firstLabel(L);
  if (!F.tainted()) {
    F.Labels = L;
    F.Path = Engine.steps().root(Loc, Why, int(K), Origin);
    return F;
  }
  F.Labels |= L;
  F.Path = Engine.steps().extend(F.Path, Loc, Why, SensitiveStep, Origin, int(K));
  return F;
}

TaintFact FunctionAnalysis::Impl::masked(TaintFact F, bool FastDigest, SourceLocation Loc,
                                         const std::string &By) {
  if (!F.tainted())
    return F;
  if (FastDigest && (F.Labels & maskOf(Label::Password))) {
    F.Labels = (F.Labels & ~(maskOf(Label::Password) | maskOf(Label::Secret))) |
               maskOf(Label::FastHashedPassword);
    // Fit for a log or a URL (nobody learns the password from it), not a store.
    F.Sanitized |= maskOf(SinkCategory::Log) | maskOf(SinkCategory::Url);
    F.Path = Engine.steps().extend(F.Path, Loc,
                                   "hashed by " + By + ", a fast digest, not a password hash",
                                   SensitiveStep);
    return F;
  }
  F.Sanitized |= DataProtectionCategories;
  F.Path = Engine.steps().extend(F.Path, Loc, "masked by " + By, SensitiveStep);
  return F;
}

TaintFact FunctionAnalysis::Impl::sensitiveRead(TaintFact F, const ValueDecl *D,
                                                SourceLocation Loc) {
  LabelMask L = Engine.sensitive().ofDecl(D);
  if (!L || !(L & ~F.Labels))
    return F;
  return addSensitive(F, L, Loc,
                      "'" + declName(D) + "' holds " +
                          std::string(labelPhrase(*firstLabel(L & ~F.Labels))) + " (by its " +
                          (annotatedSensitive(D) ? "annotation" : "name") + ")",
                      "'" + declName(D) + "'");
}

TaintFact FunctionAnalysis::Impl::call(const Expr *CallE, const FunctionDecl *Callee,
                                       const Expr *Object, llvm::ArrayRef<const Expr *> Args,
                                       bool IsConstruct) {
  TaintFact R = callTransfer(CallE, Callee, Object, Args, IsConstruct);
  if (!Callee || IsConstruct || isBarrierType(CallE->getType()) ||
      CallE->getType()->isVoidType())
    return R;
  SensitiveData &SD = Engine.sensitive();
  // A masking, hashing or encrypting function: its result is fit for a log
  // and a store (a password hashed with a fast digest for a log only).
  if (Masking K = SD.masking(Callee); K != Masking::None)
    return masked(R, K == Masking::FastDigest, CallE->getExprLoc(), calleeLabel(Callee));
  if (LabelMask L = SD.ofResult(Callee))
    return addSensitive(R, L, CallE->getExprLoc(),
                        calleeLabel(Callee) + " returns " +
                            std::string(labelPhrase(*firstLabel(L))) + " (by its annotation)",
                        calleeLabel(Callee));
  // A lookup by a key that names a secret or personal data:
  // json["password"], getenv("JWT_SECRET"), get_header_value("Authorization"),
  // ini.get("database", "password"). Text put together is not a lookup.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CallE);
      Op && Op->getOperator() != OO_Subscript)
    return R;
  if (const IdentifierInfo *Id = Callee->getIdentifier();
      Id && llvm::is_contained({"append", "assign", "insert", "replace", "strcat", "strncat",
                                "strcpy", "strncpy", "push_back", "emplace_back", "add"},
                               Id->getName()))
    return R;
  for (const Expr *A : Args) {
    const auto *Lit = dyn_cast<StringLiteral>(constructedFrom(A));
    if (!Lit || Lit->getCharByteWidth() != 1)
      continue;
    if (LabelMask L = SD.ofKey(Lit->getString()))
      return addSensitive(R, L, Lit->getBeginLoc(),
                          "the value of '" + Lit->getString().str() + "' is " +
                              std::string(labelPhrase(*firstLabel(L))),
                          "'" + Lit->getString().str() + "'");
  }
  return R;
}

} // namespace appsec
