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

namespace {

/// The literal text \p E ends with: "...?token=" of `"...?token=" + t` or of
/// `base + "?token="`; empty if it does not end with a literal.
llvm::StringRef literalTail(const Expr *E) {
  for (unsigned I = 0; E && I < 16; ++I) {
    E = constructedFrom(E);
    if (const auto *S = dyn_cast<StringLiteral>(E))
      return S->getCharByteWidth() == 1 ? S->getString() : "";
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
    if (!Op || Op->getOperator() != OO_Plus || Op->getNumArgs() != 2)
      return "";
    E = Op->getArg(1);
  }
  return "";
}

struct UrlSlot {
  std::string Name, Note;
};

/// The place in a URL \p Text ends with, if what follows it is a secret: a
/// query key that names one (`?access_token=`, `&api_key=`, `?token=`), or
/// the path of Telegram's bot API, which holds the bot's token.
std::optional<UrlSlot> secretUrlSlot(llvm::StringRef Text, SensitiveData &SD) {
  if (Text.contains("api.telegram.org/") && Text.ends_with("/bot"))
    return UrlSlot{"the Telegram bot token", "Telegram's bot API takes the bot token in the URL path"};
  if (!Text.consume_back("="))
    return std::nullopt;
  size_t Start = Text.find_last_of("?&");
  if (Start == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Key = Text.drop_front(Start + 1);
  if (Key.empty() || Key.find_first_of("/=#") != llvm::StringRef::npos)
    return std::nullopt;
  if (!(SD.ofKey(Key) & (maskOf(Label::Secret) | maskOf(Label::Password))))
    return std::nullopt;
  return UrlSlot{"'" + Key.str() + "='", "what follows '" + Key.str() + "=' in the URL is a secret"};
}

} // namespace

TaintFact FunctionAnalysis::Impl::call(const Expr *CallE, const FunctionDecl *Callee,
                                       const Expr *Object, llvm::ArrayRef<const Expr *> Args,
                                       bool IsConstruct) {
  TaintFact R = callTransfer(CallE, Callee, Object, Args, IsConstruct);
  if (!Callee || IsConstruct || isBarrierType(CallE->getType()) ||
      CallE->getType()->isVoidType())
    return R;
  SensitiveData &SD = Engine.sensitive();
  // Text written into a URL under a key that names a secret:
  // "...?access_token=" + t, "https://api.telegram.org/bot" + token.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CallE);
      Op && Op->getOperator() == OO_Plus && Args.size() == 2)
    if (std::optional<UrlSlot> Slot = secretUrlSlot(literalTail(Args[0]), SD))
      return addSensitive(R, maskOf(Label::Secret), Args[1]->getExprLoc(), Slot->Note, Slot->Name);
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
