#include "frameworks/Middleware.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"
#include "support/LlvmCompat.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <set>

using namespace clang;

namespace appsec {

namespace {

const CXXRecordDecl *recordOfArgument(const Expr *E) {
  if (!E)
    return nullptr;
  E = ignoreWrappers(E, Temporaries | ExplicitCasts);
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    E = U->getSubExpr();
  QualType T = E->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
}

const FunctionDecl *methodNamed(const CXXRecordDecl *RD, llvm::StringRef Name) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  for (const Decl *D : RD->getDefinition()->decls()) {
    const FunctionDecl *F = nullptr;
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      F = FT->getTemplatedDecl();
    else
      F = dyn_cast<FunctionDecl>(D);
    if (F && F->getIdentifier() && F->getName() == Name) {
      // The definition when this unit has one (also out of the class), else
      // the declaration: code defined in another file.
      const FunctionDecl *Def = F->getDefinition();
      return Def ? Def : F;
    }
  }
  return nullptr;
}

class RegistrationFinder : public RecursiveASTVisitor<RegistrationFinder> {
public:
  RegistrationFinder(std::vector<MiddlewareRegistration> &Out,
                     std::vector<std::pair<const CXXRecordDecl *, MiddlewareRegistration>> &CivetUses)
      : Out(Out), CivetUses(CivetUses) {}
  bool shouldVisitLambdaBody() const { return false; }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || C->getNumArgs() == 0)
      return true;
    const std::string Name = modelName(Callee);
    llvm::StringRef N(Name);
    const Expr *Last = C->getArg(C->getNumArgs() - 1);
    if ((N == "httplib::Server::set_pre_routing_handler" ||
         N == "httplib::Server::set_pre_request_handler"))
      add(Framework::CppHttplib, functionDesignatedBy(Last), "pre-routing handler", C,
          memberCallObject(C));
    else if (N == "drogon::HttpAppFramework::registerPreRoutingAdvice" ||
             N == "drogon::HttpAppFramework::registerPreHandlingAdvice")
      add(Framework::Drogon, functionDesignatedBy(Last), "advice", C, nullptr);
    else if (N == "Pistache::Rest::Router::addMiddleware")
      add(Framework::Pistache, functionDesignatedBy(Last), "router middleware", C, nullptr);
    else if (N == "mg_set_auth_handler" && C->getNumArgs() >= 3) {
      if (MiddlewareRegistration *R = add(Framework::Civetweb, functionDesignatedBy(C->getArg(2)),
                                          "authorization handler", C, nullptr))
        R->RoutePrefix = routeLiteral(C->getArg(1));
    } else if (N == "CivetServer::addAuthHandler" && C->getNumArgs() >= 2) {
      MiddlewareRegistration R;
      R.Fw = Framework::Civetweb;
      R.Kind = "authorization handler";
      R.RoutePrefix = routeLiteral(C->getArg(0));
      R.Location = appsec::beginLoc(C);
      if (const CXXRecordDecl *RD = recordOfArgument(C->getArg(1)))
        CivetUses.emplace_back(RD, std::move(R));
    }
    return true;
  }

private:
  MiddlewareRegistration *add(Framework Fw, const FunctionDecl *F, const char *Kind,
                              const CallExpr *C, const ValueDecl *Server) {
    if (!F)
      return nullptr;
    MiddlewareRegistration R;
    R.Fw = Fw;
    R.Function = F;
    R.Kind = Kind;
    R.Server = Server;
    R.Location = appsec::beginLoc(C);
    Out.push_back(std::move(R));
    return &Out.back();
  }

  std::vector<MiddlewareRegistration> &Out;
  std::vector<std::pair<const CXXRecordDecl *, MiddlewareRegistration>> &CivetUses;
};

} // namespace

void MiddlewareIndex::scan(const FunctionDecl *FD) {
  if (!FD)
    return;
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && M->doesThisDeclarationHaveABody()) {
    auto shaped = [&](Framework Fw, const char *Kind) {
      MiddlewareRegistration R;
      R.Fw = Fw;
      R.Function = M;
      R.Kind = Kind;
      R.Location = M->getLocation();
      Registrations.push_back(std::move(R));
    };
    if (overridesMethod(M, "drogon::HttpFilterBase::doFilter") ||
        overridesMethod(M, "drogon::HttpMiddlewareBase::invoke"))
      DrogonFilters.emplace(M->getParent()->getNameAsString(), M);
    else if (overridesMethod(M, "oatpp::web::server::interceptor::RequestInterceptor::intercept"))
      shaped(Framework::Oatpp, "request interceptor");
    else if (overridesMethod(M, "Poco::Net::HTTPRequestHandlerFactory::createRequestHandler"))
      shaped(Framework::Poco, "request handler factory");
    else if (overridesMethod(M, "CivetAuthHandler::authorize"))
      CivetAuthorize.emplace(M->getParent(), M);
  }
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def->getBody())
    return;
  RegistrationFinder Finder(Registrations, CivetAuthUses);
  Finder.TraverseStmt(Def->getBody());
}

void MiddlewareIndex::finish() {
  // civetweb: an authorize() override runs for the URIs it is added for; a
  // class whose addAuthHandler call is not in this translation unit is
  // assumed to be added for every URI.
  std::set<const CXXRecordDecl *> Used;
  for (auto &[RD, Use] : CivetAuthUses) {
    auto It = CivetAuthorize.find(RD);
    if (It == CivetAuthorize.end())
      continue;
    Use.Function = It->second;
    Registrations.push_back(Use);
    Used.insert(RD);
  }
  for (const auto &[RD, Authorize] : CivetAuthorize)
    if (!Used.count(RD)) {
      MiddlewareRegistration R;
      R.Fw = Framework::Civetweb;
      R.Function = Authorize;
      R.Kind = "authorization handler";
      R.Location = Authorize->getLocation();
      Registrations.push_back(std::move(R));
    }
  CivetAuthUses.clear();
  CivetAuthorize.clear();
}

std::vector<const MiddlewareRegistration *>
MiddlewareIndex::before(const RequestHandler &H) const {
  std::vector<const MiddlewareRegistration *> Result;
  auto inScope = [&](const MiddlewareRegistration &R) {
    if (R.Fw != H.Fw)
      return false;
    // Pistache's router middleware runs for router routes, not for a raw
    // Http::Handler (which has no route).
    if (R.Fw == Framework::Pistache && H.Route.empty())
      return false;
    if (R.Server && H.Server && R.Server != H.Server)
      return false;
    if (R.RoutePrefix.empty() || R.RoutePrefix == "/" || R.RoutePrefix == "/**")
      return true;
    llvm::StringRef Prefix = llvm::StringRef(R.RoutePrefix).rtrim("*").rtrim("/");
    llvm::StringRef Route(H.Route);
    return !Route.empty() && Route.starts_with(Prefix) &&
           (Route.size() == Prefix.size() || Route[Prefix.size()] == '/');
  };
  for (const MiddlewareRegistration &R : Registrations)
    if (R.Function && inScope(R))
      Result.push_back(&R);
  return Result;
}

const FunctionDecl *MiddlewareIndex::drogonFilter(llvm::StringRef Name) const {
  // Filters may be named with their namespace ("api::v1::AuthFilter").
  auto It = DrogonFilters.find(Name.rsplit("::").second.empty() ? Name.str()
                                                                : Name.rsplit("::").second.str());
  if (It != DrogonFilters.end())
    return It->second;
  // A class declared here (a header) whose doFilter is defined in another
  // file: look the qualified name up from the translation unit.
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::", -1, /*KeepEmpty=*/false);
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  const CXXRecordDecl *RD = nullptr;
  for (size_t I = 0; I < Parts.size() && DC; ++I) {
    const NamedDecl *Found = nullptr;
    for (const NamedDecl *D : DC->lookup(&Ctx.Idents.get(Parts[I])))
      if (isa<NamespaceDecl>(D) || isa<CXXRecordDecl>(D)) {
        Found = D;
        break;
      }
    if (I + 1 == Parts.size())
      RD = dyn_cast_or_null<CXXRecordDecl>(Found);
    DC = dyn_cast_or_null<NamespaceDecl>(Found);
  }
  if (!RD || !(RD = RD->getDefinition()))
    return nullptr;
  for (const CXXMethodDecl *M : RD->methods())
    if (overridesMethod(M, "drogon::HttpFilterBase::doFilter") ||
        overridesMethod(M, "drogon::HttpMiddlewareBase::invoke"))
      return M;
  return nullptr;
}

const FunctionDecl *MiddlewareIndex::crowBeforeHandle(const CXXRecordDecl *RD) {
  return methodNamed(RD, "before_handle");
}

} // namespace appsec
