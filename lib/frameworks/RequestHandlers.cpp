#include "frameworks/RequestHandlers.h"

#include "models/FunctionNames.h"

#include "support/AstHelpers.h"
#include "support/BodyStatements.h"
#include "support/LlvmCompat.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>

using namespace clang;

namespace appsec {

bool inLibraryNamespace(const Decl *D) {
  if (const auto *FD = dyn_cast<FunctionDecl>(D); FD && FD->getIdentifier() &&
                                                  FD->getName().starts_with("mg_"))
    return true;
  auto Namespaces = namespacesOf(D);
  llvm::StringRef Outer = Namespaces.empty() ? "" : Namespaces.back();
  return appsec::StringSwitch<bool>(Outer)
      .Cases({"std", "crow", "httplib", "drogon", "trantor"}, true)
      .Cases({"Pistache", "Poco", "web", "pplx"}, true)
      .Cases({"oatpp", "boost", "asio", "nlohmann"}, true)
      .Default(false);
}

const char *frameworkName(Framework F) {
  switch (F) {
  case Framework::CppHttplib: return "cpp-httplib";
  case Framework::Crow: return "Crow";
  case Framework::Drogon: return "Drogon";
  case Framework::Pistache: return "Pistache";
  case Framework::Poco: return "Poco";
  case Framework::CppRest: return "cpprestsdk";
  case Framework::Civetweb: return "civetweb";
  case Framework::Beast: return "Boost.Beast";
  case Framework::Oatpp: return "oat++";
  case Framework::Annotated: return "annotated handler";
  }
  return "";
}

namespace {

const Expr *strip(const Expr *E) {
  return ignoreWrappers(E, Temporaries | ExplicitCasts | OneArgConstructors | TemporaryObjects);
}

/// The function an argument designates: a lambda, `f`, `&f`, `&C::m`, or
/// std::bind/Routes::bind of one of those.
const FunctionDecl *handlerOf(const Expr *E, unsigned Depth = 0) {
  E = strip(E);
  if (!E || Depth > 3)
    return nullptr;
  if (const auto *L = dyn_cast<LambdaExpr>(E))
    return L->getCallOperator();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    return handlerOf(U->getSubExpr(), Depth + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return F;
    // A local variable holding a lambda.
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && V->hasInit())
      return handlerOf(V->getInit(), Depth + 1);
  }
  if (const auto *C = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *F = C->getDirectCallee())
      if (F->getIdentifier() && (F->getName() == "bind" || F->getName() == "middleware") &&
          C->getNumArgs() >= 1)
        return handlerOf(C->getArg(0), Depth + 1);
  return nullptr;
}

std::string literal(const Expr *E) {
  E = E ? strip(E) : nullptr;
  // std::string(const char *, const Allocator & = Allocator()).
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(E); C && C->getNumArgs() >= 1 &&
      llvm::all_of(llvm::drop_begin(C->arguments()),
                   [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
    E = strip(C->getArg(0));
  if (const auto *L = dyn_cast_or_null<StringLiteral>(E))
    if (L->getCharByteWidth() == 1)
      return L->getString().str();
  return "";
}

std::string recordName(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    return modelName(RD);
  return "";
}

/// A Boost.Beast function that answers a request: it returns a message (the
/// response) or a message_generator, fills a response it is given, or writes
/// to a socket, stream or `send` callable it is given. A helper that takes the
/// request and returns a string (the bearer token) serves nothing.
bool beastAnswers(const FunctionDecl *FD) {
  std::string Ret = recordName(FD->getReturnType());
  if (Ret == "boost::beast::http::message" || llvm::StringRef(Ret).contains("message_generator"))
    return true;
  for (const ParmVarDecl *P : FD->parameters()) {
    QualType T = P->getType();
    if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified() &&
        recordName(T) == "boost::beast::http::message" &&
        P != FD->getParamDecl(0))
      return true; // a response to fill
    std::string Name = recordName(T);
    llvm::StringRef N = Name;
    if (N.contains_insensitive("socket") || N.contains_insensitive("stream") ||
        N.contains("function") || T.getNonReferenceType()->isTemplateTypeParmType() ||
        T.getNonReferenceType()->isDependentType())
      return true;
  }
  return false;
}

bool isStringLike(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType())
    return T->getPointeeType()->isAnyCharacterType();
  const std::string N = recordName(T);
  return N == "std::basic_string" || N == "std::basic_string_view";
}

/// Classifies parameters: request objects of the framework, and URL-filled
/// parameters (string-like parameters other than the request and response).
void classifyParams(RequestHandler &H, llvm::ArrayRef<std::string> RequestTypes,
                    unsigned FirstRouteParam) {
  const FunctionDecl *F = H.Function;
  for (unsigned I = 0; I < F->getNumParams(); ++I) {
    QualType T = F->getParamDecl(I)->getType();
    std::string N = recordName(T);
    // Smart pointers to the request (Drogon's HttpRequestPtr).
    if (const auto *TS = T.getNonReferenceType()->getAs<TemplateSpecializationType>())
      if (TS->template_arguments().size() == 1 &&
          TS->template_arguments()[0].getKind() == TemplateArgument::Type)
        if (recordName(TS->template_arguments()[0].getAsType()) != "")
          N = recordName(TS->template_arguments()[0].getAsType());
    bool IsRequest = false;
    for (const std::string &R : RequestTypes)
      IsRequest |= N == R;
    if (IsRequest)
      H.RequestParams.push_back(I);
    else if (I >= FirstRouteParam && isStringLike(T))
      H.RouteParams.push_back(I);
  }
}

std::string oatppPath(const CXXMethodDecl *Proxy, llvm::StringRef Endpoint);

/// The class (its definition) an object, pointer or standard smart pointer
/// expression designates (C, C *, std::shared_ptr<C>, std::unique_ptr<C>),
/// or null.
const CXXRecordDecl *pointeeClass(const Expr *E) {
  if (!E)
    return nullptr;
  QualType T = E->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
      Spec && (modelName(Spec) == "std::shared_ptr" || modelName(Spec) == "std::unique_ptr") &&
      Spec->getTemplateArgs().size() >= 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
    RD = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
}

class RegistrationFinder : public RecursiveASTVisitor<RegistrationFinder> {
public:
  explicit RegistrationFinder(std::vector<RequestHandler> &Out) : Out(Out) {}
  bool shouldVisitLambdaBody() const { return false; }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return true;
    std::string Name = modelName(Callee);
    llvm::StringRef N(Name);
    unsigned NArgs = C->getNumArgs();
    auto argAt = [&](unsigned I) -> const Expr * { return I < NArgs ? C->getArg(I) : nullptr; };
    // Member operator calls put the object first.
    unsigned Shift = isa<CXXOperatorCallExpr>(C) && isa<CXXMethodDecl>(Callee) ? 1 : 0;

    if (N.starts_with("httplib::Server::") || N.starts_with("httplib::ServerImpl::")) {
      llvm::StringRef M = N.rsplit("::").second;
      if ((M == "Get" || M == "Post" || M == "Put" || M == "Patch" || M == "Delete" ||
           M == "Options") && NArgs >= 2)
        if (RequestHandler *H = emit(Framework::CppHttplib, handlerOf(argAt(NArgs - 1)),
                                     literal(argAt(0)), C, {"httplib::Request"}, 1000))
          H->Server = memberCallObject(C);
      return true;
    }
    if ((N.starts_with("crow::TaggedRule::") || N.starts_with("crow::DynamicRule::")) &&
        N.ends_with("::operator()") && NArgs > Shift) {
      std::string Route;
      std::vector<const CXXRecordDecl *> Middlewares;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C))
        crowRule(Op->getArg(0), Route, Middlewares);
      if (RequestHandler *H = emit(Framework::Crow, handlerOf(argAt(Shift)), Route, C,
                                   {"crow::request"}, 0))
        H->Middlewares = std::move(Middlewares);
      return true;
    }
    if (N.starts_with("drogon::") &&
        (N.ends_with("::registerHandler") || N.ends_with("::registerMethod")) && NArgs >= 2) {
      bool Method = N.ends_with("::registerMethod");
      const Expr *Fn = Method ? argAt(0) : argAt(1);
      const Expr *Path = Method ? argAt(1) : argAt(0);
      if (RequestHandler *H = emit(Framework::Drogon, handlerOf(Fn), literal(Path), C,
                                   {"drogon::HttpRequest"}, 2))
        if (const Expr *Constraints = argAt(2))
          stringLiterals(Constraints, H->FilterNames);
      return true;
    }
    if (N.starts_with("Pistache::Rest::Routes::") && NArgs >= 3) {
      llvm::StringRef M = N.rsplit("::").second;
      if (M == "Get" || M == "Post" || M == "Put" || M == "Patch" || M == "Delete" ||
          M == "Options" || M == "Head")
        emit(Framework::Pistache, handlerOf(argAt(2)), literal(argAt(1)), C,
             {"Pistache::Rest::Request", "Pistache::Http::Request"}, 1000);
      return true;
    }
    if (N.ends_with("::http_listener::support") && NArgs >= 1)
      emit(Framework::CppRest, handlerOf(argAt(NArgs - 1)), "", C,
           {"web::http::http_request"}, 1000);
    if (N == "mg_set_request_handler" && NArgs >= 3)
      emit(Framework::Civetweb, handlerOf(argAt(2)), literal(argAt(1)), C,
           {"mg_connection"}, 1000);
    // oat++: router->addController(C::createShared()) routes every ENDPOINT
    // of C, usually defined in a header of its own. A library's controller
    // (oatpp-swagger's API docs) is not the application's.
    if (N.starts_with("oatpp::") && N.ends_with("::addController") && NArgs >= 1)
      if (const CXXRecordDecl *RD = pointeeClass(strip(argAt(0))); RD && !inLibraryNamespace(RD))
        for (const CXXMethodDecl *M : RD->methods())
          if (M->getIdentifier() && M->getName().starts_with("Z__PROXY_METHOD_") && M->hasBody())
            emit(Framework::Oatpp, M, oatppPath(M, M->getName().drop_front(16)), C,
                 {"oatpp::web::protocol::http::incoming::Request"}, 1000);
    // CivetServer::addHandler(uri, handler): the route of a CivetHandler's methods.
    if (N == "CivetServer::addHandler" && NArgs >= 2) {
      if (const CXXRecordDecl *RD = pointeeClass(strip(argAt(1))))
        for (const CXXMethodDecl *M : RD->methods())
          if (M->getIdentifier() && M->getName().starts_with("handle") && M->hasBody())
            emit(Framework::Civetweb, M, literal(argAt(0)), C, {"mg_connection"}, 1000);
    }
    return true;
  }

  /// Walks a Crow rule chain (app.route<T>(url).methods(...).middlewares<App,
  /// M...>()) for the URL literal and the middlewares that run before the
  /// handler: the route's own, and the app's that are not local-only.
  static void crowRule(const Expr *E, std::string &Route,
                       std::vector<const CXXRecordDecl *> &Middlewares) {
    for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
      const auto *MC = dyn_cast<CXXMemberCallExpr>(strip(E));
      if (!MC)
        return;
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && M->getIdentifier() && M->getName() == "middlewares")
        if (const TemplateArgumentList *Args = M->getTemplateSpecializationArgs())
          for (unsigned I = 1; I < Args->size(); ++I) {
            llvm::ArrayRef<TemplateArgument> Each(Args->get(I));
            if (Args->get(I).getKind() == TemplateArgument::Pack)
              Each = Args->get(I).pack_elements();
            for (const TemplateArgument &A : Each)
              if (A.getKind() == TemplateArgument::Type)
                if (const CXXRecordDecl *RD = A.getAsType()->getAsCXXRecordDecl())
                  Middlewares.push_back(RD);
          }
      if (M && M->getIdentifier() && (M->getName() == "route" || M->getName() == "route_dynamic")) {
        for (const Expr *A : MC->arguments())
          if (!(Route = literal(A)).empty())
            break;
        appMiddlewares(MC->getImplicitObjectArgument(), Middlewares);
        return;
      }
      E = MC->getImplicitObjectArgument();
    }
  }

  /// The middlewares of a crow::Crow<M...> app that run on every route.
  static void appMiddlewares(const Expr *App, std::vector<const CXXRecordDecl *> &Out) {
    if (!App)
      return;
    QualType T = App->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
    if (!Spec)
      return;
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
      if (A.getKind() != TemplateArgument::Pack)
        continue;
      for (const TemplateArgument &P : A.pack_elements())
        if (P.getKind() == TemplateArgument::Type)
          if (const CXXRecordDecl *RD = P.getAsType()->getAsCXXRecordDecl()) {
            bool Local = false;
            if (RD->hasDefinition())
              for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
                if (const CXXRecordDecl *BD = B.getType()->getAsCXXRecordDecl())
                  Local |= modelName(BD) == "crow::ILocalMiddleware";
            if (!Local)
              Out.push_back(RD);
          }
    }
  }

  /// The string literals anywhere in \p E (Drogon's {Get, "AuthFilter"}).
  static void stringLiterals(const Stmt *S, std::vector<std::string> &Out, unsigned Depth = 0) {
    if (!S || Depth > 12)
      return;
    if (const auto *L = dyn_cast<StringLiteral>(S)) {
      if (L->getCharByteWidth() == 1)
        Out.push_back(L->getString().str());
      return;
    }
    for (const Stmt *Child : S->children())
      stringLiterals(Child, Out, Depth + 1);
  }

  RequestHandler *emit(Framework Fw, const FunctionDecl *F, std::string Route, const CallExpr *C,
                       std::vector<std::string> RequestTypes, unsigned FirstRouteParam) {
    if (!F)
      return nullptr;
    RequestHandler H;
    H.Function = F;
    H.Fw = Fw;
    H.Route = std::move(Route);
    H.Registration = appsec::beginLoc(C);
    classifyParams(H, RequestTypes, FirstRouteParam);
    Out.push_back(std::move(H));
    return &Out.back();
  }

private:
  std::vector<RequestHandler> &Out;
};

/// The PATH of an oat++ ENDPOINT. ENDPOINT generates a field
/// Z__CREATE_ENDPOINT_INFO_<name> holding a lambda that fills the
/// endpoint's info: `info->path = (prefix ? prefix + PATH : PATH)`. Falls back
/// to the endpoint's name.
std::string oatppPath(const CXXMethodDecl *Proxy, llvm::StringRef Endpoint) {
  const std::string Builder = "Z__CREATE_ENDPOINT_INFO_" + Endpoint.str();
  for (const FieldDecl *F : Proxy->getParent()->fields()) {
    if (!F->getIdentifier() || F->getName() != Builder || !F->hasInClassInitializer())
      continue;
    // The lambda itself as the root: forEachStatement enters its body.
    const Expr *Init = F->getInClassInitializer();
    const Expr *Lambda = ignoreWrappers(Init, Temporaries | OneArgConstructors | TemporaryObjects);
    std::string Path;
    forEachStatement(isa<LambdaExpr>(Lambda) ? Lambda : Init, [&](const Stmt *S) {
      const Expr *Lhs = nullptr, *Rhs = nullptr;
      if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp()) {
        Lhs = B->getLHS();
        Rhs = B->getRHS();
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
                 Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
        Lhs = Op->getArg(0);
        Rhs = Op->getArg(1);
      }
      const auto *M = Lhs ? dyn_cast<MemberExpr>(Lhs->IgnoreParenImpCasts()) : nullptr;
      if (!Path.empty() || !M || M->getMemberDecl()->getName() != "path")
        return;
      std::vector<std::string> Literals;
      RegistrationFinder::stringLiterals(Rhs, Literals);
      if (!Literals.empty())
        Path = Literals.front();
    });
    if (!Path.empty())
      return Path;
  }
  return Endpoint.str();
}

} // namespace

void HandlerIndex::add(RequestHandler H) {
  const FunctionDecl *Key = H.Function->getCanonicalDecl();
  // Keep the first registration if a handler is seen twice, but take a route
  // from a later one (a CivetHandler found by shape, then by addHandler).
  auto [It, New] = Handlers.emplace(Key, H);
  if (!New && It->second.Route.empty() && !H.Route.empty()) {
    It->second.Route = H.Route;
    It->second.Registration = H.Registration;
  }
}

void HandlerIndex::scan(const FunctionDecl *FD) {
  if (!FD)
    return;
  // Handlers by shape.
  RequestHandler Self;
  Self.Function = FD;
  Self.Registration = FD->getLocation();
  bool IsHandler = false;
  if (hasAnnotation(FD, "appsec::request_handler")) {
    Self.Fw = Framework::Annotated;
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      Self.RequestParams.push_back(I);
    IsHandler = true;
  }
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && !IsHandler) {
    if (overridesMethod(M, "Poco::Net::HTTPRequestHandler::handleRequest")) {
      Self.Fw = Framework::Poco;
      classifyParams(Self, {"Poco::Net::HTTPServerRequest"}, 1000);
      IsHandler = true;
    } else if (overridesMethod(M, "Pistache::Http::Handler::onRequest")) {
      Self.Fw = Framework::Pistache;
      classifyParams(Self, {"Pistache::Http::Request"}, 1000);
      IsHandler = true;
    } else if (M->getParent() && M->getIdentifier() &&
               M->getName().starts_with("handle") &&
               (overridesMethod(M, "CivetHandler::" + M->getName().str()))) {
      Self.Fw = Framework::Civetweb;
      classifyParams(Self, {"mg_connection"}, 1000);
      IsHandler = true;
    } else if (M->getIdentifier() && M->getName().starts_with("Z__PROXY_METHOD_")) {
      Self.Fw = Framework::Oatpp;
      Self.Route = oatppPath(M, M->getName().drop_front(16));
      classifyParams(Self, {"oatpp::web::protocol::http::incoming::Request"}, 1000);
      IsHandler = true;
    }
  }
  if (!IsHandler && beastAnswers(FD))
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      // Boost.Beast has no router: a function taking a request and producing
      // the answer (below) is a handler.
      std::string N = recordName(FD->getParamDecl(I)->getType());
      if (N == "boost::beast::http::message") {
        Self.Fw = Framework::Beast;
        Self.RequestParams.push_back(I);
        IsHandler = true;
      }
    }
  if (IsHandler)
    add(std::move(Self));
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD))
    scanControllerRouting(M);

  // Handlers this function registers.
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def->getBody())
    return;
  std::vector<RequestHandler> Found;
  RegistrationFinder Finder(Found);
  Finder.TraverseStmt(Def->getBody());
  for (RequestHandler &H : Found)
    add(std::move(H));
}

void HandlerIndex::scanControllerRouting(const CXXMethodDecl *M) {
  const CXXRecordDecl *RD = M->getParent();
  if (!RD || !RoutingScanned.insert(RD->getCanonicalDecl()).second)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const CXXMethodDecl *R : RD->methods()) {
    if (!R->getIdentifier() || R->getName() != "initPathRouting" || R == M || !R->hasBody())
      continue;
    std::vector<RequestHandler> Found;
    RegistrationFinder Finder(Found);
    Finder.TraverseStmt(R->getBody());
    for (RequestHandler &H : Found) {
      // The registration is in the class's header; findings belong where the
      // handler is defined, in the file being analysed.
      const FunctionDecl *Def = nullptr;
      if (!SM.isInMainFile(SM.getExpansionLoc(H.Registration)) && H.Function &&
          H.Function->hasBody(Def) && Def && SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())))
        H.Registration = Def->getLocation();
      add(std::move(H));
    }
  }
}

const FunctionDecl *functionDesignatedBy(const Expr *E) { return handlerOf(E); }

std::string routeLiteral(const Expr *E) { return literal(E); }

bool overridesMethod(const CXXMethodDecl *M, llvm::StringRef BaseMethod, unsigned Depth) {
  if (Depth > 8)
    return false;
  for (const CXXMethodDecl *O : M->overridden_methods())
    if (modelName(O) == BaseMethod || overridesMethod(O, BaseMethod, Depth + 1))
      return true;
  return false;
}

const ValueDecl *memberCallObject(const CallExpr *C) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
  if (!MC || !MC->getImplicitObjectArgument())
    return nullptr;
  const Expr *Obj = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Obj);
      Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() >= 1)
    Obj = Op->getArg(0);
  return referencedDecl(Obj);
}

const RequestHandler *HandlerIndex::find(const FunctionDecl *FD) const {
  auto It = Handlers.find(FD->getCanonicalDecl());
  return It == Handlers.end() ? nullptr : &It->second;
}

} // namespace appsec
