#include "tls/TlsEndpointRole.h"
#include "support/AstHelpers.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace appsec {

bool isServerMethodName(llvm::StringRef Name) {
  return Name.contains_insensitive("server");
}
bool isClientMethodName(llvm::StringRef Name) {
  return Name.contains_insensitive("client");
}

namespace {

bool mentions(const Stmt *S, const ValueDecl *D) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (referencedDecl(E) == D)
      return true;
  for (const Stmt *C : S->children())
    if (mentions(C, D))
      return true;
  return false;
}

/// Scans statements for role evidence about one declaration.
class RoleEvidence : public RecursiveASTVisitor<RoleEvidence> {
public:
  explicit RoleEvidence(const ValueDecl *D) : D(D) {}
  bool Server = false, Client = false;

  // Method names found anywhere in an initialiser or assignment of D.
  void scanCreation(const Stmt *S) {
    if (!S)
      return;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *F = CE->getDirectCallee())
        noteMethodName(F->getName());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (isa<EnumConstantDecl>(DRE->getDecl()))
        noteMethodName(DRE->getDecl()->getName());
    for (const Stmt *C : S->children())
      scanCreation(C);
  }

  void noteMethodName(llvm::StringRef Name) {
    if (isServerMethodName(Name))
      Server = true;
    else if (isClientMethodName(Name))
      Client = true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (V == D && V->hasInit())
      scanCreation(V->getInit());
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *C) {
    for (const CXXCtorInitializer *I : C->inits())
      if (I->getMember() == D)
        scanCreation(I->getInit());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp() && referencedDecl(B->getLHS()) == D)
      scanCreation(B->getRHS());
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        referencedDecl(Op->getArg(0)) == D)
      scanCreation(Op->getArg(1));
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *F = CE->getDirectCallee();
    if (!F || !F->getIdentifier())
      return true;
    llvm::StringRef Name = F->getName();
    bool OnD = false;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      OnD = referencedDecl(MC->getImplicitObjectArgument()) == D;
    else if (CE->getNumArgs() > 0)
      OnD = mentions(CE->getArg(0), D);
    if (!OnD)
      return true;
    // OpenSSL and boost::asio::ssl: a server loads its own certificate and key
    // and accepts; a client connects and names the host it expects.
    if (Name.starts_with("SSL_CTX_use_certificate") ||
        Name.starts_with("SSL_CTX_use_PrivateKey") ||
        Name.starts_with("SSL_use_certificate") ||
        Name.starts_with("SSL_use_PrivateKey") || Name == "SSL_accept" ||
        Name == "SSL_set_accept_state" || Name == "use_private_key_file" ||
        Name == "use_private_key" || Name == "use_certificate_chain_file" ||
        Name == "use_certificate_chain" || Name == "use_certificate_file" ||
        Name == "use_certificate" || Name == "async_accept")
      Server = true;
    else if (Name == "SSL_connect" || Name == "SSL_set_connect_state" ||
             Name == "SSL_set_tlsext_host_name" || Name == "SSL_set1_host" ||
             Name == "SSL_ctrl" /* SNI macro */ || Name == "connect" ||
             Name == "async_connect")
      Client = true;
    // handshake(stream_base::server) / handshake(stream_base::client)
    if (Name == "handshake" || Name == "async_handshake")
      for (const Expr *A : CE->arguments())
        noteMethodName(referencedName(A));
    return true;
  }

private:
  const ValueDecl *D;
};

} // namespace

TlsRole tlsRoleOf(const Expr *Object, const Stmt *Use, ASTContext &Ctx) {
  const ValueDecl *D = referencedDecl(Object);
  if (!D)
    return TlsRole::Unknown;
  RoleEvidence Ev(D);
  if (const FunctionDecl *F = enclosingFunction(Use, Ctx))
    Ev.TraverseDecl(const_cast<FunctionDecl *>(F));
  if (const auto *Field = dyn_cast<FieldDecl>(D)) {
    // A member context: its creation and use are spread over the methods.
    if (const auto *RD = dyn_cast<CXXRecordDecl>(Field->getParent()))
      for (const CXXMethodDecl *M : RD->methods()) {
        const FunctionDecl *Def = nullptr;
        if (M->hasBody(Def))
          Ev.TraverseDecl(const_cast<FunctionDecl *>(Def));
      }
  }
  if (Ev.Server && !Ev.Client)
    return TlsRole::Server;
  if (Ev.Client && !Ev.Server)
    return TlsRole::Client;
  return TlsRole::Unknown;
}

} // namespace appsec
