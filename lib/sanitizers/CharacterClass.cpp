#include "sanitizers/CharacterClass.h"

#include "support/AstHelpers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

#include <vector>

using namespace clang;

namespace appsec {

namespace {

const Expr *bare(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExplicitCastExpr>(E))
      E = C->getSubExpr();
    else
      return E;
  }
  return E;
}

const ValueDecl *declOf(const Expr *E) {
  if (const auto *D = dyn_cast_or_null<DeclRefExpr>(bare(E)))
    return D->getDecl();
  return nullptr;
}

/// How the loop names the character it looks at.
struct Element {
  const ValueDecl *Subject = nullptr; ///< the string
  const ValueDecl *Pointer = nullptr; ///< p in *p, walking the string
  const ValueDecl *Char = nullptr;    ///< c in `for (char c : s)` or `char c = s[i];`
};

/// The string \p E reads one character of (s[i], s.at(i), *p), and the
/// pointer for *p; null if \p E is no such read.
const ValueDecl *accessed(const Expr *E, const ValueDecl *&Pointer) {
  E = bare(E);
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
    return declOf(A->getBase());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    return declOf(Op->getArg(0));
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E);
      M && M->getMethodDecl() && M->getMethodDecl()->getIdentifier() &&
      M->getMethodDecl()->getName() == "at" && M->getNumArgs() == 1)
    return declOf(M->getImplicitObjectArgument());
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref) {
    Pointer = declOf(U->getSubExpr());
    return Pointer;
  }
  return nullptr;
}

bool isElement(const Expr *E, const Element &El) {
  E = bare(E);
  if (El.Char && declOf(E) == El.Char)
    return true;
  const ValueDecl *P = nullptr;
  const ValueDecl *S = accessed(E, P);
  return S && (S == El.Subject || (El.Pointer && S == El.Pointer));
}

bool ctype(StringRef Name, int C, bool &Out) {
  auto In = [&](char Lo, char Hi) { return C >= Lo && C <= Hi; };
  bool Lower = In('a', 'z'), Upper = In('A', 'Z'), Digit = In('0', '9');
  bool Space = C == ' ' || (C >= '\t' && C <= '\r');
  bool Print = C >= 0x20 && C < 0x7f;
  std::optional<bool> R = llvm::StringSwitch<std::optional<bool>>(Name)
                              .Case("isalnum", Lower || Upper || Digit)
                              .Case("isalpha", Lower || Upper)
                              .Case("isdigit", Digit)
                              .Case("isxdigit", Digit || In('a', 'f') || In('A', 'F'))
                              .Case("islower", Lower)
                              .Case("isupper", Upper)
                              .Case("isspace", Space)
                              .Case("isblank", C == ' ' || C == '\t')
                              .Case("isprint", Print)
                              .Case("isgraph", Print && C != ' ')
                              .Case("ispunct", Print && C != ' ' && !(Lower || Upper || Digit))
                              .Case("iscntrl", C < 0x20 || C == 0x7f)
                              .Default(std::nullopt);
  if (!R)
    return false;
  Out = *R;
  return true;
}

/// The value of \p E when the element is the byte \p Ch; nullopt when \p E
/// is anything else than a test of the element.
bool containsElement(const Stmt *S, const Element &El) {
  if (const auto *E = dyn_cast_or_null<Expr>(S); E && isElement(E, El))
    return true;
  for (const Stmt *C : S ? S->children() : Stmt::const_child_range(nullptr, nullptr))
    if (containsElement(C, El))
      return true;
  return false;
}

std::optional<int64_t> eval(const Expr *E, int Ch, const Element &El, const ASTContext &Ctx) {
  E = bare(E);
  if (!E)
    return std::nullopt;
  if (isElement(E, El))
    return Ch;
  // C's <ctype.h> defines isalnum(c) and friends as macros over a table.
  // (isalnum expands to __isctype, so look at every level of the expansion.)
  // The expansion must be all of E (not `isalnum(c) || c == '.'`).
  const SourceManager &SM = Ctx.getSourceManager();
  bool OneExpansion = E->getBeginLoc().isMacroID() && E->getEndLoc().isMacroID() &&
                      SM.getExpansionLoc(E->getBeginLoc()) == SM.getExpansionLoc(E->getEndLoc());
  for (SourceLocation L = E->getBeginLoc(); OneExpansion && L.isMacroID();
       L = SM.getImmediateMacroCallerLoc(L)) {
    StringRef Macro = Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts());
    bool Out = false;
    if (ctype(Macro, 'a', Out)) {
      if (!containsElement(E, El) || !ctype(Macro, Ch & 0xff, Out))
        return std::nullopt;
      return Out;
    }
  }
  if (const auto *L = dyn_cast<CharacterLiteral>(E))
    return static_cast<unsigned char>(L->getValue());
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return I->getValue().getSExtValue();
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(E))
    return B->getValue();
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    auto V = eval(U->getSubExpr(), Ch, El, Ctx);
    if (!V)
      return std::nullopt;
    if (U->getOpcode() == UO_LNot)
      return !*V;
    if (U->getOpcode() == UO_Minus)
      return -*V;
    return std::nullopt;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    auto L = eval(B->getLHS(), Ch, El, Ctx);
    auto R = eval(B->getRHS(), Ch, El, Ctx);
    if (!L || !R)
      return std::nullopt;
    switch (B->getOpcode()) {
    case BO_LAnd: return *L && *R;
    case BO_LOr: return *L || *R;
    case BO_EQ: return *L == *R;
    case BO_NE: return *L != *R;
    case BO_LT: return *L < *R;
    case BO_LE: return *L <= *R;
    case BO_GT: return *L > *R;
    case BO_GE: return *L >= *R;
    default: return std::nullopt;
    }
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F || !F->getIdentifier() || C->getNumArgs() < 1)
      return std::nullopt;
    StringRef Name = F->getName();
    // strchr("-_.", c): the byte is one of the literal's.
    if ((Name == "strchr" || Name == "memchr") && C->getNumArgs() >= 2) {
      const auto *Lit = dyn_cast<StringLiteral>(bare(C->getArg(0)));
      auto V = eval(C->getArg(1), Ch, El, Ctx);
      if (!Lit || Lit->getCharByteWidth() != 1 || !V)
        return std::nullopt;
      return *V != 0 && Lit->getString().contains(static_cast<char>(*V));
    }
    auto V = eval(C->getArg(0), Ch, El, Ctx);
    bool Out = false;
    if (!V || (C->getNumArgs() > 2) || !ctype(Name, static_cast<int>(*V & 0xff), Out))
      return std::nullopt;
    return Out;
  }
  return std::nullopt;
}

bool isExitCall(const Stmt *S) {
  const auto *C = dyn_cast<CallExpr>(S);
  const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
  return F && F->isNoReturn();
}

/// \p S leaves the function on every path through it: a return, a throw, a
/// call that does not return, or a block that ends in one.
bool leaves(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return !C->body_empty() && leaves(C->body_back());
  if (isa<ReturnStmt>(S) || isExitCall(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreImplicit()) || isExitCall(E->IgnoreImplicit());
  return false;
}

bool isContinueOrEmpty(const Stmt *S) {
  if (!S || isa<ContinueStmt>(S) || isa<NullStmt>(S))
    return true;
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return C->body_empty() || (C->size() == 1 && isContinueOrEmpty(C->body_back()));
  return false;
}

/// A `break` of this loop, or a write into the string's characters, in \p S
/// (not inside nested loops or switches for the break).
bool breaksOrWrites(const Stmt *S, const Element &El, bool Nested) {
  if (!S)
    return false;
  if (isa<BreakStmt>(S) && !Nested)
    return true;
  if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
    if (isElement(B->getLHS(), El) && !declOf(B->getLHS()))
      return true;
  bool Inner = Nested || isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
               isa<CXXForRangeStmt>(S) || isa<SwitchStmt>(S);
  if (isa<LambdaExpr>(S))
    return false;
  for (const Stmt *C : S->children())
    if (breaksOrWrites(C, El, Inner))
      return true;
  return false;
}

bool mentions(const Stmt *S, const ValueDecl *D) {
  if (!S || !D)
    return false;
  if (const auto *R = dyn_cast<DeclRefExpr>(S); R && R->getDecl() == D)
    return true;
  for (const Stmt *C : S->children())
    if (mentions(C, D))
      return true;
  return false;
}

/// The first character read in \p S (a condition or a statement).
const Expr *firstAccess(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S)) {
    const ValueDecl *P = nullptr;
    if (accessed(E, P))
      return E;
  }
  for (const Stmt *C : S->children())
    if (const Expr *A = firstAccess(C))
      return A;
  return nullptr;
}

struct Rejection {
  const Expr *Cond;
  bool When; ///< the character is rejected when Cond has this truth value
};

} // namespace

CategoryMask categoriesSafeFor(const std::bitset<256> &Allowed) {
  auto none = [&](StringRef Chars) {
    for (char C : Chars)
      if (Allowed[static_cast<unsigned char>(C)])
        return false;
    return true;
  };
  // Whitespace splits arguments and lines; >= 0x80 is left to the locale.
  bool HighBytes = false;
  for (unsigned C = 0x80; C < 256; ++C)
    HighBytes |= Allowed[C];
  CategoryMask M = 0;
  if (none(";|&$`<>(){}[]*?~!#'\"\\ \t\r\n") && !HighBytes)
    M |= maskOf(SinkCategory::Command);
  if (none("'\"\\;=()#*/ \t\r\n") && !HighBytes)
    M |= maskOf(SinkCategory::Sql);
  if (none("/\\.") && !HighBytes)
    M |= maskOf(SinkCategory::Path);
  if (none("%"))
    M |= maskOf(SinkCategory::FormatString);
  if (none("<>\"'&`"))
    M |= maskOf(SinkCategory::Xss);
  if (none("\r\n"))
    M |= maskOf(SinkCategory::Header);
  if (none(":/\\@") && !HighBytes)
    M |= maskOf(SinkCategory::Redirect) | maskOf(SinkCategory::Ssrf) |
         maskOf(SinkCategory::JwtKey);
  return M;
}

std::optional<CharacterClassLoop> characterClassLoop(const Stmt *Loop, const ASTContext &Ctx) {
  const Stmt *Body = nullptr;
  const Expr *Cond = nullptr;
  Element El;
  if (const auto *R = dyn_cast<CXXForRangeStmt>(Loop)) {
    El.Subject = declOf(R->getRangeInit());
    El.Char = R->getLoopVariable();
    Body = R->getBody();
  } else if (const auto *F = dyn_cast<ForStmt>(Loop)) {
    Body = F->getBody();
    Cond = F->getCond();
  } else if (const auto *W = dyn_cast<WhileStmt>(Loop)) {
    Body = W->getBody();
    Cond = W->getCond();
  } else {
    return std::nullopt;
  }
  if (!Body)
    return std::nullopt;
  llvm::SmallVector<const Stmt *, 8> Stmts;
  if (const auto *C = dyn_cast<CompoundStmt>(Body))
    Stmts.append(C->body_begin(), C->body_end());
  else
    Stmts.push_back(Body);

  // The rejections: `if (bad) leave;` and `if (good) continue; else leave;`.
  std::vector<Rejection> Rejections;
  for (const Stmt *S : Stmts) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || !If->getCond() || If->getInit() || If->getConditionVariable())
      continue;
    if (leaves(If->getThen()) && !If->getElse())
      Rejections.push_back({If->getCond(), true});
    else if (If->getElse() && leaves(If->getElse()) && isContinueOrEmpty(If->getThen()))
      Rejections.push_back({If->getCond(), false});
  }
  if (Rejections.empty())
    return std::nullopt;

  if (!El.Subject) {
    // `char c = s[i];` names the character for the tests that follow.
    for (const Stmt *S : Stmts)
      if (const auto *DS = dyn_cast<DeclStmt>(S); DS && DS->isSingleDecl())
        if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl()); V && V->getInit()) {
          const ValueDecl *P = nullptr;
          if (const ValueDecl *Sub = accessed(V->getInit(), P)) {
            El.Subject = Sub;
            El.Pointer = P;
            El.Char = V;
            break;
          }
        }
    if (!El.Subject) {
      const Expr *A = firstAccess(Rejections.front().Cond);
      if (!A)
        return std::nullopt;
      El.Subject = accessed(A, El.Pointer);
    }
    // A pointer walking the string names the string it started at.
    if (El.Pointer && El.Subject == El.Pointer) {
      const auto *PV = dyn_cast<VarDecl>(El.Pointer);
      if (PV && !isa<ParmVarDecl>(PV) && PV->getInit())
        if (const ValueDecl *From = declOf(PV->getInit()))
          El.Subject = From;
      if (const auto *F = dyn_cast<ForStmt>(Loop); F && F->getInit())
        if (const auto *B = dyn_cast<BinaryOperator>(F->getInit());
            B && B->getOpcode() == BO_Assign && declOf(B->getLHS()) == El.Pointer)
          if (const ValueDecl *From = declOf(B->getRHS()))
            El.Subject = From;
    }
    // The loop must run over the whole string: its condition names it.
    if (!mentions(Cond, El.Subject) && !mentions(Cond, El.Pointer))
      return std::nullopt;
  }
  if (!El.Subject || !isa<VarDecl>(El.Subject))
    return std::nullopt;
  if (breaksOrWrites(Body, El, false))
    return std::nullopt;

  std::bitset<256> Allowed;
  for (int Ch = 1; Ch < 256; ++Ch) {
    bool Rejected = false;
    for (const Rejection &R : Rejections) {
      std::optional<int64_t> V = eval(R.Cond, Ch, El, Ctx);
      if (!V) {
              return std::nullopt; // a test of something else: not a class check
      }
      Rejected |= (*V != 0) == R.When;
    }
    Allowed[Ch] = !Rejected;
  }
  CharacterClassLoop Out;
  Out.Subject = El.Subject;
  Out.Safe = categoriesSafeFor(Allowed);
  if (!Out.Safe)
    return std::nullopt;
  return Out;
}

std::optional<std::bitset<256>> predicateAccepts(const Expr *Pred, const ASTContext &Ctx) {
  Pred = bare(Pred);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(Pred); U && U->getOpcode() == UO_AddrOf)
    Pred = bare(U->getSubExpr());
  std::bitset<256> Out;
  if (const auto *D = dyn_cast_or_null<DeclRefExpr>(Pred)) {
    const auto *F = dyn_cast<FunctionDecl>(D->getDecl());
    bool Unused = false;
    if (!F || !F->getIdentifier() || !ctype(F->getName(), 'a', Unused))
      return std::nullopt;
    for (int Ch = 1; Ch < 256; ++Ch) {
      bool V = false;
      ctype(F->getName(), Ch, V);
      Out[Ch] = V;
    }
    return Out;
  }
  const auto *L = dyn_cast_or_null<LambdaExpr>(Pred);
  if (!L || L->getCallOperator()->getNumParams() != 1)
    return std::nullopt;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(L->getBody());
  const auto *Ret = Body && Body->size() == 1 ? dyn_cast<ReturnStmt>(Body->body_back()) : nullptr;
  if (!Ret || !Ret->getRetValue())
    return std::nullopt;
  Element El;
  El.Char = L->getCallOperator()->getParamDecl(0);
  for (int Ch = 1; Ch < 256; ++Ch) {
    std::optional<int64_t> V = eval(Ret->getRetValue(), Ch, El, Ctx);
    if (!V)
      return std::nullopt;
    Out[Ch] = *V != 0;
  }
  return Out;
}

std::optional<std::bitset<256>> literalCharacters(const Expr *E) {
  const auto *L = dyn_cast_or_null<StringLiteral>(bare(E));
  while (!L && E) {
    // std::string("...") and the like.
    const auto *C = dyn_cast<CXXConstructExpr>(bare(E));
    if (!C || C->getNumArgs() < 1)
      break;
    E = C->getArg(0);
    L = dyn_cast_or_null<StringLiteral>(bare(E));
  }
  if (!L || L->getCharByteWidth() != 1)
    return std::nullopt;
  std::bitset<256> Out;
  for (char C : L->getString())
    Out[static_cast<unsigned char>(C)] = true;
  Out[0] = false;
  return Out;
}

namespace {

/// Runs one iteration of an escaper's loop body for the byte Ch: which
/// bytes it appends to the output (Raw: Ch itself; Repl: bytes of literals).
class EscapeRun {
public:
  EscapeRun(const Element &El, const ValueDecl *Out, const ASTContext &Ctx)
      : El(El), Out(Out), Ctx(Ctx) {}

  /// False if the body does anything else than tests of the byte and
  /// appends of it or of literals.
  bool run(const Stmt *S, int Ch, bool &Raw, std::bitset<256> &Repl) {
    this->Ch = Ch;
    this->Raw = &Raw;
    this->Repl = &Repl;
    Stop = false;
    return exec(S);
  }

private:
  bool append(const Expr *What) {
    What = bare(What);
    if (isElement(What, El)) {
      *Raw = true;
      return true;
    }
    if (const auto *C = dyn_cast<CharacterLiteral>(What)) {
      (*Repl)[static_cast<unsigned char>(C->getValue())] = true;
      return true;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(What); CE && CE->getNumArgs() >= 1)
      return append(CE->getArg(CE->getNumArgs() == 2 ? 1 : 0)); // std::string(1, c)
    if (const auto *L = dyn_cast<StringLiteral>(What); L && L->getCharByteWidth() == 1) {
      for (char C : L->getString())
        (*Repl)[static_cast<unsigned char>(C)] = true;
      return true;
    }
    return false;
  }
  /// `out += X`, `out.push_back(X)`, `out.append(X)`, `out << X`: X.
  const Expr *appended(const Stmt *S) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
        Op && (Op->getOperator() == OO_PlusEqual || Op->getOperator() == OO_LessLess) &&
        Op->getNumArgs() == 2 && declOf(Op->getArg(0)) == Out)
      return Op->getArg(1);
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(S);
        M && M->getNumArgs() >= 1 && declOf(M->getImplicitObjectArgument()) == Out &&
        M->getMethodDecl() && M->getMethodDecl()->getIdentifier() &&
        (M->getMethodDecl()->getName() == "push_back" || M->getMethodDecl()->getName() == "append"))
      return M->getArg(M->getNumArgs() - 1);
    return nullptr;
  }
  bool exec(const Stmt *S) {
    if (!S || Stop || isa<NullStmt>(S))
      return true;
    if (isa<BreakStmt>(S) || isa<ContinueStmt>(S)) {
      Stop = true;
      return true;
    }
    if (const auto *C = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *X : C->body())
        if (!exec(X))
          return false;
      return true;
    }
    if (const auto *E = dyn_cast<Expr>(S))
      if (const Expr *What = appended(E->IgnoreImplicit()))
        return append(What);
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      std::optional<int64_t> V = eval(If->getCond(), Ch, El, Ctx);
      if (!V || If->getInit() || If->getConditionVariable())
        return false;
      return exec(*V ? If->getThen() : If->getElse());
    }
    if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      std::optional<int64_t> V = eval(Sw->getCond(), Ch, El, Ctx);
      const auto *Body = dyn_cast_or_null<CompoundStmt>(Sw->getBody());
      if (!V || !Body)
        return false;
      // Run from the matching label (else default) to the first break.
      const Stmt *Start = nullptr, *Default = nullptr;
      for (const SwitchCase *SC = Sw->getSwitchCaseList(); SC; SC = SC->getNextSwitchCase()) {
        if (isa<DefaultStmt>(SC)) {
          Default = SC;
        } else if (const auto *Case = dyn_cast<CaseStmt>(SC)) {
          std::optional<int64_t> L = eval(Case->getLHS(), Ch, El, Ctx);
          if (!L || Case->getRHS())
            return false;
          if (*L == *V)
            Start = SC;
        }
      }
      if (!Start)
        Start = Default;
      bool Running = false;
      for (const Stmt *X : Body->body()) {
        // Case labels nest: `case 'a': case 'b': stmt`.
        while (const auto *SC = dyn_cast<SwitchCase>(X)) {
          Running |= SC == Start;
          X = SC->getSubStmt();
        }
        if (Running && !exec(X))
          return false;
        if (Stop) {
          Stop = false; // the break ends the switch, not the loop
          return true;
        }
      }
      return true;
    }
    return false;
  }

  const Element &El;
  const ValueDecl *Out;
  const ASTContext &Ctx;
  int Ch = 0;
  bool *Raw = nullptr;
  std::bitset<256> *Repl = nullptr;
  bool Stop = false;
};

bool isStringType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() &&
         (RD->getName() == "basic_string" || RD->getName() == "basic_ostringstream");
}

} // namespace

std::optional<CharacterTest> characterTest(const Expr *Cond, const ASTContext &Ctx) {
  // The first character variable the condition names.
  const DeclRefExpr *Ref = nullptr;
  llvm::SmallVector<const Stmt *, 16> Work{Cond};
  while (!Work.empty() && !Ref) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *D = dyn_cast<DeclRefExpr>(S))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl());
          V && V->getType().getCanonicalType()->isCharType())
        Ref = D;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  if (!Ref)
    return std::nullopt;
  Element El;
  El.Char = Ref->getDecl();
  CharacterTest T;
  T.Char = Ref;
  for (int Ch = 0; Ch < 256; ++Ch) {
    std::optional<int64_t> V = eval(Cond, Ch, El, Ctx);
    if (!V)
      return std::nullopt;
    T.Accepts[Ch] = *V != 0;
  }
  // A test that accepts or rejects every byte says nothing of the character.
  if (T.Accepts.all() || T.Accepts.none())
    return std::nullopt;
  return T;
}

std::optional<SanitizerModel> characterEscaper(const FunctionDecl *Def, const ASTContext &Ctx) {
  const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Body->body_empty() || !isStringType(Def->getReturnType()))
    return std::nullopt;
  // return out; / return out.str();
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_back());
  const Expr *Value = Ret && Ret->getRetValue()
                          ? ignoreWrappers(Ret->getRetValue(), Temporaries | CopyConstructors)
                          : nullptr;
  if (const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(Value ? bare(Value) : nullptr))
    Value = M->getImplicitObjectArgument();
  const auto *Out = dyn_cast_or_null<VarDecl>(Value ? declOf(Value) : nullptr);
  if (!Out || !Out->isLocalVarDecl() || !isStringType(Out->getType()))
    return std::nullopt;
  for (const Stmt *S : Body->body()) {
    const auto *R = dyn_cast<CXXForRangeStmt>(S);
    Element El;
    const Stmt *LoopBody = nullptr;
    if (R) {
      El.Subject = declOf(R->getRangeInit());
      El.Char = R->getLoopVariable();
      LoopBody = R->getBody();
    } else if (const auto *F = dyn_cast<ForStmt>(S)) {
      // for (size_t i = 0; i < s.size(); ++i): the element is s[i].
      LoopBody = F->getBody();
      const Expr *A = firstAccess(F->getBody());
      El.Subject = A ? accessed(A, El.Pointer) : nullptr;
      if (El.Pointer || !mentions(F->getCond(), El.Subject))
        continue;
    } else {
      continue;
    }
    unsigned Param = 0;
    while (Param < Def->getNumParams() && Def->getParamDecl(Param) != El.Subject)
      ++Param;
    if (Param == Def->getNumParams() || !LoopBody)
      continue;
    std::bitset<256> Raw, Repl;
    EscapeRun Run(El, Out, Ctx);
    bool Known = true;
    for (int Ch = 1; Ch < 256 && Known; ++Ch) {
      bool PassesRaw = false;
      Known = Run.run(LoopBody, Ch, PassesRaw, Repl);
      Raw[Ch] = PassesRaw;
    }
    if (!Known)
      return std::nullopt;
    auto none = [](const std::bitset<256> &B, StringRef Chars) {
      for (char C : Chars)
        if (B[static_cast<unsigned char>(C)])
          return false;
      return true;
    };
    CategoryMask Safe = categoriesSafeFor(Raw | Repl) & ~maskOf(SinkCategory::Xss);
    if (none(Raw, "<>\"'") && none(Repl, "<>\"'"))
      Safe |= maskOf(SinkCategory::Xss);
    if (!Safe || Raw.all())
      return std::nullopt;
    SanitizerModel Z;
    Z.Categories = Safe;
    Z.From.push_back({ArgSpec::Arg, Param});
    Z.To.push_back({ArgSpec::Return, 0});
    return Z;
  }
  return std::nullopt;
}

std::optional<ValidatorModel> characterClassValidator(const FunctionDecl *Def,
                                                      const ASTContext &Ctx) {
  const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Def->getNumParams() == 0)
    return std::nullopt;
  const Stmt *Loop = nullptr;
  std::optional<CharacterClassLoop> L;
  unsigned Param = 0;
  for (const Stmt *S : Body->body()) {
    if (!isa<ForStmt>(S) && !isa<WhileStmt>(S) && !isa<CXXForRangeStmt>(S))
      continue;
    if ((L = characterClassLoop(S, Ctx))) {
      for (Param = 0; Param < Def->getNumParams(); ++Param)
        if (Def->getParamDecl(Param) == L->Subject)
          break;
      if (Param < Def->getNumParams()) {
        Loop = S;
        break;
      }
    }
  }
  if (!Loop)
    return std::nullopt;
  // Every return before the loop's end gives one value (failure), every
  // return after it another (success).
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<int64_t> Fail, Success;
  bool Consistent = true;
  std::vector<const Stmt *> Todo{Body};
  while (!Todo.empty() && Consistent) {
    const Stmt *S = Todo.back();
    Todo.pop_back();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      std::optional<int64_t> V;
      if (const Expr *E = R->getRetValue())
        V = constantInt(E, Ctx);
      if (!V) {
        Consistent = false;
        break;
      }
      bool After = SM.isBeforeInTranslationUnit(Loop->getEndLoc(), R->getBeginLoc());
      std::optional<int64_t> &Slot = After ? Success : Fail;
      if (Slot && *Slot != *V)
        Consistent = false;
      Slot = V;
    }
    for (const Stmt *C : S->children())
      Todo.push_back(C);
  }
  if (!Consistent || !Success || (Fail && *Fail == *Success))
    return std::nullopt;
  ValidatorModel V;
  V.Categories = L->Safe;
  V.Validates.push_back({ArgSpec::Arg, Param});
  V.ValidWhenTrue = *Success != 0;
  if (Fail && *Success == 0)
    V.FailureValue = *Fail;
  return V;
}

} // namespace appsec
