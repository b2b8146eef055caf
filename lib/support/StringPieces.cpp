#include "support/StringPieces.h"

#include "support/AstHelpers.h"
#include "support/BodyStatements.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <set>

using namespace clang;

namespace appsec {

std::string StringPieces::joined(llvm::StringRef HoleMark) const {
  std::string Out;
  for (const StringPiece &P : Pieces)
    Out += P.Hole ? HoleMark.str() : P.Text;
  return Out;
}

namespace {

constexpr unsigned kMaxDepth = 4;          // locals and calls followed

/// Functions that convert a string's encoding, not its text.
constexpr llvm::StringLiteral Conversions[] = {"to_string_t", "to_utf8string", "to_utf16string"};


const VarDecl *localVar(const Expr *E) {
  const auto *D = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  return V && !isa<ParmVarDecl>(V) ? V : nullptr;
}

/// \p E hands \p V to a call that may change it: by non-const reference or
/// pointer, as the object of a non-const method other than the appends
/// followed, or by taking its address.
bool changedByCall(const Expr *E, const VarDecl *V) {
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->getOpcode() == UO_AddrOf && localVar(U->getSubExpr()) == V;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = M->getMethodDecl();
    if (localVar(M->getImplicitObjectArgument()) == V && Method && !Method->isConst())
      return true;
  }
  const auto *C = dyn_cast<CallExpr>(E);
  if (!C || isa<CXXOperatorCallExpr>(C))
    return false;
  const FunctionDecl *F = C->getDirectCallee();
  for (unsigned I = 0; I < C->getNumArgs(); ++I) {
    if (localVar(C->getArg(I)) != V)
      continue;
    if (!F || I >= F->getNumParams())
      return true;
    QualType T = F->getParamDecl(I)->getType();
    if ((T->isReferenceType() || T->isPointerType()) && !T->getPointeeType().isConstQualified())
      return true;
  }
  return false;
}

bool isStringStream(QualType T) {
  const auto *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  return R && R->getName().contains("stringstream");
}

class Collector {
public:
  explicit Collector(StringPieces &Out) : Out(Out) {}

  void add(const Expr *E, const Stmt *Body, unsigned Depth);

private:
  StringPieces &Out;
  std::vector<const Decl *> Active; // locals and functions being followed

  void text(llvm::StringRef T) {
    if (!Out.Pieces.empty() && !Out.Pieces.back().Hole)
      Out.Pieces.back().Text += T.str();
    else
      Out.Pieces.push_back({T.str(), nullptr});
  }
  void hole(const Expr *E) { Out.Pieces.push_back({"", E}); }
  void elsewhere(const Expr *E, const Stmt *Body, unsigned Depth) {
    StringPieces Other;
    Collector C(Other);
    C.Active = Active;
    C.add(E, Body, Depth);
    Out.Elsewhere.push_back(Other.joined(""));
    for (std::string &T : Other.Elsewhere)
      Out.Elsewhere.push_back(std::move(T));
  }
  bool following(const Decl *D) const {
    return std::find(Active.begin(), Active.end(), D) != Active.end();
  }
  void local(const VarDecl *V, const Expr *Use, const Stmt *Body, unsigned Depth);
  void stream(const VarDecl *V, const Stmt *Body, unsigned Depth);
  void call(const CallExpr *C, const FunctionDecl *Callee, unsigned Depth);
  bool format(const CallExpr *C, const Stmt *Body, unsigned Depth);
};

void Collector::add(const Expr *E, const Stmt *Body, unsigned Depth) {
  if (!E)
    return;
  // Through conversions (std::string to string_view) and constructions.
  E = constructedFrom(ignoreWrappers(E, Temporaries | ExplicitCasts | ConversionCalls));
  if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() == 0)
    return; // an empty string
  if (const auto *S = dyn_cast<StringLiteral>(E)) {
    if (S->getCharByteWidth() == 1)
      return text(S->getString());
    return hole(E);
  }
  if (const auto *C = dyn_cast<CharacterLiteral>(E))
    return text(std::string(1, static_cast<char>(C->getValue())));
  if (const auto *O = dyn_cast<CXXOperatorCallExpr>(E);
      O && O->getOperator() == OO_Plus && O->getNumArgs() == 2) {
    add(O->getArg(0), Body, Depth);
    return add(O->getArg(1), Body, Depth);
  }
  if (const auto *C = dyn_cast<ConditionalOperator>(E)) {
    add(C->getTrueExpr(), Body, Depth);
    return elsewhere(C->getFalseExpr(), Body, Depth);
  }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = M->getMethodDecl();
    llvm::StringRef Name = Method && Method->getIdentifier() ? Method->getName() : "";
    const Expr *Object = M->getImplicitObjectArgument();
    if (Name == "c_str" || Name == "data")
      return add(Object, Body, Depth);
    if (Name == "append" && M->getNumArgs() == 1) { // s.append(x) as a value
      add(Object, Body, Depth);
      return add(M->getArg(0), Body, Depth);
    }
    if (Name == "str" && M->getNumArgs() == 0 && isStringStream(Object->getType())) {
      if (const VarDecl *V = localVar(Object); V && Depth < kMaxDepth && !following(V)) {
        Active.push_back(V);
        stream(V, Body, Depth + 1);
        Active.pop_back();
        return;
      }
    }
  }
  if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(D->getDecl());
        V && !isa<ParmVarDecl>(V) && Depth < kMaxDepth && !following(V)) {
      Active.push_back(V);
      local(V, E, Body, Depth + 1);
      Active.pop_back();
      return;
    }
    return hole(E);
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    if (format(C, Body, Depth))
      return;
    const FunctionDecl *Callee = C->getDirectCallee();
    // Character-set conversions keep the text (cpprestsdk's to_string_t).
    if (Callee && Callee->getIdentifier() && C->getNumArgs() >= 1 &&
        llvm::is_contained(Conversions, Callee->getName()))
      return add(C->getArg(0), Body, Depth);
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    // A library's function is not the program's text.
    if (Def && Def->getASTContext().getSourceManager().isInSystemHeader(Def->getLocation()))
      Def = nullptr;
    if (Def && Def->hasBody() && Depth < kMaxDepth && !following(Def)) {
      Active.push_back(Def);
      call(C, Def, Depth + 1);
      Active.pop_back();
      return;
    }
  }
  hole(E);
}

/// A local: its initialiser, then what the function appends to it (in
/// source order, wherever it is: an append in a branch counts as made).
/// A later assignment replaces the value: its text goes elsewhere.
void Collector::local(const VarDecl *V, const Expr *Use, const Stmt *Body, unsigned Depth) {
  bool Global = !V->hasLocalStorage();
  bool Changed = false;
  if (const Expr *Init = V->getInit()) {
    if (isStringStream(V->getType()))
      return stream(V, Body, Depth);
    add(Init, Global ? nullptr : Body, Depth);
  } else if (Global) {
    return hole(Use);
  }
  if (Global)
    return;
  forEachStatement(Body, [&](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E || E->getBeginLoc() >= Use->getBeginLoc())
      return;
    if (const auto *O = dyn_cast<CXXOperatorCallExpr>(E); O && O->getNumArgs() == 2 &&
        localVar(O->getArg(0)) == V) {
      if (O->getOperator() == OO_PlusEqual)
        add(O->getArg(1), Body, Depth);
      else if (O->getOperator() == OO_Equal)
        elsewhere(O->getArg(1), Body, Depth);
    }
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(E);
        M && M->getNumArgs() >= 1 && localVar(M->getImplicitObjectArgument()) == V &&
        M->getMethodDecl() && M->getMethodDecl()->getIdentifier() &&
        M->getMethodDecl()->getName() == "append")
      add(M->getArg(0), Body, Depth);
    else if (changedByCall(E, V))
      Changed = true;
  });
  // Written by code not followed (intToStr(n, 10, result)): its text is not known.
  if (Changed)
    hole(Use);
}

/// A string stream: what is streamed into it, in source order.
void Collector::stream(const VarDecl *V, const Stmt *Body, unsigned Depth) {
  std::set<const Stmt *> Inner; // the nested <<s of chains already taken
  forEachStatement(Body, [&](const Stmt *S) {
    const auto *O = dyn_cast<CXXOperatorCallExpr>(S);
    if (!O || O->getOperator() != OO_LessLess || O->getNumArgs() != 2 || Inner.count(O))
      return;
    // The outermost << of a chain comes first; gather its operands.
    std::vector<const Expr *> Operands;
    const Expr *E = O;
    while (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E->IgnoreParenImpCasts())) {
      if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
        break;
      Inner.insert(Op);
      Operands.push_back(Op->getArg(1));
      E = Op->getArg(0);
    }
    if (localVar(E) != V)
      return;
    for (auto It = Operands.rbegin(); It != Operands.rend(); ++It)
      add(*It, Body, Depth);
  });
}

/// A call of a function defined in this unit: the text of its first return;
/// the other returns' text goes elsewhere.
void Collector::call(const CallExpr *C, const FunctionDecl *Callee, unsigned Depth) {
  bool First = true;
  const Stmt *Body = Callee->getBody();
  forEachStatement(Body, [&](const Stmt *S) {
    const auto *R = dyn_cast<ReturnStmt>(S);
    if (!R || !R->getRetValue())
      return;
    if (First)
      add(R->getRetValue(), Body, Depth);
    else
      elsewhere(R->getRetValue(), Body, Depth);
    First = false;
  });
  if (First)
    hole(C);
}

/// fmt::format / std::format with a literal format: its text, and for each
/// replacement field ({}, {0}, {:>8}) the argument it names.
bool Collector::format(const CallExpr *C, const Stmt *Body, unsigned Depth) {
  const FunctionDecl *F = C->getDirectCallee();
  if (!F || !F->getIdentifier() || F->getName() != "format" || C->getNumArgs() == 0)
    return false;
  const auto *S = dyn_cast<StringLiteral>(constructedFrom(C->getArg(0)));
  if (!S || S->getCharByteWidth() != 1)
    return false;
  llvm::StringRef Fmt = S->getString();
  std::string Lit;
  unsigned NextArg = 0;
  for (size_t I = 0; I < Fmt.size(); ++I) {
    char Ch = Fmt[I];
    if ((Ch == '{' || Ch == '}') && I + 1 < Fmt.size() && Fmt[I + 1] == Ch) {
      Lit += Ch;
      ++I;
    } else if (Ch == '{') {
      size_t Close = Fmt.find('}', I);
      llvm::StringRef Field = Fmt.slice(I + 1, Close == llvm::StringRef::npos ? Fmt.size() : Close);
      llvm::StringRef Index = Field.take_until([](char X) { return X == ':'; });
      unsigned Arg = NextArg;
      if (!Index.empty() && Index.getAsInteger(10, Arg))
        Arg = ~0u; // a named field
      if (Index.empty())
        ++NextArg;
      text(Lit);
      Lit.clear();
      if (Arg != ~0u && Arg + 1 < C->getNumArgs())
        add(C->getArg(Arg + 1), Body, Depth);
      else
        hole(C);
      I = Close == llvm::StringRef::npos ? Fmt.size() : Close;
    } else {
      Lit += Ch;
    }
  }
  text(Lit);
  return true;
}

} // namespace

StringPieces stringPieces(const Expr *E, const Stmt *Body) {
  StringPieces Out;
  Collector(Out).add(E, Body, 0);
  return Out;
}

} // namespace appsec
