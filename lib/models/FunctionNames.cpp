#include "models/FunctionNames.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h" // Type::getAsCXXRecordDecl is defined here from LLVM 22

#include <vector>

using namespace clang;

namespace appsec {

std::string modelName(const NamedDecl *D) {
  std::vector<std::string> Parts;
  if (const auto *C = dyn_cast<CXXConstructorDecl>(D))
    Parts.push_back(C->getParent()->getName().str());
  else if (const auto *Dt = dyn_cast<CXXDestructorDecl>(D))
    Parts.push_back("~" + Dt->getParent()->getName().str());
  else if (const auto *Conv = dyn_cast<CXXConversionDecl>(D)) {
    // "operator basic_string_view": the target type's name without arguments.
    QualType T = Conv->getConversionType().getNonReferenceType();
    std::string Target;
    if (const auto *RD = T->getAsCXXRecordDecl())
      Target = RD->getName().str();
    else
      Target = T.getUnqualifiedType().getAsString();
    Parts.push_back("operator " + Target);
  } else
    Parts.push_back(D->getNameAsString());
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (isa<TranslationUnitDecl>(DC) || isa<LinkageSpecDecl>(DC) || isa<ExportDecl>(DC))
      continue;
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getName().str());
    } else {
      break; // a local class: no model names it
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

} // namespace appsec
