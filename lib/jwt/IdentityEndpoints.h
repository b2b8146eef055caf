//===- IdentityEndpoints.h - handlers that establish identity ------------===//
//
// Login, token and refresh endpoints exist to issue a token to a caller who
// has none yet; registration endpoints create the credentials. They are not
// endpoints that forgot to authenticate. A handler establishes identity when
// it (or a function of this file it calls, two levels deep):
//  - issues a token: jwt-cpp builder sign(), cpp-jwt jwt_object::signature(),
//    libjwt jwt_encode_str()/jwt_encode_fp(), l8w8jwt_encode(), Poco
//    Signer::sign();
//  - checks a password against a stored hash: crypto_pwhash_str_verify()
//    (and the scrypt variant), bcrypt_checkpw(), argon2*_verify(), or a
//    project function named like (check|verify|validate)_password;
//  - registers a user: hashes a password (crypto_pwhash_str(), bcrypt_hashpw(),
//    argon2*_hash_encoded(), a function named like hash_password) on a route
//    named like register/signup.
// Hashing a password elsewhere (a change-password endpoint) establishes
// nothing: such a handler must authenticate like any other.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/RequestHandlers.h"

#include "clang/AST/ASTContext.h"

#include <string>

namespace appsec::jwt {

/// Why \p H establishes identity ("issues a token with jwt-cpp sign()"), or
/// empty if it does not.
std::string identityRole(const RequestHandler &H, clang::ASTContext &Ctx);

} // namespace appsec::jwt
