//===- ResponseTypes.h - is a response sent as HTML? --------------------===//
//
// Whether data written into a response body can run script depends on the
// content type it is sent with. Some calls name it with the body
// (httplib's set_content(body, "text/html")); most frameworks let the
// program declare it in another call on the same response object: Drogon's
// setContentTypeCode or newHttpResponse(code, CT_TEXT_PLAIN), a Content-Type
// field set on a Beast response, Poco's setContentType, civetweb's
// mg_send_http_ok(conn, "text/csv", n) before mg_write. The models name
// those calls ("contentTypes" entries, docs/models.md); this file reads the
// type they give and collects, per function, what each response object is
// declared as. The sink models say which object decides
// ("contentType": {"of": "this"}).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "models/ModelSet.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace appsec {

enum class ContentKind : uint8_t {
  Unknown, ///< not a constant the tool can read (a variable, mime_type(path))
  Html,    ///< names html, svg or javascript: the browser may run script in it
  Other    ///< a constant naming another type (application/json, CT_TEXT_PLAIN)
};

/// What the content type \p E names: a string literal ("text/html; charset=
/// utf-8"), a named constant (CT_TEXT_HTML, a const variable initialised
/// with a literal), or an object built from constants (Pistache's
/// MIME(Text, Html)). In a block of header lines (mg_printf's "HTTP/1.1 200
/// OK\r\nContent-Type: %s\r\n"), the value of its Content-Type line.
ContentKind contentKindOf(const clang::Expr *E);

/// The content types \p F declares for its response objects, read once from
/// its body (nested lambdas included: they share the enclosing function's
/// objects).
class DeclaredContentTypes {
public:
  enum Verdict : uint8_t {
    None,  ///< nothing declared: the sink model's default applies
    Html,  ///< some declaration names an HTML type
    Other  ///< declared, and no declaration names an HTML type
  };

  DeclaredContentTypes(const clang::FunctionDecl *F,
                       llvm::function_ref<const FunctionModels *(const clang::FunctionDecl *)> ModelsFor,
                       const clang::ASTContext &Ctx);

  /// What the object \p Object designates (a variable or member, through
  /// `->`, `*` and accessor calls) is declared as.
  Verdict of(const clang::Expr *Object) const;

private:
  void declare(const clang::Decl *Object, ContentKind K);
  llvm::DenseMap<const clang::Decl *, Verdict> ByObject;
};

} // namespace appsec
