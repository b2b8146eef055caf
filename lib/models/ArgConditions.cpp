#include "models/ArgConditions.h"

#include "support/AstHelpers.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace appsec {

bool argumentMatches(const Expr *Arg, const ArgCondition &C, const ASTContext &Ctx) {
  if (C.Null && Arg->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                           Expr::NPC_ValueDependentIsNotNull) !=
                    Expr::NPCK_NotNull) {
    if (!*C.Null)
      return false;
    if (C.Is.empty() && C.Contains.empty())
      return true;
  } else if (C.Null && *C.Null) {
    return false;
  } else if (C.Null && C.Is.empty() && C.Contains.empty()) {
    return true;
  }
  const Expr *E = ignoreWrappers(Arg, Temporaries | ExplicitCasts);
  while (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() < 1)
      break;
    E = ignoreWrappers(CE->getArg(0), Temporaries | ExplicitCasts);
  }
  std::string Text;
  bool IsLiteral = false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    Text = DRE->getDecl()->getNameAsString();
  else if (const auto *L = dyn_cast<StringLiteral>(E); L && L->getCharByteWidth() == 1) {
    Text = L->getString().str();
    IsLiteral = true;
  }
  if (Text.empty())
    return false;
  llvm::StringRef T(Text);
  for (const std::string &Is : C.Is)
    if (T.equals_insensitive(Is))
      return true;
  if (IsLiteral)
    for (const std::string &Part : C.Contains)
      if (T.contains_insensitive(Part))
        return true;
  return false;
}

} // namespace appsec
