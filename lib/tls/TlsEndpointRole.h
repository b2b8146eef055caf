//===- TlsEndpointRole.h - is this TLS object a client or a server? -----===//
//
// Turning certificate verification off means "trust any server" on a client
// but only "do not ask for client certificates" on a server, which is the
// default and harmless. Checks ask whether code gives evidence that a TLS
// context or connection is server-side before they report.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace appsec {

enum class TlsRole { Client, Server, Unknown };

/// Looks at how the TLS object \p Object (an OpenSSL SSL_CTX / SSL, a
/// boost::asio::ssl::context or stream, ...) is created and used in the
/// function that contains \p Use, and in the methods of its class when it is
/// a data member. Server evidence: a *_server_method() / server usage
/// constructor, loading its own certificate and private key, accepting
/// connections. Client evidence: a *_client_method() / client usage, connect,
/// SNI host name.
TlsRole tlsRoleOf(const clang::Expr *Object, const clang::Stmt *Use,
                  clang::ASTContext &Ctx);

/// True if \p Name (a method constant such as "TLS_server_method" or a
/// boost::asio "tls_server" enumerator) names a server-side method.
bool isServerMethodName(llvm::StringRef Name);
bool isClientMethodName(llvm::StringRef Name);

} // namespace appsec
