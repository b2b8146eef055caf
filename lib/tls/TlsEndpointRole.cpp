#include "tls/TlsEndpointRole.h"
#include "support/AstHelpers.h"
#include "tls/TlsSettings.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace appsec {

bool isServerMethodName(llvm::StringRef Name) {
  return Name.contains_insensitive("server");
}
bool isClientMethodName(llvm::StringRef Name) {
  return Name.contains_insensitive("client");
}

namespace {

using DeclSet = llvm::SmallPtrSet<const ValueDecl *, 8>;

/// SSL_CTX / SSL pointers, boost::asio::ssl::context and stream, Beast's
/// ssl_stream, Poco::Net::Context and its Params, and smart pointers or
/// references to them.
bool isTlsObjectType(QualType T, unsigned Depth = 0) {
  if (T.isNull() || Depth > 3)
    return false;
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD) {
    if (const auto *RT = T->getAs<RecordType>())
      return RT->getDecl()->getName() == "ssl_ctx_st" ||
             RT->getDecl()->getName() == "ssl_st";
    return false;
  }
  llvm::StringRef Name = RD->getName();
  if (Name == "ssl_ctx_st" || Name == "ssl_st")
    return true;
  std::string Qualified = RD->getQualifiedNameAsString();
  if (Qualified == "boost::asio::ssl::context" ||
      Qualified == "boost::asio::ssl::stream" ||
      Qualified == "boost::beast::ssl_stream" ||
      Qualified == "Poco::Net::Context" ||
      Qualified == "Poco::Net::Context::Params")
    return true;
  // std::unique_ptr<SSL_CTX, ...>, std::shared_ptr<ssl::context>, ...
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
        (Name.ends_with("_ptr") || Name == "SharedPtr" || Name == "AutoPtr"))
      return isTlsObjectType(Args[0].getAsType(), Depth + 1);
  }
  return false;
}

bool mentionsAny(const Stmt *S, const DeclSet &Group) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const ValueDecl *D = referencedDecl(E); D && Group.count(D))
      return true;
  for (const Stmt *C : S->children())
    if (mentionsAny(C, Group))
      return true;
  return false;
}

void collectReferenced(const Stmt *S, DeclSet &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    Out.insert(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    Out.insert(ME->getMemberDecl());
  for (const Stmt *C : S->children())
    collectReferenced(C, Out);
}

/// One place a variable or member gets its value: an initialiser, an
/// assignment or a constructor's member initialiser.
struct Creation {
  const ValueDecl *Target;
  const Expr *Value;
};

class CreationCollector : public RecursiveASTVisitor<CreationCollector> {
public:
  std::vector<Creation> Found;
  bool shouldVisitLambdaBodies() const { return true; }

  bool VisitVarDecl(VarDecl *V) {
    if (V->hasInit())
      Found.push_back({V, V->getInit()});
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *C) {
    for (const CXXCtorInitializer *I : C->inits())
      if (I->getMember() && I->isWritten())
        Found.push_back({I->getMember(), I->getInit()});
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      if (const ValueDecl *D = referencedDecl(B->getLHS()))
        Found.push_back({D, B->getRHS()});
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      if (const ValueDecl *D = referencedDecl(Op->getArg(0)))
        Found.push_back({D, Op->getArg(1)});
    return true;
  }
  // `ctx.reset(SSL_CTX_new(...))` on a smart pointer.
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (const auto *M = MC->getMethodDecl())
      if (M->getIdentifier() && M->getName() == "reset" && MC->getNumArgs() == 1)
        if (const ValueDecl *D = referencedDecl(MC->getImplicitObjectArgument()))
          Found.push_back({D, MC->getArg(0)});
    return true;
  }
};

// Calls that show the side of the connection when made on the object.
const llvm::StringSet<> &serverCalls() {
  static const llvm::StringSet<> S = {
      // OpenSSL: a server presents its own certificate and accepts.
      "SSL_CTX_use_certificate", "SSL_CTX_use_certificate_file",
      "SSL_CTX_use_certificate_chain_file", "SSL_CTX_use_certificate_ASN1",
      "SSL_CTX_use_cert_and_key", "SSL_CTX_use_PrivateKey",
      "SSL_CTX_use_PrivateKey_file", "SSL_CTX_use_PrivateKey_ASN1",
      "SSL_CTX_use_RSAPrivateKey_file", "SSL_use_certificate",
      "SSL_use_certificate_file", "SSL_use_certificate_chain_file",
      "SSL_use_PrivateKey", "SSL_use_PrivateKey_file", "SSL_accept",
      "SSL_set_accept_state", "SSL_CTX_set_alpn_select_cb",
      "SSL_CTX_set_client_CA_list", "SSL_CTX_set_session_id_context",
      // boost::asio::ssl::context
      "use_certificate", "use_certificate_file", "use_certificate_chain",
      "use_certificate_chain_file", "use_private_key", "use_private_key_file",
      "use_rsa_private_key", "use_rsa_private_key_file", "use_tmp_dh",
      "use_tmp_dh_file",
      // acceptor.accept(stream.lowest_layer())
      "accept", "async_accept"};
  return S;
}

const llvm::StringSet<> &clientCalls() {
  static const llvm::StringSet<> S = {
      "SSL_connect", "SSL_set_connect_state", "SSL_set1_host", "SSL_add1_host",
      "SSL_set_alpn_protos", "SSL_CTX_set_alpn_protos",
      // socket.connect(ep), boost::asio::connect(stream.next_layer(), eps)
      "connect", "async_connect"};
  return S;
}

class EvidenceCollector : public RecursiveASTVisitor<EvidenceCollector> {
public:
  explicit EvidenceCollector(const DeclSet &Group, const ASTContext &Ctx)
      : Group(Group), Ctx(Ctx) {}
  bool Server = false, Client = false;
  bool shouldVisitLambdaBodies() const { return true; }

  void noteName(llvm::StringRef Name) {
    if (isServerMethodName(Name))
      Server = true;
    else if (isClientMethodName(Name))
      Client = true;
  }

  /// Method names and enumerators in the expression that creates an object:
  /// SSL_CTX_new(TLS_server_method()), ssl::context(ssl::context::tls_client).
  void scanCreation(const Stmt *S) {
    if (!S)
      return;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *F = CE->getDirectCallee(); F && F->getIdentifier())
        noteName(F->getName());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (isa<EnumConstantDecl>(DRE->getDecl()))
        noteName(DRE->getDecl()->getName());
    for (const Stmt *C : S->children())
      scanCreation(C);
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *F = CE->getDirectCallee();
    if (!F || !F->getIdentifier())
      return true;
    llvm::StringRef Name = F->getName();
    const Expr *Object = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      Object = MC->getImplicitObjectArgument();
    bool OnObject = mentionsAny(Object, Group) ||
                    (CE->getNumArgs() > 0 && mentionsAny(CE->getArg(0), Group));
    bool AnyArg = OnObject;
    for (const Expr *A : CE->arguments())
      AnyArg = AnyArg || mentionsAny(A, Group);

    if (Name == "accept" || Name == "async_accept" || Name == "connect" ||
        Name == "async_connect") {
      if (AnyArg)
        (Name.contains("accept") ? Server : Client) = true;
      return true;
    }
    if (!OnObject)
      return true;
    if (serverCalls().contains(Name))
      Server = true;
    else if (clientCalls().contains(Name))
      Client = true;
    // SSL_set_tlsext_host_name(s, host) is SSL_ctrl(s, 55, ...): SNI is sent
    // by clients. Other SSL_ctrl commands say nothing about the side.
    else if (Name == "SSL_ctrl" && CE->getNumArgs() == 4) {
      if (constantInt(CE->getArg(1), Ctx) == tls::CtrlSetTlsextHostname)
        Client = true;
    }
    // handshake(stream_base::server) / handshake(stream_base::client)
    else if (Name == "handshake" || Name == "async_handshake") {
      for (const Expr *A : CE->arguments())
        noteName(referencedName(A));
    }
    return true;
  }

private:
  const DeclSet &Group;
  const ASTContext &Ctx;
};

/// The bodies to search: the function of the use, and every method of the
/// classes whose data members belong to the group.
std::vector<const Decl *> bodiesFor(const Stmt *Use, const DeclSet &Group,
                                    ASTContext &Ctx) {
  std::vector<const Decl *> Bodies;
  llvm::SmallPtrSet<const Decl *, 16> Seen;
  auto Add = [&](const Decl *D) {
    if (D && Seen.insert(D).second)
      Bodies.push_back(D);
  };
  // The function of the use and, for a lambda, the functions around it,
  // where the objects it captured were made.
  for (const FunctionDecl *F : enclosingFunctions(Use, Ctx)) {
    Add(F);
    const auto *M = dyn_cast<CXXMethodDecl>(F);
    if (!M || !M->getParent()->isLambda())
      break;
  }
  for (const ValueDecl *D : Group)
    if (const auto *Field = dyn_cast<FieldDecl>(D))
      if (const auto *RD = dyn_cast<CXXRecordDecl>(Field->getParent()))
        for (const Decl *Member : RD->decls()) {
          const FunctionDecl *M = Member->getAsFunction();
          const FunctionDecl *Def = nullptr;
          if (M && M->hasBody(Def))
            Add(Def);
        }
  return Bodies;
}

} // namespace

TlsRole tlsRoleOf(const Expr *Object, const Stmt *Use, ASTContext &Ctx) {
  const ValueDecl *D = referencedDecl(Object);
  if (!D)
    return TlsRole::Unknown;

  // Grow the group of related TLS objects: an SSL and the SSL_CTX it was made
  // from, a stream and its context. A few rounds reach everything that
  // matters in real code; the bound keeps pathological code cheap.
  DeclSet Group;
  Group.insert(D);
  std::vector<Creation> Creations;
  for (unsigned Round = 0; Round < 4; ++Round) {
    CreationCollector CC;
    for (const Decl *B : bodiesFor(Use, Group, Ctx))
      CC.TraverseDecl(const_cast<Decl *>(B));
    Creations = std::move(CC.Found);
    bool Grew = false;
    for (const Creation &C : Creations) {
      if (!isTlsObjectType(C.Target->getType()))
        continue;
      DeclSet Refs;
      collectReferenced(C.Value, Refs);
      bool TargetIn = Group.count(C.Target);
      bool ValueIn = llvm::any_of(Refs, [&](const ValueDecl *R) { return Group.count(R); });
      if (ValueIn && !TargetIn) {
        Group.insert(C.Target);
        Grew = true;
      }
      if (TargetIn)
        for (const ValueDecl *R : Refs)
          if (isa<VarDecl, FieldDecl>(R) && isTlsObjectType(R->getType()) &&
              Group.insert(R).second)
            Grew = true;
    }
    if (!Grew)
      break;
  }

  EvidenceCollector Ev(Group, Ctx);
  for (const Creation &C : Creations)
    if (Group.count(C.Target))
      Ev.scanCreation(C.Value);
  for (const Decl *B : bodiesFor(Use, Group, Ctx))
    Ev.TraverseDecl(const_cast<Decl *>(B));

  if (Ev.Server && !Ev.Client)
    return TlsRole::Server;
  if (Ev.Client && !Ev.Server)
    return TlsRole::Client;
  return TlsRole::Unknown;
}

} // namespace appsec
