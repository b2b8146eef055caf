#include "sanitizers/Guards.h"

#include "sanitizers/CharacterClass.h"
#include "support/AstHelpers.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace appsec {

namespace {

const Expr *strip(const Expr *E) {
  return ignoreWrappers(E, Temporaries | ExplicitCasts | OneArgConstructors | ConversionCalls);
}

bool isStringConstant(const Expr *E) {
  E = strip(E);
  if (isa<StringLiteral>(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return V->getType().isConstQualified() && V->hasInit() &&
             isa<StringLiteral>(V->getInit()->IgnoreParenImpCasts());
  return false;
}

bool isZeroLike(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E))
    return true;
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return I->getValue() == 0;
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(E))
    return !B->getValue();
  return false;
}

/// `std::string::npos` or `c.end()` / `std::end(c)` / `e` of std::find.
bool isNotFoundMarker(const Expr *E) {
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getName() == "npos";
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl()->getName() == "npos";
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const auto *M = MC->getMethodDecl())
      return M->getName() == "end" || M->getName() == "cend";
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (const auto *F = CE->getDirectCallee())
      return F->getIdentifier() && (F->getName() == "end" || F->getName() == "cend");
  return false;
}

bool isStringClass(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  StringRef N = RD->getName();
  return N == "basic_string" || N == "basic_string_view" || N == "path";
}

const Expr *objectOf(const CallExpr *C) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    return MC->getImplicitObjectArgument();
  return nullptr;
}

std::string literalText(const Expr *E) {
  if (const auto *L = dyn_cast_or_null<StringLiteral>(E ? strip(E) : nullptr))
    if (L->getCharByteWidth() == 1)
      return L->getString().str();
  return "";
}

bool literalContainsDotDot(const Expr *E) {
  if (const auto *L = dyn_cast<StringLiteral>(strip(E)))
    return L->getCharByteWidth() == 1 && L->getString().contains("..");
  return false;
}

/// The value of an integer literal, possibly negated.
std::optional<int64_t> literalInt(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  bool Negative = false;
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Minus) {
    Negative = true;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return Negative ? -I->getValue().getSExtValue() : I->getValue().getSExtValue();
  return std::nullopt;
}

/// The validator \p E calls, when it is one that returns 0 for valid data
/// and a single known value otherwise.
const ValidatorModel *twoValuedValidator(const Expr *E, const GuardContext &Ctx) {
  const auto *C = dyn_cast<CallExpr>(strip(E));
  const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
  if (!F || !Ctx.validatorFor)
    return nullptr;
  const ValidatorModel *V = Ctx.validatorFor(F);
  return V && !V->ValidWhenTrue && V->FailureValue ? V : nullptr;
}

/// The path or string a view of it designates: `p` in p.string(),
/// p.native(), p.generic_string(), s.c_str(), s.data().
const Expr *viewed(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    const auto *M = dyn_cast<CXXMemberCallExpr>(strip(E));
    const CXXMethodDecl *MD = M ? M->getMethodDecl() : nullptr;
    if (!MD || !MD->getIdentifier() || M->getNumArgs() != 0 ||
        !llvm::is_contained({"string", "native", "generic_string", "u8string", "c_str", "data",
                             "str"},
                            MD->getName()))
      return E;
    E = M->getImplicitObjectArgument();
  }
  return E;
}

/// The local a variable reference names, and the call it was initialised
/// with (`auto rel = p.lexically_relative(base);`).
const CallExpr *initialisingCall(const Expr *E) {
  const auto *D = dyn_cast_or_null<DeclRefExpr>(E ? strip(E) : nullptr);
  const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  if (!V || !V->isLocalVarDecl() || !V->hasInit())
    return nullptr;
  return dyn_cast<CallExpr>(strip(V->getInit()));
}

/// `rel` initialised with p.lexically_relative(base) or
/// std::filesystem::relative(p, base): returns p.
const Expr *relativeSubject(const Expr *Rel) {
  const CallExpr *C = initialisingCall(Rel);
  if (!C)
    return nullptr;
  if (calleeName(C) == "lexically_relative" && objectOf(C))
    return objectOf(C);
  if (calleeName(C) == "relative" && C->getNumArgs() >= 1)
    return C->getArg(0);
  return nullptr;
}

/// `*rel.begin() == ".."` with rel = p.lexically_relative(base) (or
/// std::filesystem::relative(p, base)): false means p stays inside base.
const Expr *escapesBase(const Expr *Subj, const Expr *Other) {
  // std::filesystem::path("..") is built with a defaulted format argument.
  const Expr *Lit = strip(Other);
  if (const auto *C = dyn_cast<CXXConstructExpr>(Lit); C && C->getNumArgs() >= 1 &&
      llvm::all_of(llvm::drop_begin(C->arguments()),
                   [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
    Lit = C->getArg(0);
  if (literalText(Lit) != "..")
    return nullptr;
  const Expr *Deref = strip(Subj);
  const Expr *Iter = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Deref);
      Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
    Iter = Op->getArg(0);
  else if (const auto *U = dyn_cast<UnaryOperator>(Deref); U && U->getOpcode() == UO_Deref)
    Iter = U->getSubExpr();
  const auto *Begin = dyn_cast_or_null<CXXMemberCallExpr>(Iter ? strip(Iter) : nullptr);
  if (!Begin || calleeName(Begin) != "begin")
    return nullptr;
  return relativeSubject(Begin->getImplicitObjectArgument());
}

/// std::mismatch(base.begin(), base.end(), p.begin(), ...).first compared
/// with base.end(): equal means p starts with base. Returns p.
const Expr *mismatchPrefix(const Expr *Subj, const Expr *Other) {
  const CallExpr *M = nullptr;
  Subj = strip(Subj);
  if (const auto *ME = dyn_cast<MemberExpr>(Subj); ME && ME->getMemberDecl()->getName() == "first")
    M = dyn_cast<CallExpr>(strip(ME->getBase()));
  else if (const auto *D = dyn_cast<DeclRefExpr>(Subj))
    if (const auto *B = dyn_cast<BindingDecl>(D->getDecl()))
      if (const auto *DD = dyn_cast_or_null<DecompositionDecl>(B->getDecomposedDecl());
          DD && DD->hasInit() && !DD->bindings().empty() && DD->bindings().front() == B)
        M = dyn_cast<CallExpr>(strip(DD->getInit()));
  if (!M || calleeName(M) != "mismatch" || M->getNumArgs() < 3)
    return nullptr;
  const auto *BaseEnd = dyn_cast<CXXMemberCallExpr>(strip(M->getArg(1)));
  const auto *OtherEnd = dyn_cast<CXXMemberCallExpr>(strip(Other));
  const auto *PBegin = dyn_cast<CXXMemberCallExpr>(strip(M->getArg(2)));
  if (!BaseEnd || !OtherEnd || !PBegin || calleeName(OtherEnd) != "end" ||
      calleeName(PBegin) != "begin" ||
      !referencedDecl(BaseEnd->getImplicitObjectArgument()) ||
      referencedDecl(BaseEnd->getImplicitObjectArgument()) !=
          referencedDecl(OtherEnd->getImplicitObjectArgument()))
    return nullptr;
  return PBegin->getImplicitObjectArgument();
}

/// `X <op> Other` where X is a call: finds position/lookup idioms.
bool comparisonIdiom(const CallExpr *Call, bool IsEq, const Expr *Other,
                     bool Branch, std::vector<GuardEffect> &Out) {
  StringRef Name = calleeName(Call);
  const Expr *Obj = objectOf(Call);
  bool Holds = IsEq == Branch; // the comparison is true on this edge
  if (Obj && isStringClass(Obj->getType())) {
    // s.find_first_not_of("abc...") == npos: only those characters.
    if (Name == "find_first_not_of" && Call->getNumArgs() >= 1 && isNotFoundMarker(Other)) {
      if (auto Chars = literalCharacters(Call->getArg(0)); Chars && Holds)
        if (CategoryMask Safe = categoriesSafeFor(*Chars))
          Out.push_back({GuardEffect::Validated, Obj, Safe, {}});
      return true;
    }
    // s.find_first_of("\r\n") == npos: none of those characters.
    if (Name == "find_first_of" && Call->getNumArgs() >= 1 && isNotFoundMarker(Other)) {
      if (auto Chars = literalCharacters(Call->getArg(0)); Chars && Holds)
        if (CategoryMask Safe = categoriesSafeFor(~*Chars))
          Out.push_back({GuardEffect::Validated, Obj, Safe, {}});
      return true;
    }
    // s.find("..") == npos: no parent-directory component.
    if ((Name == "find" || Name == "rfind") && Call->getNumArgs() >= 1 &&
        literalContainsDotDot(Call->getArg(0)) && isNotFoundMarker(Other)) {
      if (Holds)
        Out.push_back({GuardEffect::NoDotDot, Obj, maskOf(SinkCategory::Path), {}});
      return true;
    }
    // s.rfind(base, 0) == 0 / s.find(base) == 0 / s.compare(0, n, base) == 0.
    bool ZeroOther = isZeroLike(Other);
    // The text of rel = p.lexically_relative(base) starting with "..":
    // false means p stays inside base (the string form of escapesBase).
    if (ZeroOther && ((Name == "rfind" && Call->getNumArgs() == 2 && isZeroLike(Call->getArg(1))) ||
                      (Name == "find" && Call->getNumArgs() >= 1)) &&
        literalText(Call->getArg(0)) == "..")
      if (const Expr *P = relativeSubject(viewed(Obj))) {
        if (!Holds)
          Out.push_back({GuardEffect::PrefixChecked, P, maskOf(SinkCategory::Path), {}});
        return true;
      }
    if (ZeroOther && Holds &&
        ((Name == "rfind" && Call->getNumArgs() == 2 && isZeroLike(Call->getArg(1))) ||
         (Name == "find" && Call->getNumArgs() >= 1) ||
         (Name == "compare" && Call->getNumArgs() == 3))) {
      const Expr *Base = Name == "compare" ? Call->getArg(2) : Call->getArg(0);
      Out.push_back({GuardEffect::PrefixChecked, viewed(Obj), maskOf(SinkCategory::Path),
                     literalText(Base)});
      return true;
    }
    if (ZeroOther && Name == "compare" && Call->getNumArgs() == 1 &&
        isStringConstant(Call->getArg(0))) {
      if (Holds)
        Out.push_back({GuardEffect::Validated, Obj, AllCategories, {}});
      return true;
    }
    return false;
  }
  // Container lookups: c.find(x) != c.end(); std::find(b, e, x) != e.
  if (isNotFoundMarker(Other)) {
    if (!Holds) { // found
      if (Obj && Name == "find" && Call->getNumArgs() == 1)
        Out.push_back({GuardEffect::Validated, Call->getArg(0), AllCategories, {}});
      else if (!Obj && (Name == "find") && Call->getNumArgs() == 3)
        Out.push_back({GuardEffect::Validated, Call->getArg(2), AllCategories, {}});
    }
    return true;
  }
  return false;
}

/// The call behind \p E: the call itself, or the initialiser of a variable
/// that holds its result (`auto it = m.find(k); if (it == m.end())`).
const CallExpr *lookupCall(const Expr *E) {
  E = strip(E);
  if (const auto *C = dyn_cast<CallExpr>(E))
    return C;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->isLocalVarDecl() && V->hasInit() && !V->getType()->isReferenceType())
        return dyn_cast<CallExpr>(strip(V->getInit()));
  return nullptr;
}

} // namespace

bool fixesHost(StringRef Text) {
  // A path on this site ("/notes/"): same origin, unless "//" or "/\\"
  // starts a protocol-relative URL.
  if (Text.size() >= 2 && Text[0] == '/' && Text[1] != '/' && Text[1] != '\\')
    return true;
  size_t Scheme = Text.find("://");
  if (Scheme == StringRef::npos || Scheme == 0)
    return false;
  for (char C : Text.take_front(Scheme))
    if (!isalnum(static_cast<unsigned char>(C)) && C != '+' && C != '-' && C != '.')
      return false;
  StringRef Rest = Text.drop_front(Scheme + 3);
  size_t Slash = Rest.find('/');
  // A host, then the start of the path: "https://api.example.com/".
  return Slash != StringRef::npos && Slash > 0 &&
         Rest.take_front(Slash).find_first_of("@?#") == StringRef::npos;
}

bool validatorLikeName(StringRef Name) {
  std::string L = Name.lower();
  StringRef N(L);
  N.consume_front("is_");
  N.consume_front("is");
  for (StringRef P : {"valid", "safe", "allowed", "whitelisted", "allowlisted",
                      "permitted", "trusted"})
    if (N.starts_with(P))
      return true;
  StringRef Full(L);
  return Full.starts_with("validate") || Full.starts_with("check_valid") ||
         Full.starts_with("verify_safe");
}

bool callValidates(const CallExpr *Call, bool Branch, const GuardContext &Ctx,
                   std::vector<GuardEffect> &Out) {
  const FunctionDecl *F = Call->getDirectCallee();
  StringRef Name = calleeName(Call);
  const Expr *Obj = objectOf(Call);
  size_t Before = Out.size();
  // Operator calls: s == "lit", s != "lit".
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    OverloadedOperatorKind K = Op->getOperator();
    if ((K == OO_EqualEqual || K == OO_ExclaimEqual) && Op->getNumArgs() == 2) {
      bool IsEq = K == OO_EqualEqual;
      const Expr *L = Op->getArg(0), *R = Op->getArg(1);
      for (int Swap = 0; Swap < 2; ++Swap) {
        const Expr *Subj = Swap ? R : L, *Other = Swap ? L : R;
        if (const Expr *P = escapesBase(Subj, Other)) {
          if (IsEq != Branch)
            Out.push_back({GuardEffect::PrefixChecked, P, maskOf(SinkCategory::Path), {}});
          return Out.size() > Before;
        }
        if (const Expr *P = mismatchPrefix(Subj, Other)) {
          if (IsEq == Branch)
            Out.push_back({GuardEffect::PrefixChecked, P, maskOf(SinkCategory::Path), {}});
          return Out.size() > Before;
        }
        if (const auto *Inner = lookupCall(Subj))
          if (comparisonIdiom(Inner, IsEq, Other, Branch, Out))
            return Out.size() > Before;
        if (isStringConstant(Other) && isStringClass(Subj->getType())) {
          if (IsEq == Branch)
            Out.push_back({GuardEffect::Validated, Subj, AllCategories, {}});
          return Out.size() > Before;
        }
      }
    }
    return false;
  }
  if (F && Ctx.validatorFor)
    if (const ValidatorModel *V = Ctx.validatorFor(F)) {
      if (V->ValidWhenTrue == Branch)
        for (const ArgSpec &A : V->Validates) {
          if (A.K == ArgSpec::This && Obj)
            Out.push_back({GuardEffect::Validated, Obj, V->Categories, {}});
          else if (A.K == ArgSpec::Arg && A.Index < Call->getNumArgs())
            Out.push_back({GuardEffect::Validated, Call->getArg(A.Index), V->Categories, {}});
        }
      return Out.size() > Before;
    }
  // std::all_of(s.begin(), s.end(), pred), none_of, any_of (and the ranges
  // forms on s): every character is of the class the predicate accepts.
  if ((Name == "all_of" || Name == "none_of" || Name == "any_of") && Ctx.AST &&
      (Call->getNumArgs() == 3 || Call->getNumArgs() == 2)) {
    const Expr *Subject = nullptr;
    if (Call->getNumArgs() == 3) {
      const auto *Begin = dyn_cast<CXXMemberCallExpr>(strip(Call->getArg(0)));
      const auto *End = dyn_cast<CXXMemberCallExpr>(strip(Call->getArg(1)));
      if (Begin && End && Begin->getMethodDecl() && End->getMethodDecl() &&
          Begin->getMethodDecl()->getIdentifier() && End->getMethodDecl()->getIdentifier() &&
          Begin->getMethodDecl()->getName().ends_with("begin") &&
          End->getMethodDecl()->getName().ends_with("end") &&
          referencedDecl(Begin->getImplicitObjectArgument()) &&
          referencedDecl(Begin->getImplicitObjectArgument()) ==
              referencedDecl(End->getImplicitObjectArgument()))
        Subject = Begin->getImplicitObjectArgument();
    } else if (isStringClass(Call->getArg(0)->getType())) {
      Subject = Call->getArg(0);
    }
    auto Accepts = Subject ? predicateAccepts(Call->getArg(Call->getNumArgs() - 1), *Ctx.AST)
                           : std::nullopt;
    // all_of true: the accepted bytes; none_of true / any_of false: the others.
    bool Holds = Name == "any_of" ? !Branch : Branch;
    if (Accepts && Holds) {
      std::bitset<256> Allowed = Name == "all_of" ? *Accepts : ~*Accepts;
      Allowed[0] = false;
      if (CategoryMask Safe = categoriesSafeFor(Allowed))
        Out.push_back({GuardEffect::Validated, Subject, Safe, {}});
    }
    return Out.size() > Before;
  }
  // strcmp(x, "lit") is 0 when equal; strncmp(x, base, n) checks a prefix.
  if ((Name == "strcmp" || Name == "strcasecmp" || Name == "wcscmp" ||
       Name == "strcoll") &&
      Call->getNumArgs() == 2) {
    if (!Branch)
      for (int I = 0; I < 2; ++I)
        if (isStringConstant(Call->getArg(1 - I)))
          Out.push_back({GuardEffect::Validated, Call->getArg(I), AllCategories, {}});
    return Out.size() > Before;
  }
  if ((Name == "strncmp" || Name == "wcsncmp" || Name == "memcmp") &&
      Call->getNumArgs() == 3) {
    if (!Branch)
      Out.push_back({GuardEffect::PrefixChecked, Call->getArg(0), maskOf(SinkCategory::Path),
                     literalText(Call->getArg(1))});
    return Out.size() > Before;
  }
  if (Name == "strstr" && Call->getNumArgs() == 2 && literalContainsDotDot(Call->getArg(1))) {
    if (!Branch)
      Out.push_back({GuardEffect::NoDotDot, Call->getArg(0), maskOf(SinkCategory::Path), {}});
    return Out.size() > Before;
  }
  // rel.string().starts_with("..") false, rel = p.lexically_relative(base).
  if (Obj && Name == "starts_with" && Call->getNumArgs() == 1 && isStringClass(Obj->getType()) &&
      literalText(Call->getArg(0)) == "..")
    if (const Expr *P = relativeSubject(viewed(Obj))) {
      if (!Branch)
        Out.push_back({GuardEffect::PrefixChecked, P, maskOf(SinkCategory::Path), {}});
      return Out.size() > Before;
    }
  if (Obj && Branch) {
    if (isStringClass(Obj->getType())) {
      if (Name == "starts_with" && Call->getNumArgs() == 1)
        Out.push_back({GuardEffect::PrefixChecked, Obj, maskOf(SinkCategory::Path),
                       literalText(Call->getArg(0))});
    } else if ((Name == "count" || Name == "contains") && Call->getNumArgs() == 1) {
      Out.push_back({GuardEffect::Validated, Call->getArg(0), AllCategories, {}});
    }
    if (Out.size() > Before)
      return true;
  }
  // User predicates named like validators: isValidName(x), is_safe_path(p).
  if (F && !Obj && validatorLikeName(Name) && Call->getNumArgs() >= 1 &&
      (F->getReturnType()->isBooleanType() || F->getReturnType()->isIntegerType())) {
    if (Branch)
      for (const Expr *A : Call->arguments())
        Out.push_back({GuardEffect::Validated, A, AllCategories, {}});
    return Out.size() > Before;
  }
  if (F && Obj && validatorLikeName(Name) && Call->getNumArgs() >= 1 &&
      F->getReturnType()->isBooleanType()) {
    if (Branch)
      for (const Expr *A : Call->arguments())
        Out.push_back({GuardEffect::Validated, A, AllCategories, {}});
    return Out.size() > Before;
  }
  return false;
}

std::vector<GuardEffect> guardEffects(const Expr *Cond, bool Branch,
                                      const GuardContext &Ctx) {
  std::vector<GuardEffect> Out;
  if (!Cond)
    return Out;
  const Expr *E = strip(Cond);
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_LNot)
      return guardEffects(U->getSubExpr(), !Branch, Ctx);
    return Out;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    BinaryOperatorKind Op = B->getOpcode();
    if ((Op == BO_LAnd && Branch) || (Op == BO_LOr && !Branch)) {
      Out = guardEffects(B->getLHS(), Branch, Ctx);
      auto R = guardEffects(B->getRHS(), Branch, Ctx);
      Out.insert(Out.end(), R.begin(), R.end());
      return Out;
    }
    if (Op == BO_EQ || Op == BO_NE) {
      bool IsEq = Op == BO_EQ;
      for (int Swap = 0; Swap < 2; ++Swap) {
        const Expr *Subj = Swap ? B->getRHS() : B->getLHS();
        const Expr *Other = Swap ? B->getLHS() : B->getRHS();
        if (const auto *Inner = lookupCall(Subj))
          if (comparisonIdiom(Inner, IsEq, Other, Branch, Out))
            return Out;
        if (isZeroLike(Other))
          return guardEffects(Subj, IsEq ? !Branch : Branch, Ctx);
        // check(s) == -1 / != -1 for a validator that returns 0 or -1:
        // the result is the failure value exactly when it is non-zero.
        if (const ValidatorModel *V = twoValuedValidator(Subj, Ctx))
          if (literalInt(Other) == V->FailureValue)
            return guardEffects(Subj, IsEq == Branch, Ctx);
      }
    }
    // check(s) < 0 for a validator that returns 0 or a negative value.
    if (Op == BO_LT && isZeroLike(B->getRHS()))
      if (const ValidatorModel *V = twoValuedValidator(B->getLHS(), Ctx); V && *V->FailureValue < 0)
        return guardEffects(B->getLHS(), Branch, Ctx);
    if ((Op == BO_GT || Op == BO_GE) && isZeroLike(B->getRHS()) && Op == BO_GT)
      return guardEffects(B->getLHS(), Branch, Ctx);
    return Out;
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    callValidates(C, Branch, Ctx, Out);
    return Out;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (Ctx.boolGuard)
      Ctx.boolGuard(DRE->getDecl(), Branch, Out);
  return Out;
}

} // namespace appsec
