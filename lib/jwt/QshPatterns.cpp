#include "jwt/QshPatterns.h"

#include "support/AstHelpers.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec::jwt::qsh {

StringRef textOfLiteral(const Expr *E) {
  E = ignoreWrappers(E, Temporaries | ExplicitCasts | OneArgConstructors | TemporaryObjects |
                            CopyConstructors);
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(E))
    if (C->getNumArgs() >= 1)
      return textOfLiteral(C->getArg(0));
  if (const auto *S = dyn_cast_or_null<StringLiteral>(E))
    return S->getCharByteWidth() == 1 ? S->getString() : StringRef();
  return {};
}

bool isStringLiteral(const Expr *E) {
  E = ignoreWrappers(E, Temporaries | ExplicitCasts | OneArgConstructors | TemporaryObjects |
                            CopyConstructors);
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(E))
    return C->getNumArgs() >= 1 && isStringLiteral(C->getArg(0));
  return isa_and_nonnull<StringLiteral>(E);
}

std::string lower(StringRef S) {
  std::string Out;
  for (char C : S)
    if (C != '_')
      Out += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  return Out;
}

std::string nameOf(const FunctionDecl *FD) {
  return FD && FD->getIdentifier() ? FD->getName().str() : std::string();
}

bool inSystemHeader(const Decl *D) {
  return D->getASTContext().getSourceManager().isInSystemHeader(D->getLocation());
}

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

bool isStdRecord(const CXXRecordDecl *RD, std::initializer_list<StringRef> Names) {
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return false;
  for (StringRef N : Names)
    if (RD->getName() == N)
      return true;
  return false;
}

bool isSha256Function(const FunctionDecl *FD) {
  std::string N = lower(nameOf(FD));
  if (N.find("sha256") != std::string::npos)
    return true;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (const CXXRecordDecl *RD = MD->getParent(); RD && RD->getIdentifier()) {
      std::string C = lower(RD->getName());
      if (C.find("sha256") != std::string::npos || C == "sha2engine")
        return true;
    }
  if (N.rfind("hash256", 0) == 0)
    for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent())
      if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && NS->getName() == "picosha2")
        return true;
  return false;
}

bool hasQshName(const FunctionDecl *FD) {
  std::string N = lower(nameOf(FD));
  return N.find("qsh") != std::string::npos || N.find("querystringhash") != std::string::npos;
}

bool isPresenceTest(const FunctionDecl *FD) {
  std::string N = lower(nameOf(FD));
  return N.rfind("has", 0) == 0 || N == "contains" || N == "count" || N == "find" ||
         N == "ismember" || N == "exists";
}

bool isComparisonFunction(const FunctionDecl *FD) {
  std::string N = lower(nameOf(FD));
  for (const char *Part : {"memcmp", "strcmp", "bcmp", "equal", "compare", "constanttime",
                           "consttime"})
    if (N.find(Part) != std::string::npos)
      return true;
  return false;
}

bool comparisonOperands(const Stmt *S, const Expr *&L, const Expr *&R, bool &Equal) {
  Equal = true;
  if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->getOpcode() != BO_EQ && B->getOpcode() != BO_NE)
      return false;
    L = B->getLHS();
    R = B->getRHS();
    Equal = B->getOpcode() == BO_EQ;
    return true;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if ((Op->getOperator() != OO_EqualEqual && Op->getOperator() != OO_ExclaimEqual) ||
        Op->getNumArgs() != 2)
      return false;
    L = Op->getArg(0);
    R = Op->getArg(1);
    Equal = Op->getOperator() == OO_EqualEqual;
    return true;
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !isComparisonFunction(FD))
    return false;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (M->getNumArgs() < 1)
      return false;
    L = M->getImplicitObjectArgument();
    R = M->getArg(M->getNumArgs() - 1);
    return true;
  }
  if (Call->getNumArgs() < 2)
    return false;
  L = Call->getArg(0);
  R = Call->getArg(1);
  return true;
}

const Expr *claimWithValue(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || Call->getNumArgs() < 2)
    return nullptr;
  StringRef N = FD->getIdentifier() ? FD->getName() : "";
  if ((N == "with_claim" || N == "has_claim_with_value") &&
      textOfLiteral(Call->getArg(0)) == "qsh")
    return Call->getArg(1);
  return nullptr;
}

std::vector<const Stmt *> nodesOf(const FunctionDecl *F) {
  std::vector<const Stmt *> Out;
  if (!F->getBody())
    return Out;
  std::vector<const Stmt *> Work{F->getBody()};
  while (!Work.empty() && Out.size() < kMaxNodesPerFunction) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S)
      continue;
    Out.push_back(S);
    if (isa<LambdaExpr>(S))
      continue;
    // Children in reverse so that the walk is in source order.
    std::vector<const Stmt *> Kids(S->child_begin(), S->child_end());
    for (auto It = Kids.rbegin(); It != Kids.rend(); ++It)
      Work.push_back(*It);
  }
  return Out;
}

bool isRejectingExit(const Stmt *S, ASTContext &Ctx) {
  if (const auto *C = dyn_cast_or_null<CompoundStmt>(S))
    return !C->body_empty() && isRejectingExit(C->body_back(), Ctx);
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreImplicit());
  const auto *R = dyn_cast_or_null<ReturnStmt>(S);
  if (!R)
    return false;
  const Expr *V = R->getRetValue();
  if (!V)
    return true;
  V = V->IgnoreImplicit();
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr, InitListExpr>(V))
    return true;
  if (const auto *C = dyn_cast<CXXConstructExpr>(V); C && C->getNumArgs() == 0)
    return true;
  if (const auto *D = dyn_cast<DeclRefExpr>(V->IgnoreParenImpCasts()))
    if (D->getDecl()->getName() == "nullopt")
      return true;
  if (std::optional<int64_t> I = constantInt(V, Ctx))
    return *I == 0;
  return false;
}

bool guardsOf(const Stmt *S, const Stmt *Target, std::vector<Guard> &Path, unsigned Depth) {
  if (!S || Depth > 300)
    return false;
  if (S == Target)
    return true;
  if (isa<LambdaExpr>(S))
    return false;
  auto Within = [&](const Stmt *Child, const Expr *Cond, bool MustBe) {
    Path.push_back({Cond, MustBe});
    if (guardsOf(Child, Target, Path, Depth + 1))
      return true;
    Path.pop_back();
    return false;
  };
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (guardsOf(If->getCond(), Target, Path, Depth + 1))
      return true;
    return Within(If->getThen(), If->getCond(), true) ||
           Within(If->getElse(), If->getCond(), false);
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(S)) {
    if (guardsOf(CO->getCond(), Target, Path, Depth + 1))
      return true;
    return Within(CO->getTrueExpr(), CO->getCond(), true) ||
           Within(CO->getFalseExpr(), CO->getCond(), false);
  }
  if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isLogicalOp()) {
    if (guardsOf(B->getLHS(), Target, Path, Depth + 1))
      return true;
    return Within(B->getRHS(), B->getLHS(), B->getOpcode() == BO_LAnd);
  }
  for (const Stmt *C : S->children())
    if (guardsOf(C, Target, Path, Depth + 1))
      return true;
  return false;
}

const ParmVarDecl *paramIn(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<ParmVarDecl>(D->getDecl());
  return nullptr;
}

const ParmVarDecl *parameterTest(const Expr *Cond, const ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const ParmVarDecl *P = paramIn(Cond))
    return P;
  if (const auto *U = dyn_cast<UnaryOperator>(Cond); U && U->getOpcode() == UO_LNot)
    return parameterTest(U->getSubExpr(), Ctx);
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *B = dyn_cast<BinaryOperator>(Cond); B && B->isEqualityOp()) {
    L = B->getLHS();
    R = B->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
             Op && Op->getNumArgs() == 2 &&
             (Op->getOperator() == OO_EqualEqual || Op->getOperator() == OO_ExclaimEqual)) {
    L = Op->getArg(0);
    R = Op->getArg(1);
  }
  if (!L)
    return nullptr;
  if (paramIn(L) && constantInt(R, Ctx))
    return paramIn(L);
  if (paramIn(R) && constantInt(L, Ctx))
    return paramIn(R);
  return nullptr;
}

} // namespace appsec::jwt::qsh
