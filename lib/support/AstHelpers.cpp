#include "support/AstHelpers.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

using namespace clang;

namespace appsec {

std::optional<int64_t> constantInt(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->containsErrors())
    return std::nullopt;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx, Expr::SE_AllowSideEffects))
    return R.Val.getInt().getExtValue();
  return std::nullopt;
}

const ValueDecl *referencedDecl(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
        E = U->getSubExpr();
        continue;
      }
      return nullptr;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getMemberDecl();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      // Smart pointers: ctx.get(), *ptr, ptr-> all name the same object.
      if (Op->getNumArgs() >= 1 && (Op->getOperator() == OO_Star ||
                                    Op->getOperator() == OO_Arrow)) {
        E = Op->getArg(0);
        continue;
      }
      return nullptr;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (const auto *M = MC->getMethodDecl())
        if (M->getName() == "get" || M->getName() == "native_handle" ||
            M->getName() == "get_ptr") {
          E = MC->getImplicitObjectArgument();
          continue;
        }
      return nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

std::string referencedName(const Expr *E) {
  if (!E)
    return "";
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getNameAsString();
  return "";
}

namespace {

/// Function bodies of one AST by source range (see enclosingFunction()).
struct FunctionRanges {
  struct Entry {
    SourceLocation Begin, End;
    const FunctionDecl *Fn;
    unsigned Size;
  };
  std::vector<Entry> Entries;
};

struct BodyCollector : RecursiveASTVisitor<BodyCollector> {
  const SourceManager &SM;
  std::vector<FunctionRanges::Entry> &Out;
  BodyCollector(const SourceManager &SM, std::vector<FunctionRanges::Entry> &Out)
      : SM(SM), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  void add(const FunctionDecl *F, const Stmt *Body) {
    if (!Body)
      return;
    SourceLocation B = SM.getExpansionLoc(Body->getBeginLoc());
    SourceLocation E = SM.getExpansionLoc(Body->getEndLoc());
    if (B.isInvalid() || E.isInvalid() || SM.getFileID(B) != SM.getFileID(E))
      return;
    Out.push_back({B, E, F, SM.getFileOffset(E) - SM.getFileOffset(B)});
  }
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (F->doesThisDeclarationHaveABody())
      add(F, F->getBody());
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    add(L->getCallOperator(), L->getBody());
    return true;
  }
};

std::mutex RangesLock;
std::map<const ASTContext *, std::unique_ptr<FunctionRanges>> &rangesCache() {
  static std::map<const ASTContext *, std::unique_ptr<FunctionRanges>> Cache;
  return Cache;
}
void dropRanges(void *Ctx) {
  std::lock_guard<std::mutex> Guard(RangesLock);
  rangesCache().erase(static_cast<const ASTContext *>(Ctx));
}

const FunctionRanges &rangesOf(ASTContext &Ctx) {
  std::lock_guard<std::mutex> Guard(RangesLock);
  auto &Slot = rangesCache()[&Ctx];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<FunctionRanges>();
  // Forget the index with its AST (a later AST may reuse the address).
  Ctx.AddDeallocation(dropRanges, &Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  BodyCollector C(SM, Slot->Entries);
  for (Decl *Top : Ctx.getTraversalScope()) {
    if (auto *TU = dyn_cast<TranslationUnitDecl>(Top)) {
      for (Decl *D : TU->decls())
        if (!SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
          C.TraverseDecl(D);
    } else {
      C.TraverseDecl(Top);
    }
  }
  return *Slot;
}

} // namespace

std::vector<const FunctionDecl *> enclosingFunctions(const Stmt *S, ASTContext &Ctx) {
  std::vector<const FunctionDecl *> Out;
  if (!S)
    return Out;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(S->getBeginLoc());
  if (Loc.isInvalid())
    return Out;
  std::vector<const FunctionRanges::Entry *> Hits;
  for (const FunctionRanges::Entry &E : rangesOf(Ctx).Entries)
    if (SM.getFileID(E.Begin) == SM.getFileID(Loc) && SM.isPointWithin(Loc, E.Begin, E.End))
      Hits.push_back(&E);
  std::sort(Hits.begin(), Hits.end(),
            [](const auto *A, const auto *B) { return A->Size < B->Size; });
  for (const auto *E : Hits)
    Out.push_back(E->Fn);
  return Out;
}

const FunctionDecl *enclosingFunction(const Stmt *S, ASTContext &Ctx) {
  auto All = enclosingFunctions(S, Ctx);
  return All.empty() ? nullptr : All.front();
}

namespace {

/// Collects the return statements of one body (not of nested lambdas).
struct ReturnCollector : ConstStmtVisitor<ReturnCollector> {
  std::vector<const ReturnStmt *> Returns;
  bool Other = false; // anything besides returns that could matter
  void VisitReturnStmt(const ReturnStmt *R) { Returns.push_back(R); }
  void VisitLambdaExpr(const LambdaExpr *) {}
  void VisitStmt(const Stmt *S) {
    for (const Stmt *C : S->children())
      if (C)
        Visit(C);
  }
};

const FunctionDecl *calleeOf(const Expr *Fn) {
  if (!Fn)
    return nullptr;
  Fn = Fn->IgnoreParenImpCasts();
  // &f, and +[]{...} (unary plus forces a lambda to a function pointer).
  if (const auto *U = dyn_cast<UnaryOperator>(Fn))
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Plus)
      Fn = U->getSubExpr()->IgnoreParenImpCasts();
  // A lambda passed where a function pointer is expected is converted by its
  // conversion operator: look through it to the lambda.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Fn))
    if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
      Fn = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Fn))
    Fn = MT->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(Fn))
    Fn = BT->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Fn))
    if (CE->getNumArgs() == 1)
      return calleeOf(CE->getArg(0));
  if (const auto *LE = dyn_cast<LambdaExpr>(Fn))
    return LE->getCallOperator();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Fn))
    return dyn_cast<FunctionDecl>(DRE->getDecl());
  return nullptr;
}

} // namespace

bool alwaysReturnsNonZero(const Expr *Fn, const ASTContext &Ctx) {
  const FunctionDecl *FD = calleeOf(Fn);
  if (!FD)
    return false;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def->getBody())
    return false;
  ReturnCollector RC;
  RC.Visit(Def->getBody());
  if (RC.Returns.empty())
    return false;
  for (const ReturnStmt *R : RC.Returns) {
    std::optional<int64_t> V = constantInt(R->getRetValue(), Ctx);
    if (!V || *V == 0)
      return false;
  }
  return true;
}

} // namespace appsec

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace appsec {

CharSourceRange mainFileRange(const Expr *E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, Ctx.getLangOpts());
  if (R.isInvalid() || !SM.isWrittenInMainFile(R.getBegin()))
    return CharSourceRange();
  return R;
}

bool isLiteral(const Expr *E) {
  const Expr *Bare = E->IgnoreParenImpCasts();
  return isa<IntegerLiteral>(Bare) || isa<CXXBoolLiteralExpr>(Bare);
}

} // namespace appsec

namespace appsec {

const Expr *constructedFrom(const Expr *E) {
  E = ignoreWrappers(E, Temporaries | ExplicitCasts);
  while (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() < 1)
      break;
    E = ignoreWrappers(CE->getArg(0), Temporaries | ExplicitCasts);
  }
  return E;
}

const Expr *handleExpr(const Expr *E) {
  for (unsigned I = 0; E && I < 8; ++I) {
    E = ignoreWrappers(E, Temporaries | ExplicitCasts);
    if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E))
      return E;
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref))
      E = U->getSubExpr();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
      E = Op->getArg(0); // a smart pointer to the handle
    else if (const auto *C = dyn_cast<CXXMemberCallExpr>(E); C && C->getNumArgs() == 0)
      E = C->getImplicitObjectArgument(); // handle.get()
    else
      return nullptr;
  }
  return nullptr;
}

const Expr *ignoreWrappers(const Expr *E, unsigned Kinds) {
  while (E) {
    const Expr *Before = E;
    if (Kinds & Temporaries) {
      E = E->IgnoreParenImpCasts();
      if (const auto *C = dyn_cast<ExprWithCleanups>(E))
        E = C->getSubExpr();
      else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
        E = M->getSubExpr();
      else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
        E = B->getSubExpr();
    }
    if ((Kinds & ExplicitCasts) && isa<ExplicitCastExpr>(E))
      E = cast<ExplicitCastExpr>(E)->getSubExpr();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->getNumArgs() == 1) {
      bool Temporary = isa<CXXTemporaryObjectExpr>(CE);
      bool Copy = CE->getConstructor() && CE->getConstructor()->isCopyOrMoveConstructor();
      if ((!Temporary || (Kinds & TemporaryObjects)) &&
          (((Kinds & CopyConstructors) && Copy) || (Kinds & OneArgConstructors)))
        E = CE->getArg(0);
    }
    if (Kinds & ConversionCalls)
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
          MC && isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
        E = MC->getImplicitObjectArgument();
    if (E == Before)
      return E;
  }
  return E;
}

} // namespace appsec

namespace appsec {

namespace {
const Stmt *asStatement(const Stmt *C) {
  while (const auto *E = dyn_cast_or_null<Expr>(C)) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *W = dyn_cast<ExprWithCleanups>(Next))
      Next = W->getSubExpr();
    else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Next);
             Cast && Cast->getType()->isVoidType())
      Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    C = Next;
  }
  return C;
}

const CompoundStmt *findBlock(const Stmt *Root, const Stmt *S, unsigned Depth) {
  if (!Root || Depth > 256)
    return nullptr;
  if (const auto *Block = dyn_cast<CompoundStmt>(Root))
    for (const Stmt *C : Block->body())
      if (C == S || asStatement(C) == S)
        return Block;
  for (const Stmt *C : Root->children())
    if (const CompoundStmt *B = findBlock(C, S, Depth + 1))
      return B;
  return nullptr;
}
} // namespace

const CompoundStmt *blockHolding(const Stmt *S, const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  if (!S || !F || !F->hasBody(Def))
    return nullptr;
  return findBlock(Def->getBody(), S, 0);
}

} // namespace appsec

namespace appsec {

bool hasAnnotation(const clang::Decl *D, llvm::StringRef Text) {
  for (const auto *A : D->specific_attrs<clang::AnnotateAttr>())
    if (A->getAnnotation() == Text)
      return true;
  return false;
}

bool anyDeclarationHasAnnotation(const clang::FunctionDecl *F, llvm::StringRef Text) {
  for (const clang::FunctionDecl *R : F->redecls())
    if (hasAnnotation(R, Text))
      return true;
  return false;
}

} // namespace appsec

namespace appsec {

llvm::SmallVector<llvm::StringRef, 4> namespacesOf(const clang::Decl *D) {
  llvm::SmallVector<llvm::StringRef, 4> Names;
  for (const clang::DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = llvm::dyn_cast<clang::NamespaceDecl>(DC))
      if (!NS->isInline())
        Names.push_back(NS->getName());
  return Names;
}

llvm::StringRef calleeName(const clang::CallExpr *C) {
  const clang::FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() ? FD->getName() : "";
}

} // namespace appsec
