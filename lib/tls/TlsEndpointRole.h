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
/// a data member. Objects derived from one another share a role: an SSL made
/// by SSL_new(ctx) or an ssl::stream built on a context is evidence for the
/// context and the other way round.
///
/// Server evidence: a *_server_method() / server usage enumerator, loading
/// its own certificate or private key, accepting connections, a server-side
/// handshake, an ALPN selection callback. Client evidence: a
/// *_client_method() / client usage, connecting, a client-side handshake,
/// setting the SNI host name or the expected peer host. Both or neither give
/// Unknown.
TlsRole tlsRoleOf(const clang::Expr *Object, const clang::Stmt *Use,
                  clang::ASTContext &Ctx);

/// True if \p Name (a method constant such as "TLS_server_method" or a
/// boost::asio "tls_server" enumerator) names a server-side method.
bool isServerMethodName(llvm::StringRef Name);
bool isClientMethodName(llvm::StringRef Name);

} // namespace appsec
