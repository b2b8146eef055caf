//===- RequestHandlers.h - which functions serve HTTP requests ----------===//
//
// One place that knows how each C++ web framework turns a function into a
// request handler: route-registration calls that take a lambda, a function
// or a member-function pointer (cpp-httplib Server::Get/Post..., Crow
// CROW_ROUTE rules, Drogon registerHandler and controller METHOD_ADD,
// Pistache Routes::Get(..., Routes::bind(&C::f, this)), cpprestsdk
// http_listener::support, civetweb mg_set_request_handler), overrides of
// framework handler classes (Poco HTTPRequestHandler::handleRequest,
// Pistache Http::Handler::onRequest, civetweb CivetHandler::handle*,
// oat++ endpoint proxies), functions taking a Boost.Beast request, and
// functions annotated [[clang::annotate("appsec::request_handler")]].
// The taint checks seed route parameters from it; the JWT checks ask which
// functions must verify a token.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace appsec {

enum class Framework { CppHttplib, Crow, Drogon, Pistache, Poco, CppRest, Civetweb, Beast, Oatpp, Annotated };

/// "cpp-httplib", "Crow", ...
const char *frameworkName(Framework F);

/// \p D belongs to a web framework or a library services build on (its
/// outermost namespace is std, crow, httplib, drogon, trantor, Pistache, Poco,
/// web, pplx, oatpp, boost, asio or nlohmann; or a civetweb mg_ function),
/// vendored or not: not the application's own code.
bool inLibraryNamespace(const clang::Decl *D);

struct RequestHandler {
  const clang::FunctionDecl *Function = nullptr; ///< the handler's body
  Framework Fw = Framework::Annotated;
  std::string Route;                 ///< the route pattern when written as a literal
  clang::SourceLocation Registration; ///< the registration call, or the handler itself
  std::vector<unsigned> RequestParams; ///< parameters holding the request object
  std::vector<unsigned> RouteParams;   ///< parameters filled from the URL
  /// What the registration says runs before this handler: Crow middleware
  /// classes (the app's global ones and the route's CROW_MIDDLEWARES),
  /// Drogon filter/middleware names from the route constraints.
  std::vector<const clang::CXXRecordDecl *> Middlewares;
  std::vector<std::string> FilterNames;
  /// The server object the handler was registered on (cpp-httplib), if known.
  const clang::ValueDecl *Server = nullptr;
};

/// The function an argument designates: a lambda, `f`, `&f`, `&C::m`, a
/// local variable holding a lambda, or std::bind / Pistache Routes::bind /
/// Routes::middleware of one of those; null otherwise.
const clang::FunctionDecl *functionDesignatedBy(const clang::Expr *E);

/// The text of a route argument written as a literal ("/api", or a
/// std::string made from one); empty otherwise.
std::string routeLiteral(const clang::Expr *E);

/// \p M overrides (directly or through up to eight levels) the method
/// named \p BaseMethod, e.g. "Poco::Net::HTTPRequestHandler::handleRequest".
bool overridesMethod(const clang::CXXMethodDecl *M, llvm::StringRef BaseMethod,
                     unsigned Depth = 0);

/// The variable a member call is made on: `svr` in svr.Get(...), `server` in
/// server->Get(...) (also through a smart pointer's operator->); null if it
/// is not a named variable.
const clang::ValueDecl *memberCallObject(const clang::CallExpr *C);

class HandlerIndex {
public:
  explicit HandlerIndex(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Records the handlers \p FD registers in its body, and \p FD itself if it
  /// is a handler by its shape (an override, a Beast request parameter, an
  /// annotation).
  void scan(const clang::FunctionDecl *FD);

  const RequestHandler *find(const clang::FunctionDecl *FD) const;
  const std::map<const clang::FunctionDecl *, RequestHandler> &all() const { return Handlers; }

private:
  void add(RequestHandler H);
  /// Drogon controllers declare their routes in the class (METHOD_LIST in a
  /// header expands to an inline initPathRouting()); scanned once per class
  /// of a method defined in the main file.
  void scanControllerRouting(const clang::CXXMethodDecl *M);

  clang::ASTContext &Ctx;
  std::map<const clang::FunctionDecl *, RequestHandler> Handlers;
  std::set<const clang::CXXRecordDecl *> RoutingScanned;
};

} // namespace appsec
