// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification,appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// jwt-cpp (Thalhammer), through the API-faithful mock test/mocks/jwt-cpp/jwt.h.
#include <jwt-cpp/jwt.h>

#include <functional>
#include <map>
#include <string>
#include <system_error>

bool reject();
std::string lookupSecret(const std::string &clientKey);

// --- alg "none" ----------------------------------------------------------------

void allowsNone(const std::string &token) {
  auto decoded = jwt::decode(token);
  jwt::verify().allow_algorithm(jwt::algorithm::none{}).verify(decoded);
  // CHECK-NOTES: :[[@LINE-1]]:33: warning: jwt-cpp allow_algorithm(jwt::algorithm::none{}) accepts unsigned tokens (alg "none"); allow only the algorithm the tokens are signed with, e.g. jwt::algorithm::hs256{shared_secret}; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
}

void allowsNoneBesideHs256(const std::string &token, const std::string &secret) {
  auto verifier = jwt::verify()
                      .allow_algorithm(jwt::algorithm::hs256{secret})
                      .allow_algorithm(jwt::algorithm::none{});
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: jwt-cpp allow_algorithm(jwt::algorithm::none{}) {{.*}} [appsec-jwt-unsafe-verification]
  verifier.verify(jwt::decode(token));
}

// --- error codes -----------------------------------------------------------------

std::string ecIgnored(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  std::error_code ec;
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded, ec);
  // CHECK-NOTES: :[[@LINE-1]]:80: warning: the error code 'ec' of jwt-cpp verify() is never checked, so a token that fails verification is accepted; check 'ec' after verify(): if (ec) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return decoded.get_subject();
}

std::string ecChecked(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  std::error_code ec;
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded, ec);
  if (ec)
    return "";
  return decoded.get_subject();
}

// The error code is looked at only before the verification fills it (one
// error_code reused for two steps): the verification's own result is lost.
std::string ecReadOnlyBefore(const std::string &token, const std::string &secret,
                             std::error_code &parseError) {
  std::error_code ec = parseError;
  if (ec)
    return "";
  auto decoded = jwt::decode(token);
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded, ec);
  // CHECK-NOTES: :[[@LINE-1]]:80: warning: the error code 'ec' of jwt-cpp verify() is never checked, {{.*}} [appsec-jwt-unsafe-verification]
  return decoded.get_subject();
}

// Silent: handed to a helper that looks at it, or captured by a callback that
// runs later.
bool rejectOnError(const std::error_code &ec);
std::string ecToHelper(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  std::error_code ec;
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded, ec);
  if (rejectOnError(ec))
    return "";
  return decoded.get_subject();
}

void later(std::function<void()> f);
void ecInCallback(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  std::error_code ec;
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded, ec);
  later([&ec] { if (ec) reject(); });
}

// The caller owns the error code and checks it.
void ecFromCaller(const jwt::decoded_jwt<jwt::traits::kazuho_picojson> &decoded,
                  const std::string &secret, std::error_code &ec) {
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded, ec);
}

// --- decoded but never verified ----------------------------------------------------
// Tokens that arrive with a request (an annotated source parameter); a token of
// unknown origin is not reported (jwt-claims-httplib.cpp).
#define REQUEST_DATA [[clang::annotate("appsec::source:web-request")]]

std::string decodedOnly(REQUEST_DATA const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string user = decoded.get_payload_claim("sub").as_string();
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: decoded_jwt::get_payload_claim() reads a claim of a JWT decoded from HTTP request data from 'token' that is not verified on every path to here; nothing has checked its signature, so anyone can write these claims. Verify the decoded token first: jwt::verify().allow_algorithm(jwt::algorithm::hs256{shared_secret}).verify(decoded); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-4]]:57: note: untrusted parameter 'token'
  // CHECK-NOTES: :[[@LINE-4]]:18: note: decoded by decode(), which does not verify it
  // CHECK-NOTES: :[[@LINE-5]]:8: note: flows into 'decoded'
  std::string tenant = decoded.get_issuer(); // one finding per token
  return user + tenant;
}

std::string decodedTemporary(REQUEST_DATA const std::string &token) {
  return jwt::decode(token).get_subject();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data from 'token' {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-3]]:62: note: untrusted parameter 'token'
  // CHECK-NOTES: :[[@LINE-3]]:10: note: decoded by decode(), which does not verify it
}

// The Connect flow: read iss unverified to find the secret, then verify.
std::string connectFlow(REQUEST_DATA const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string secret = lookupSecret(decoded.get_issuer());
  jwt::verify()
      .allow_algorithm(jwt::algorithm::hs256{secret})
      .with_issuer(decoded.get_issuer())
      .verify(decoded);
  return decoded.get_payload_claim("sub").as_string();
}

// Verified in a helper defined in this file, two calls deep.
static void verifyWith(const jwt::decoded_jwt<jwt::traits::kazuho_picojson> &d,
                       const std::string &secret) {
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(d);
}
static void checkToken(const jwt::decoded_jwt<jwt::traits::kazuho_picojson> &d) {
  verifyWith(d, lookupSecret(d.get_issuer()));
}
std::string verifiedInHelper(REQUEST_DATA const std::string &token) {
  auto decoded = jwt::decode(token);
  checkToken(decoded);
  return decoded.get_subject();
}

// A helper that only logs does not verify.
static void logToken(const jwt::decoded_jwt<jwt::traits::kazuho_picojson> &d) {
  (void)d.get_token();
}
std::string helperDoesNotVerify(REQUEST_DATA const std::string &token) {
  auto decoded = jwt::decode(token);
  logToken(decoded);
  return decoded.get_subject();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data from 'token' {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-5]]:65: note: untrusted parameter 'token'
  // CHECK-NOTES: :[[@LINE-5]]:18: note: decoded by decode(), which does not verify it
  // CHECK-NOTES: :[[@LINE-6]]:8: note: flows into 'decoded'
}

// A function declared here but defined elsewhere may verify: stay silent.
void verifyElsewhere(const jwt::decoded_jwt<jwt::traits::kazuho_picojson> &d);
std::string verifiedElsewhere(REQUEST_DATA const std::string &token) {
  auto decoded = jwt::decode(token);
  verifyElsewhere(decoded);
  return decoded.get_subject();
}

// Only the header is read: nothing is trusted yet.
std::string headerOnly(const std::string &token) {
  return jwt::decode(token).get_type();
}

// --- the algorithm taken from the token --------------------------------------------

void algChoosesVerifier(const std::string &token, const std::string &secret,
                        const std::string &publicKey) {
  auto decoded = jwt::decode(token);
  auto verifier = jwt::verify();
  if (decoded.get_algorithm() == "RS256")
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: the token's own 'alg' header chooses the verifier here, so the sender picks how the token is checked; use one fixed algorithm per endpoint (HS256 for Connect requests, RS256 for signed lifecycle callbacks); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: an algorithm name enters through the token's own 'alg' header
    verifier.allow_algorithm(jwt::algorithm::rs256{publicKey});
  else
    verifier.allow_algorithm(jwt::algorithm::hs256{secret});
  verifier.verify(decoded);
}

void algThroughVariable(const std::string &token, const std::string &secret,
                        const std::string &publicKey) {
  auto decoded = jwt::decode(token);
  std::string alg = decoded.get_header_claim("alg").as_string();
  if (alg == "RS256") {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: the token's own 'alg' header chooses the verifier here, {{.*}} [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-3]]:29: note: an algorithm name enters through the token's own 'alg' header
  // CHECK-NOTES: :[[@LINE-4]]:53: note: carried through basic_claim::as_string()
  // CHECK-NOTES: :[[@LINE-5]]:15: note: flows into 'alg'
    jwt::verify().allow_algorithm(jwt::algorithm::rs256{publicKey}).verify(decoded);
    return;
  }
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded);
}

// The algorithm read in a helper and compared by the caller: the path crosses
// the call.
std::string algorithmOf(const jwt::decoded_jwt<jwt::traits::kazuho_picojson> &d) {
  return d.get_algorithm();
}

void algThroughHelper(const std::string &token, const std::string &secret,
                      const std::string &publicKey) {
  auto decoded = jwt::decode(token);
  bool rsa = algorithmOf(decoded) == "RS256";
  auto verifier = rsa ? jwt::verify().allow_algorithm(jwt::algorithm::rs256{publicKey})
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: the token's own 'alg' header chooses the verifier here, {{.*}} [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-9]]:12: note: an algorithm name enters through the token's own 'alg' header
  // CHECK-NOTES: :[[@LINE-4]]:14: note: returned from algorithmOf()
  // CHECK-NOTES: :[[@LINE-5]]:8: note: flows into 'rsa'
                      : jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret});
  verifier.verify(decoded);
}

// Silent: the service's own configuration chooses the algorithm, not the
// token (a JWKS entry or a settings map has an "alg" too).
void algFromConfiguration(const std::string &token, std::map<std::string, std::string> &config,
                          const std::string &secret, const std::string &publicKey) {
  auto decoded = jwt::decode(token);
  if (config["alg"] == "RS256")
    jwt::verify().allow_algorithm(jwt::algorithm::rs256{publicKey}).verify(decoded);
  else
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded);
}

// Pinning: rejecting every other algorithm before one fixed verifier is fine.
void algPinned(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  if (decoded.get_algorithm() != "HS256") {
    reject();
    return;
  }
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded);
}

// A one-sided choice is pinning too: only HS256 tokens are verified.
void algOneSided(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  if (decoded.get_algorithm() == "HS256")
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded);
}
