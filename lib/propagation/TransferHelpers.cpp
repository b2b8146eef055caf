#include "propagation/TransferImpl.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

bool isBarrierType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isAnyCharacterType())
    return false;
  return T->isArithmeticType() || T->isEnumeralType() || T->isNullPtrType() ||
         T->isFunctionPointerType() || T->isMemberPointerType();
}

bool isStringStream(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    StringRef N = RD->getName();
    return N == "basic_istringstream" || N == "basic_stringstream" ||
           N == "basic_ostringstream" || N == "basic_stringbuf";
  }
  return false;
}

bool isPointerLike(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  return T->isPointerType() || T->isArrayType();
}

std::string declName(const ValueDecl *D) {
  if (!D)
    return "this";
  if (D->getDeclName().isIdentifier() && !D->getName().empty())
    return D->getName().str();
  return "(unnamed)";
}

std::string calleeLabel(const FunctionDecl *F) {
  if (!F)
    return "the callee";
  std::string N = F->getNameAsString();
  if (const auto *M = dyn_cast<CXXMethodDecl>(F))
    if (M->getParent() && M->getParent()->getIdentifier() && !M->getParent()->isLambda())
      N = M->getParent()->getName().str() + "::" + N;
  if (const auto *M = dyn_cast<CXXMethodDecl>(F); M && M->getParent()->isLambda())
    N = "lambda";
  return N + "()";
}

const Expr *stripTemps(const Expr *E) {
  return ignoreWrappers(E, Temporaries | ExplicitCasts);
}

} // namespace appsec
