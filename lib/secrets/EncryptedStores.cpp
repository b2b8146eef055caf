//===- EncryptedStores.cpp - stores declared encrypted at rest -----------===//
//
// A compiler sees the call that writes to a store, not how the disk, the
// database server or the volume under it is configured. Stores encrypted
// at rest are therefore declared: by annotating the handle, its type or the
// writing function `[[clang::annotate("appsec::encrypted_at_rest")]]`, or by
// naming them in the option AppSecEncryptedStores. SQLite databases of a
// unit that keys them with SQLCipher's sqlite3_key count as encrypted.
//
//===----------------------------------------------------------------------===//
#include "secrets/SensitiveData.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace appsec {

namespace {

bool annotatedEncrypted(const Decl *D) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "appsec::encrypted_at_rest")
      return true;
  return false;
}

/// The variable or member a handle expression names (`db`, `this->db_`,
/// `conn->`, `*stmt`).
const ValueDecl *handleDecl(const Expr *E) {
  E = handleExpr(E);
  if (const auto *D = dyn_cast_or_null<DeclRefExpr>(E))
    return D->getDecl();
  if (const auto *M = dyn_cast_or_null<MemberExpr>(E))
    return M->getMemberDecl();
  return nullptr;
}

} // namespace

bool SensitiveData::declaredEncrypted(const Decl *D) const {
  if (!D)
    return false;
  for (const Decl *R = D->getMostRecentDecl(); R; R = R->getPreviousDecl())
    if (annotatedEncrypted(R))
      return true;
  if (const auto *N = dyn_cast<NamedDecl>(D))
    for (const std::string &S : EncryptedStores)
      if (N->getName() == S || modelName(N) == S)
        return true;
  return false;
}

bool SensitiveData::encryptedStore(const FunctionDecl *Callee, const Expr *Object,
                                   llvm::ArrayRef<const Expr *> Args) {
  if (!Callee)
    return false;
  if (declaredEncrypted(Callee) || declaredEncrypted(dyn_cast<CXXRecordDecl>(Callee->getParent())))
    return true;
  auto encryptedHandle = [&](const Expr *E) {
    const ValueDecl *V = handleDecl(E);
    if (!V)
      return false;
    if (declaredEncrypted(V))
      return true;
    // A member of a class declared encrypted (a repository owning its handle).
    if (const auto *F = dyn_cast<FieldDecl>(V); F && declaredEncrypted(F->getParent()))
      return true;
    QualType T = V->getType().getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return declaredEncrypted(T->getAsRecordDecl());
  };
  if (Object && encryptedHandle(Object))
    return true;
  for (const Expr *A : Args)
    if (encryptedHandle(A))
      return true;
  if (Callee->getIdentifier() && Callee->getName().starts_with("sqlite3_")) {
    if (!SqlCipher) {
      // SQLCipher declares sqlite3_key only with SQLITE_HAS_CODEC; a unit
      // that calls it keys its databases.
      ASTContext &Ctx = Callee->getASTContext();
      SqlCipher = false;
      for (const char *Name : {"sqlite3_key", "sqlite3_key_v2"})
        for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
          if (D->isReferenced())
            SqlCipher = true;
    }
    return *SqlCipher;
  }
  return false;
}

} // namespace appsec
