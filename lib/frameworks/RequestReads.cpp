#include "frameworks/RequestReads.h"

#include "support/AstHelpers.h"
#include "support/LlvmCompat.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace appsec {

namespace {

/// Request keys that name the token itself: reading them is how a handler
/// starts verifying, not trusting.
bool isTokenKey(llvm::StringRef Key) {
  std::string K = Key.lower();
  return K == "authorization" || K == "jwt" || K == "token" || K == "access_token" ||
         K == "x-auth-token" || K == "x-access-token" || K == "x-jwt" || K == "bearer";
}

/// Request members that describe where the request goes, not what it says,
/// or only whether a part is there (presence tests: has_header, Poco's
/// hasCredentials, which asks whether an Authorization header is present,
/// the first half of checking it), or that read the credentials themselves
/// (Poco's getCredentials: reading the token is how a handler starts
/// verifying, not trusting).
bool isRoutingInfo(llvm::StringRef Name) {
  return appsec::StringSwitch<bool>(Name)
      .Cases({"method", "getMethod", "path", "version", "getVersion"}, true)
      .Cases({"target", "method_string", "getPath", "getMethodString", "resource"}, true)
      .Cases({"getURI", "relative_uri", "request_uri", "raw_url"}, true)
      .Cases({"remote_addr", "remote_port", "local_addr", "local_port"}, true)
      .Cases({"remote_ip_address", "clientAddress", "remote_address", "url"}, true)
      .Cases({"has_header", "has", "hasParam", "has_param", "keep_alive"}, true)
      .Cases({"hasCredentials", "getCredentials"}, true)
      .Default(false);
}

/// Members that return a collection; the call made on it decides (by key).
bool isContainer(llvm::StringRef Name) {
  return appsec::StringSwitch<bool>(Name)
      .Cases({"headers", "getHeaders", "cookies", "getCookies", "query"}, true)
      .Cases({"url_params", "params", "getParameters", "base"}, true)
      .Default(false);
}

/// The string a key argument names: a literal, or the name of a constant
/// (oat++ Header::AUTHORIZATION, Beast http::field::authorization).
std::string keyOf(const Expr *E) {
  if (!E)
    return "";
  E = ignoreWrappers(E, Temporaries | ExplicitCasts | OneArgConstructors | TemporaryObjects |
                            CopyConstructors);
  if (const auto *L = dyn_cast<StringLiteral>(E))
    return L->getCharByteWidth() == 1 ? L->getString().str() : "";
  if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() >= 1)
    return keyOf(C->getArg(0));
  if (const auto *D = dyn_cast<DeclRefExpr>(E))
    return D->getDecl()->getNameAsString();
  return "";
}

bool isErrorStatus(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return false;
  if (std::optional<int64_t> V = constantInt(E, Ctx))
    return *V >= 400 && *V <= 599;
  // oat++ Status::CODE_401, and status objects named like it.
  std::string Name = referencedName(E);
  return llvm::StringRef(Name).starts_with("CODE_4") || llvm::StringRef(Name).starts_with("CODE_5");
}

} // namespace

bool rejectsRequest(const Stmt *S, const ASTContext &Ctx) {
  if (isa<CXXThrowExpr>(S))
    return true;
  if (const auto *B = dyn_cast<BinaryOperator>(S))
    return B->isAssignmentOp() && isErrorStatus(B->getRHS(), Ctx);
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    for (const Expr *A : C->arguments())
      if (isErrorStatus(A, Ctx))
        return true;
    return false;
  }
  if (const auto *C = dyn_cast<CXXConstructExpr>(S))
    for (const Expr *A : C->arguments())
      if (isErrorStatus(A, Ctx))
        return true;
  return false;
}

std::string requestRead(const Stmt *S, const RequestHandler &H, const FunctionDecl *F,
                        const ASTContext &Ctx) {
  auto isRequest = [&](const Expr *E) -> bool {
    if (!E)
      return false;
    E = ignoreWrappers(E, Temporaries | ExplicitCasts);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) && Op->getNumArgs() >= 1)
      E = ignoreWrappers(Op->getArg(0), Temporaries);
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
      E = ignoreWrappers(U->getSubExpr(), Temporaries);
    const auto *D = dyn_cast<DeclRefExpr>(E);
    if (!D)
      return false;
    for (unsigned I : H.RequestParams)
      if (I < F->getNumParams() && D->getDecl() == F->getParamDecl(I))
        return true;
    return false;
  };
  // A container member of the request (req.headers, req.url_params, ...).
  auto isRequestContainer = [&](const Expr *E) -> bool {
    if (!E)
      return false;
    E = ignoreWrappers(E, Temporaries);
    if (const auto *M = dyn_cast<MemberExpr>(E))
      return isRequest(M->getBase()) && isContainer(M->getMemberDecl()->getName());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      return isRequest(MC->getImplicitObjectArgument()) && isContainer(calleeName(MC));
    return false;
  };
  auto byKey = [&](const CallExpr *C, unsigned FirstArg, llvm::StringRef What) -> std::string {
    std::string Key = C->getNumArgs() > FirstArg ? keyOf(C->getArg(FirstArg)) : "";
    if (!Key.empty() && isTokenKey(Key))
      return "";
    if (!Key.empty())
      return What.str() + " '" + Key + "'";
    return What.str();
  };

  if (const auto *D = dyn_cast<DeclRefExpr>(S)) {
    for (unsigned I : H.RouteParams)
      if (I < F->getNumParams() && D->getDecl() == F->getParamDecl(I))
        return "route parameter '" + F->getParamDecl(I)->getNameAsString() + "'";
    return "";
  }
  if (const auto *M = dyn_cast<MemberExpr>(S)) {
    const auto *Field = dyn_cast<FieldDecl>(M->getMemberDecl());
    if (!Field || !isRequest(M->getBase()))
      return "";
    llvm::StringRef N = Field->getName();
    if (isRoutingInfo(N) || isContainer(N))
      return "";
    return "request field '" + N.str() + "'";
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
        (isRequest(Op->getArg(0)) || isRequestContainer(Op->getArg(0))))
      return byKey(Op, 1, "request header");
    return "";
  }
  const auto *C = dyn_cast<CallExpr>(S);
  if (!C)
    return "";
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
    llvm::StringRef N = calleeName(MC);
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (isRequest(Obj)) {
      if (isRoutingInfo(N) || isContainer(N))
        return "";
      if (MC->getNumArgs() >= 1 && !keyOf(MC->getArg(0)).empty())
        return byKey(MC, 0, "request value");
      return "request data from " + N.str() + "()";
    }
    if (isRequestContainer(Obj))
      return byKey(MC, 0, "request value");
  }
  // The request handed to another function.
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee)
    return "";
  int RequestArg = -1;
  for (unsigned I = 0; I < C->getNumArgs(); ++I)
    if (isRequest(C->getArg(I))) {
      RequestArg = static_cast<int>(I);
      break;
    }
  if (RequestArg < 0)
    return "";
  llvm::StringRef N = calleeName(C);
  const SourceManager &SM = Ctx.getSourceManager();
  bool System = SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()));
  if (!System) {
    static const llvm::Regex Neutral("token|jwt|bearer|auth|credential|header|log|trace|metric",
                                     llvm::Regex::IgnoreCase);
    if (N.empty() || Neutral.match(N))
      return "";
    return "the request, passed to " + N.str() + "()";
  }
  // civetweb's C API and CivetServer's static helpers.
  if (N == "mg_read" || N == "mg_get_var" || N == "mg_get_var2" || N == "mg_handle_form_request" ||
      N == "mg_store_body" || N == "getPostData")
    return "request body from " + N.str() + "()";
  if (N == "mg_get_header" || N == "mg_get_cookie" || N == "getHeader" || N == "getCookie" ||
      N == "getParam")
    return byKey(C, static_cast<unsigned>(RequestArg) + 1, "request value");
  return "";
}

bool readsRequest(const RequestHandler &H, const ASTContext &Ctx) {
  const FunctionDecl *Def = nullptr;
  if (!H.Function || !H.Function->hasBody(Def) || !Def->getBody())
    return true;
  std::vector<const Stmt *> Todo{Def->getBody()};
  unsigned Budget = 20000;
  while (!Todo.empty() && Budget--) {
    const Stmt *S = Todo.back();
    Todo.pop_back();
    if (!S)
      continue;
    if (isa<LambdaExpr>(S))
      return true; // a nested lambda (a thread, a callback) may use the request
    if (!requestRead(S, H, Def, Ctx).empty())
      return true;
    for (const Stmt *C : S->children())
      Todo.push_back(C);
  }
  return !Todo.empty(); // out of budget: assume it does
}

const Stmt *tokenRead(const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !Def->getBody())
    return nullptr;
  std::vector<const Stmt *> Todo{Def->getBody()};
  while (!Todo.empty()) {
    const Stmt *S = Todo.back();
    Todo.pop_back();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *C = dyn_cast<CallExpr>(S))
      for (const Expr *A : C->arguments())
        if (std::string K = keyOf(A); !K.empty() && isTokenKey(K))
          return S;
    // Source order: children pushed in reverse.
    llvm::SmallVector<const Stmt *, 8> Children(S->child_begin(), S->child_end());
    Todo.insert(Todo.end(), Children.rbegin(), Children.rend());
  }
  return nullptr;
}

std::string requestBodyContinuation(const CallExpr *C) {
  const auto *Then = dyn_cast<CXXMemberCallExpr>(C);
  const CXXMethodDecl *M = Then ? Then->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier() || M->getName() != "then" || Then->getNumArgs() < 1 ||
      !llvm::is_contained(namespacesOf(M), "pplx"))
    return "";
  const auto *Read = dyn_cast_or_null<CXXMemberCallExpr>(
      ignoreWrappers(Then->getImplicitObjectArgument(), Temporaries | CopyConstructors));
  const CXXMethodDecl *R = Read ? Read->getMethodDecl() : nullptr;
  if (!R || !R->getIdentifier() || !R->getName().starts_with("extract_") ||
      R->getParent()->getName() != "http_request")
    return "";
  return "http_request::" + R->getNameAsString() + "()";
}

RequestHandler handlerBody(const RequestHandler &H) {
  RequestHandler Body = H;
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(H.Function);
  if (H.Fw != Framework::Oatpp || !M || !M->getIdentifier() ||
      !M->getName().starts_with("Z__PROXY_METHOD_"))
    return Body;
  llvm::StringRef Name = M->getName().drop_front(16);
  for (const CXXMethodDecl *Endpoint : M->getParent()->methods()) {
    if (!Endpoint->getIdentifier() || Endpoint->getName() != Name ||
        !Endpoint->doesThisDeclarationHaveABody())
      continue;
    Body.Function = Endpoint;
    Body.RequestParams.clear();
    Body.RouteParams.clear();
    for (unsigned I = 0; I < Endpoint->getNumParams(); ++I) {
      std::string TypeName = Endpoint->getParamDecl(I)->getType().getNonReferenceType().getAsString();
      if (llvm::StringRef(TypeName).contains("incoming::Request") ||
          llvm::StringRef(TypeName).contains("IncomingRequest"))
        Body.RequestParams.push_back(I);
      else
        Body.RouteParams.push_back(I);
    }
    break;
  }
  return Body;
}

} // namespace appsec
