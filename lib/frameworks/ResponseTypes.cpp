#include "frameworks/ResponseTypes.h"

#include "models/ArgConditions.h"
#include "support/AstHelpers.h"

#include "clang/AST/ExprCXX.h"

#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace appsec {

namespace {

/// Appends the constant text \p E is made of to \p Text; sets \p Opaque
/// when part of it is not a constant.
void constantText(const Expr *E, std::string &Text, bool &Opaque, unsigned Depth = 0) {
  if (!E || Depth > 4) {
    Opaque = true;
    return;
  }
  E = ignoreWrappers(E, Temporaries | ExplicitCasts | CopyConstructors);
  if (const auto *L = dyn_cast<StringLiteral>(E)) {
    if (L->getCharByteWidth() == 1)
      Text += L->getString().str() + " ";
    else
      Opaque = true;
    return;
  }
  if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(D->getDecl())) {
      Text += D->getDecl()->getName().str() + " ";
      return;
    }
    const auto *V = dyn_cast<VarDecl>(D->getDecl());
    if (V && V->getType().isConstQualified() && V->getAnyInitializer())
      return constantText(V->getAnyInitializer(), Text, Opaque, Depth + 1);
    // A pointer to const text: static const char *kHtml = "text/html".
    if (V && V->getType()->isPointerType() &&
        V->getType()->getPointeeType().isConstQualified() && V->getAnyInitializer() &&
        (V->isStaticLocal() || V->hasGlobalStorage()))
      return constantText(V->getAnyInitializer(), Text, Opaque, Depth + 1);
    Opaque = true;
    return;
  }
  // Built from constants: std::string("text/html"), MediaType(Type::Text,
  // Subtype::Html), MediaType::fromString("text/html").
  if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
    if (C->getNumArgs() == 0)
      Opaque = true;
    for (const Expr *A : C->arguments())
      if (!isa<CXXDefaultArgExpr>(A))
        constantText(A, Text, Opaque, Depth + 1);
    return;
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    if (C->getNumArgs() == 0)
      Opaque = true;
    for (const Expr *A : C->arguments())
      constantText(A, Text, Opaque, Depth + 1);
    return;
  }
  if (isa<IntegerLiteral>(E) || isa<CXXBoolLiteralExpr>(E))
    return;
  Opaque = true;
}

} // namespace

ContentKind contentKindOf(const Expr *E) {
  std::string Text;
  bool Opaque = false;
  constantText(E, Text, Opaque);
  llvm::StringRef T(Text);
  // A block of header lines: the value of its Content-Type line only.
  if (size_t At = T.find_insensitive("content-type:"); At != llvm::StringRef::npos) {
    T = T.substr(At + 13);
    T = T.take_until([](char C) { return C == '\r' || C == '\n'; });
    if (T.contains('%'))
      return ContentKind::Unknown;
  }
  for (llvm::StringRef Html : {"html", "svg", "javascript"})
    if (T.contains_insensitive(Html))
      return ContentKind::Html;
  if (Opaque || T.trim().empty())
    return ContentKind::Unknown;
  return ContentKind::Other;
}

namespace {

/// The object and arguments of a call, as the engine's transfer sees them:
/// a member operator's object is its first operand.
struct CallParts {
  const Expr *Object = nullptr;
  llvm::SmallVector<const Expr *, 4> Args;
};

CallParts partsOf(const CallExpr *C) {
  CallParts P;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
    P.Object = MC->getImplicitObjectArgument();
    P.Args.append(MC->arg_begin(), MC->arg_end());
  } else if (isa<CXXOperatorCallExpr>(C) && isa_and_nonnull<CXXMethodDecl>(C->getDirectCallee()) &&
             C->getNumArgs() > 0) {
    P.Object = C->getArg(0);
    P.Args.append(C->arg_begin() + 1, C->arg_end());
  } else {
    P.Args.append(C->arg_begin(), C->arg_end());
  }
  return P;
}

const Decl *objectDecl(const Expr *E) {
  if (!E)
    return nullptr;
  const Expr *H = handleExpr(E);
  return H ? referencedDecl(H) : nullptr;
}

} // namespace

DeclaredContentTypes::DeclaredContentTypes(
    const FunctionDecl *F,
    llvm::function_ref<const FunctionModels *(const FunctionDecl *)> ModelsFor,
    const ASTContext &Ctx) {
  const Stmt *Body = F ? F->getBody() : nullptr;
  if (!Body)
    return;
  // The declarations a call makes on its object or arguments; with a
  // \p Receiver, those a factory makes on the new response it returns, for
  // the variable it initialises or is assigned to.
  auto declarations = [&](const CallExpr *C, const Decl *Receiver) {
    const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
    const FunctionModels *M = Callee ? ModelsFor(Callee) : nullptr;
    if (!M || M->ContentTypes.empty())
      return;
    CallParts P = partsOf(C);
    for (const ContentTypeModel &T : M->ContentTypes) {
      if ((T.Object.K == ArgSpec::Return) != (Receiver != nullptr) || T.TypeArg >= P.Args.size() ||
          !conditionHolds(T.When, P.Args, Ctx, P.Object, Body))
        continue;
      ContentKind K = contentKindOf(P.Args[T.TypeArg]);
      if (Receiver)
        declare(Receiver, K);
      else if (const Expr *O = T.Object.K == ArgSpec::This         ? P.Object
                               : T.Object.Index < P.Args.size() ? P.Args[T.Object.Index]
                                                                : nullptr)
        declare(objectDecl(O), K);
    }
  };
  auto callIn = [](const Expr *E) {
    return E ? dyn_cast<CallExpr>(ignoreWrappers(E, Temporaries | ExplicitCasts | CopyConstructors |
                                                        OneArgConstructors))
             : nullptr;
  };
  // Bounded: a huge generated function is read up to this many statements.
  unsigned Budget = 100000;
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  while (!Work.empty() && Budget--) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          declarations(callIn(V->getInit()), V);
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      declarations(callIn(Op->getArg(1)), objectDecl(Op->getArg(0)));
    } else if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->getOpcode() == BO_Assign) {
      declarations(callIn(B->getRHS()), objectDecl(B->getLHS()));
    }
    if (const auto *C = dyn_cast<CallExpr>(S))
      declarations(C, nullptr);
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

void DeclaredContentTypes::declare(const Decl *D, ContentKind K) {
  if (!D)
    return;
  Verdict &V = ByObject[D];
  if (K == ContentKind::Html)
    V = Html;
  else if (V == None)
    V = Other;
}

DeclaredContentTypes::Verdict DeclaredContentTypes::of(const Expr *Object) const {
  const Decl *D = objectDecl(Object);
  if (!D)
    return None;
  auto It = ByObject.find(D);
  return It == ByObject.end() ? None : It->second;
}

} // namespace appsec
