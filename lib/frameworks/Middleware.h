//===- Middleware.h - code that runs before a framework's handlers ------===//
//
// Where each C++ web framework lets code run before the request handler and
// stop the request there, as registered or declared in a translation unit:
//   cpp-httplib  Server::set_pre_routing_handler (every route of that server);
//   Crow         middleware classes (found per route from the handler
//                registration: the app's global ones and CROW_MIDDLEWARES);
//   Drogon       HttpFilter::doFilter / HttpMiddleware::invoke of classes
//                named in route constraints; registerPreRoutingAdvice and
//                registerPreHandlingAdvice (every route);
//   Pistache     Rest::Router::addMiddleware(Routes::middleware(...));
//   oat++        RequestInterceptor::intercept overrides (assumed added to
//                the connection handler); AUTHORIZATION endpoint parameters
//                are seen in the handler itself;
//   civetweb     mg_set_auth_handler and CivetServer::addAuthHandler with a
//                CivetAuthHandler::authorize override (a URI prefix);
//   Poco         HTTPRequestHandlerFactory::createRequestHandler overrides
//                (every handler the server creates).
// The JWT handler check asks which of these verify the token.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/RequestHandlers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <map>
#include <string>
#include <vector>

namespace appsec {

struct MiddlewareRegistration {
  Framework Fw = Framework::Annotated;
  const clang::FunctionDecl *Function = nullptr; ///< the code that runs first
  std::string Kind;        ///< "pre-routing handler", "request interceptor", ...
  std::string RoutePrefix; ///< civetweb auth handler URI; empty = every route
  const clang::ValueDecl *Server = nullptr; ///< cpp-httplib server object, if known
  clang::SourceLocation Location;
};

class MiddlewareIndex {
public:
  explicit MiddlewareIndex(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Records the middleware \p FD registers in its body, and \p FD itself if
  /// it is middleware by its shape (a filter, interceptor, factory, auth
  /// handler override).
  void scan(const clang::FunctionDecl *FD);
  /// Call once after the last scan(): ties civetweb auth handler classes to
  /// the URIs they are added for.
  void finish();

  /// Registrations that run before every handler of \p H's framework (and
  /// server / route prefix), in registration order.
  std::vector<const MiddlewareRegistration *> before(const RequestHandler &H) const;

  /// The doFilter/invoke of the Drogon filter or middleware class \p Name
  /// (its definition, or its declaration when the class is declared here and
  /// defined in another file), or null when the class is not visible in this
  /// translation unit.
  const clang::FunctionDecl *drogonFilter(llvm::StringRef Name) const;

  /// The before_handle of a Crow middleware class (its definition, or its
  /// declaration when it is defined in another file), or null.
  static const clang::FunctionDecl *crowBeforeHandle(const clang::CXXRecordDecl *RD);

private:
  clang::ASTContext &Ctx;
  std::vector<MiddlewareRegistration> Registrations;
  std::map<std::string, const clang::FunctionDecl *> DrogonFilters;
  /// civetweb: CivetAuthHandler classes' authorize(), and the URIs they are
  /// added for.
  std::map<const clang::CXXRecordDecl *, const clang::FunctionDecl *> CivetAuthorize;
  std::vector<std::pair<const clang::CXXRecordDecl *, MiddlewareRegistration>> CivetAuthUses;
};

} // namespace appsec
