// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification,appsec-jwt-missing-verification %t -- -- -std=c++17
// Poco::JWT, the Debian libpoco-dev headers.
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/Timestamp.h>

#include <string>

std::string noExpiry(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  Poco::JWT::Token token = signer.verify(jwt);
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: Poco::JWT Signer::verify() checks only the signature, and this function never looks at the token's expiry; reject the request if token.getExpiration() < Poco::Timestamp(); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return token.getSubject();
}

std::string tryVerifyIgnored(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  Poco::JWT::Token token;
  signer.tryVerify(jwt, token);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the result of Poco::JWT Signer::tryVerify() is ignored, so a token with a bad signature goes unnoticed; check it: if (!signer.tryVerify(jwt, token)) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  if (token.getExpiration() < Poco::Timestamp())
    return {};
  return token.getSubject();
}

// Silent: signature and expiry.
std::string checked(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  Poco::JWT::Token token;
  if (!signer.tryVerify(jwt, token) || token.getExpiration() < Poco::Timestamp())
    return {};
  return token.getSubject();
}

// Silent: the token goes back to the caller, who checks the rest.
Poco::JWT::Token verifySignature(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  return signer.verify(jwt);
}

// Silent: a helper defined elsewhere looks at the token.
bool notExpired(const Poco::JWT::Token &token);
std::string helperChecks(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  Poco::JWT::Token token = signer.verify(jwt);
  if (!notExpired(token))
    return {};
  return token.getSubject();
}

// The token's own alg joins the signer's allow-list (Token(jwt) parses the
// token without verifying it).
std::string algAllowedFromToken(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Token peek(jwt);
  Poco::JWT::Signer signer(secret);
  signer.addAlgorithm(peek.getAlgorithm());
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: the algorithm allowed for verification is the one named in the token's own 'alg' header, so the sender chooses how the token is checked; allow a fixed algorithm (HS256 with the shared secret for Connect requests); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-2]]:28: note: an algorithm name enters through the token's own 'alg' header
  Poco::JWT::Token token = signer.verify(jwt);
  if (token.getExpiration() < Poco::Timestamp())
    return {};
  return token.getSubject();
}

// Silent: a fixed algorithm, whatever the token says.
std::string algAllowedFixed(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  signer.addAlgorithm(Poco::JWT::Signer::ALGO_HS384);
  Poco::JWT::Token token = signer.verify(jwt);
  if (token.getExpiration() < Poco::Timestamp())
    return {};
  return token.getSubject();
}

// A Token built from the request's text is parsed, not verified: its claims
// are anyone's. Its twins get the token from a Signer.
#include <httplib.h>

std::string subjectOfUnverified(const httplib::Request &req) {
  Poco::JWT::Token token(req.get_header_value("Authorization").substr(7));
  return token.getSubject();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: Token::getSubject() reads its subject of a JWT decoded from HTTP request data from Request::get_header_value() that is not verified on every path to here; nothing has checked its signature, so anyone can write these claims. Get the token from a Signer instead: Poco::JWT::Signer signer(key); use signer.verify(jwt), or signer.tryVerify(jwt, token) and the token only if that returns true; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-3]]:30: note: HTTP request data enters through Request::get_header_value()
  // CHECK-NOTES: :[[@LINE-4]]:64: note: carried through basic_string::substr()
  // CHECK-NOTES: :[[@LINE-5]]:20: note: decoded by Token::Token(), which does not verify it
}

std::string roleOfVerified(const httplib::Request &req, const std::string &key) {
  Poco::JWT::Signer signer(key);
  Poco::JWT::Token token;
  if (!signer.tryVerify(req.get_header_value("Authorization").substr(7), token))
    return "";
  if (token.getExpiration() < Poco::Timestamp())
    return "";
  return token.payload().getValue<std::string>("role");
}

std::string issuerOfOwnToken() {
  Poco::JWT::Token token;
  token.setIssuer("notes-app");
  return token.getIssuer();
}

// The expiry duty follows the token the verification returns or fills in.
// A token used in place, never given to getExpiration():
std::string subjectInPlace(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  return signer.verify(jwt).getSubject();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: Poco::JWT Signer::verify() checks only the signature, and this function never looks at the token's expiry; reject the request if token.getExpiration() < Poco::Timestamp(); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
}

// Silent twin: the expiry of the same temporary is looked at.
bool notExpiredInPlace(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  return !(signer.verify(jwt).getExpiration() < Poco::Timestamp());
}

// Assigned to a token declared earlier; its expiry is read on the path that
// uses it.
std::string assignedThenChecked(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  Poco::JWT::Token token;
  token = signer.verify(jwt);
  if (token.getExpiration() < Poco::Timestamp())
    return {};
  return token.getSubject();
}

// The same assignment without the check.
std::string assignedUnchecked(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  Poco::JWT::Token token;
  token = signer.verify(jwt);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: Poco::JWT Signer::verify() checks only the signature, and this function never looks at the token's expiry; reject the request if token.getExpiration() < Poco::Timestamp(); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return token.getSubject();
}

// tryVerify fills in a local whose claims are used but whose expiry is not.
std::string tryVerifyNoExpiry(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  Poco::JWT::Token token;
  if (!signer.tryVerify(jwt, token))
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: Poco::JWT Signer::tryVerify() checks only the signature, and this function never looks at the token's expiry; reject the request if token.getExpiration() < Poco::Timestamp(); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
    return {};
  return token.getSubject();
}

// Silent: a lambda that checks the expiry captures the token.
std::string checkedByLambda(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  Poco::JWT::Token token = signer.verify(jwt);
  auto expired = [&token] { return token.getExpiration() < Poco::Timestamp(); };
  if (expired())
    return {};
  return token.getSubject();
}

// Silent: the caller's token is filled in; the caller checks it.
bool verifyInto(const std::string &jwt, const std::string &secret, Poco::JWT::Token &out) {
  Poco::JWT::Signer signer(secret);
  return signer.tryVerify(jwt, out);
}

// "none" allowed: Poco has no verifier for it today (tokens are rejected by
// an exception), but the code asks for unsigned tokens.
std::string noneAllowed(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  signer.addAlgorithm(Poco::JWT::Signer::ALGO_NONE);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: Poco::JWT Signer::addAlgorithm() allows the algorithm "none", asking to accept unsigned tokens; Poco registers no verifier for it today and rejects them, but that is the library's choice, not this code's; allow only the algorithm the tokens are signed with, e.g. Signer::ALGO_HS256; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  signer.setAlgorithms({Poco::JWT::Signer::ALGO_HS256, "none"});
  // CHECK-NOTES: :[[@LINE-1]]:56: warning: Poco::JWT Signer::setAlgorithms() allows the algorithm "none"{{.*}} [appsec-jwt-unsafe-verification]
  Poco::JWT::Token token = signer.verify(jwt);
  if (token.getExpiration() < Poco::Timestamp())
    return {};
  return token.getSubject();
}

// Silent twin: a fixed set of signed algorithms.
std::string signedAlgorithms(const std::string &jwt, const std::string &secret) {
  Poco::JWT::Signer signer(secret);
  signer.setAlgorithms({Poco::JWT::Signer::ALGO_HS256, Poco::JWT::Signer::ALGO_HS512});
  Poco::JWT::Token token = signer.verify(jwt);
  if (token.getExpiration() < Poco::Timestamp())
    return {};
  return token.getSubject();
}
