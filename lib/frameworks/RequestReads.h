//===- RequestReads.h - what a handler reads of its request -------------===//
//
// Framework knowledge the handler-authentication analysis asks statement by
// statement (the walk itself is the engine's, propagation/
// AuthenticationTransfer):
//  - requestRead: \p S reads request data a handler would trust — a body,
//    a header, a query or route parameter, the request handed to a function
//    of the application — and not the token itself (Authorization, jwt,
//    ...), nor where the request goes (method, path, target, peer address);
//  - rejectsRequest: \p S answers with an error (a 4xx/5xx status, a throw);
//  - readsRequest: some statement of a handler reads request data;
//  - handlerBody: the function that holds a handler's code (oat++ endpoint
//    proxies call the endpoint method).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/RequestHandlers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

#include <string>

namespace appsec {

/// What \p S (a statement of \p F, the body of \p H) reads of the request:
/// "request body", "request header 'X-Id'", "route parameter 'id'", ...;
/// empty if it reads nothing a handler would trust.
std::string requestRead(const clang::Stmt *S, const RequestHandler &H, const clang::FunctionDecl *F,
                        const clang::ASTContext &Ctx);

/// \p S answers the request with an error: `res.status = 401`, a call or
/// construction given a 4xx/5xx status (set_status(403),
/// crow::response(401), k401Unauthorized, http::status::unauthorized,
/// Status::CODE_401, ...), or a throw.
bool rejectsRequest(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// Some statement of \p H's body reads request data (requestRead), or a
/// nested lambda may; true when the body is out of view or too big to scan.
bool readsRequest(const RequestHandler &H, const clang::ASTContext &Ctx);

/// The first place \p F reads a request's token: a call or subscript given a
/// token key ("Authorization", "token", ...); null if none.
const clang::Stmt *tokenRead(const clang::FunctionDecl *F);

/// \p C continues the read of a request body: cpprestsdk's
/// `request.extract_json().then(callable)` (also extract_string,
/// extract_utf8string, extract_utf16string, extract_vector). The callable's
/// first parameter receives the body (or the task that holds it). Returns
/// the reading call's name ("http_request::extract_json()"), or "".
std::string requestBodyContinuation(const clang::CallExpr *C);

/// \p H with its body: for an oat++ ENDPOINT proxy (Z__PROXY_METHOD_<name>),
/// the endpoint method it calls, whose request parameters are those of an
/// incoming-request type and whose other parameters come from the URL.
RequestHandler handlerBody(const RequestHandler &H);

} // namespace appsec
