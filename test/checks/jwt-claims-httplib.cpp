// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {appsec-jwt-missing-verification.ReportHandlers: 'never'}}" -- -std=c++17 -isystem %mocks
// Claims of tokens decoded from request data (cpp-httplib 0.11, Debian's
// header; jwt-cpp mock), judged by the shared analysis: where the token came
// from, whether a verification of it, or of the request's own token, came
// first or follows. Handler-level findings are off here (ReportHandlers);
// jwt-handlers-*.cpp test those.
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <regex>
#include <string>

std::string secretFor(const std::string &issuer);
void audit(const std::string &line);
bool verifyToken(const jwt::decoded_jwt<jwt::traits::kazuho_picojson> &decoded);

using Decoded = jwt::decoded_jwt<jwt::traits::kazuho_picojson>;

// --- reported ----------------------------------------------------------------------

void decodedOnly(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(req.get_header_value("Authorization"));
  res.set_content(decoded.get_subject(), "text/plain");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data from Request::get_header_value() that is not verified on every path to here; nothing has checked its signature, so anyone can write these claims. Verify the decoded token first: jwt::verify().allow_algorithm(jwt::algorithm::hs256{shared_secret}).verify(decoded); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-3]]:34: note: HTTP request data enters through Request::get_header_value()
  // CHECK-NOTES: :[[@LINE-4]]:18: note: decoded by decode(), which does not verify it
  // CHECK-NOTES: :[[@LINE-5]]:8: note: flows into 'decoded'
}

// The whole payload, as text or JSON, is a claim read too. One finding per
// token, at its first read (get_payload_json() below is the same token).
void wholePayload(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(req.get_param_value("jwt"));
  std::string text = decoded.get_payload();
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: decoded_jwt::get_payload() reads its payload of a JWT decoded from HTTP request data from Request::get_param_value() {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-3]]:34: note: HTTP request data enters through Request::get_param_value()
  // CHECK-NOTES: :[[@LINE-4]]:18: note: decoded by decode(), which does not verify it
  // CHECK-NOTES: :[[@LINE-5]]:8: note: flows into 'decoded'
  for (const auto &claim : decoded.get_payload_json())
    audit(claim.first);
  res.set_content(text, "application/json");
}

// A temporary: nothing can verify it afterwards.
void temporary(const httplib::Request &req, httplib::Response &res) {
  res.set_content(jwt::decode(req.get_header_value("X-Token")).get_issuer(), "text/plain");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: payload::get_issuer() reads its issuer of a JWT decoded from HTTP request data {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-2]]:35: note: HTTP request data enters through Request::get_header_value()
  // CHECK-NOTES: :[[@LINE-3]]:19: note: decoded by decode(), which does not verify it
}

// Verified on one branch only: the read after the join is not verified on
// every path.
void verifiedOnOneBranch(const httplib::Request &req, httplib::Response &res, bool strict) {
  auto decoded = jwt::decode(req.get_header_value("Authorization"));
  if (strict)
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{secretFor("app")}).verify(decoded);
  res.set_content(decoded.get_subject(), "text/plain");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: payload::get_subject() reads its subject {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-5]]:34: note: HTTP request data enters through Request::get_header_value()
  // CHECK-NOTES: :[[@LINE-6]]:18: note: decoded by decode(), which does not verify it
  // CHECK-NOTES: :[[@LINE-7]]:8: note: flows into 'decoded'
}

// Checking the token's format is not checking its signature.
void formatCheckedOnly(const httplib::Request &req, httplib::Response &res) {
  std::string token = req.get_header_value("Authorization");
  if (!std::regex_match(token, std::regex("[A-Za-z0-9_.-]+")))
    return;
  auto decoded = jwt::decode(token);
  res.set_content(decoded.get_subject(), "text/plain");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: payload::get_subject() reads its subject {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-6]]:27: note: HTTP request data enters through Request::get_header_value()
  // CHECK-NOTES: :[[@LINE-7]]:15: note: flows into 'token'
  // CHECK-NOTES: :[[@LINE-5]]:18: note: decoded by decode(), which does not verify it
  // CHECK-NOTES: :[[@LINE-6]]:8: note: flows into 'decoded'
}

// A helper that reads the claims of the token it is handed, called with the
// request's token: reported at the read, with the path through the call.
static std::string subjectOf(const std::string &token) {
  return jwt::decode(token).get_subject();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data {{.*}} [appsec-jwt-missing-verification]
}
void throughHelper(const httplib::Request &req, httplib::Response &res) {
  res.set_content(subjectOf(req.get_header_value("Authorization")), "text/plain");
  // CHECK-NOTES: :[[@LINE-1]]:33: note: HTTP request data enters through Request::get_header_value()
  // CHECK-NOTES: :[[@LINE-2]]:29: note: passed to subjectOf() as 'token'
  // CHECK-NOTES: :[[@LINE-7]]:10: note: decoded by decode(), which does not verify it
}

// --- silent: verified, or not request data ------------------------------------------

// The Connect flow: iss is read to find the key, then the token is verified.
void connectFlow(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(req.get_param_value("jwt"));
  std::string secret = secretFor(decoded.get_issuer());
  jwt::verify()
      .allow_algorithm(jwt::algorithm::hs256{secret})
      .with_issuer(decoded.get_issuer())
      .verify(decoded);
  res.set_content(decoded.get_payload_claim("sub").as_string(), "text/plain");
}

// A read that only decides to reject, before the verification on the other path.
void rejectEarly(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(req.get_header_value("Authorization"));
  if (decoded.get_issuer() != "expected-issuer") {
    res.status = 401;
    return;
  }
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secretFor("expected-issuer")}).verify(decoded);
  res.set_content(decoded.get_subject(), "text/plain");
}

// The project's verifier, by name, decides a branch.
void namedVerifier(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(req.get_header_value("Authorization"));
  if (!verifyToken(decoded)) {
    res.status = 401;
    return;
  }
  res.set_content(decoded.get_subject(), "text/plain");
}

// Verified in a helper of this file, two calls deep.
static void verifyWith(const Decoded &d, const std::string &secret) {
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(d);
}
static void checkToken(const Decoded &d) { verifyWith(d, secretFor("app")); }
void helperVerifies(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(req.get_header_value("Authorization"));
  checkToken(decoded);
  res.set_content(decoded.get_subject(), "text/plain");
}

// The request's token is verified first; a helper decodes it again.
static std::string userOf(const httplib::Request &req) {
  return jwt::decode(req.get_header_value("Authorization")).get_subject();
}
void reDecodedAfterVerification(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(req.get_header_value("Authorization"));
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secretFor("app")}).verify(decoded);
  res.set_content(userOf(req), "text/plain");
}

// A token the program created itself is not request data.
void createdHere(const httplib::Request &, httplib::Response &res) {
  std::string token = jwt::create()
                          .set_issuer("notes-app")
                          .set_subject("service")
                          .sign(jwt::algorithm::hs256{secretFor("self")});
  auto decoded = jwt::decode(token);
  res.set_content(decoded.get_subject(), "text/plain");
}

// Only the header is read: nothing is trusted yet.
void headerOnly(const httplib::Request &req, httplib::Response &res) {
  res.set_content(jwt::decode(req.get_header_value("Authorization")).get_type(), "text/plain");
}

// A token handed in by callers outside this file (nobody here calls the
// function): of unknown origin, decoded and trusted, reported.
std::string unknownOrigin(const std::string &token) { return jwt::decode(token).get_subject(); }
// CHECK-NOTES: :[[@LINE-1]]:62: warning: payload::get_subject() reads its subject of a JWT decoded from data of unknown origin from 'token' {{.*}} [appsec-jwt-missing-verification]
// CHECK-NOTES: :[[@LINE-2]]:46: note: parameter 'token', given by callers outside this file
// CHECK-NOTES: :[[@LINE-3]]:62: note: decoded by decode(), which does not verify it

// A bool helper of this file that returns true only after verifying the token
// it is given is a verifier, inferred from its body.
static bool isValidJwt(const std::string &token, const std::string &secret) {
  try {
    auto decoded = jwt::decode(token);
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded);
    return true;
  } catch (...) {
    return false;
  }
}
void refreshChecked(const httplib::Request &req, httplib::Response &res) {
  std::string token = req.get_header_value("X-Refresh-Token");
  if (!isValidJwt(token, secretFor("refresh"))) {
    res.status = 401;
    return;
  }
  res.set_content(jwt::decode(token).get_subject(), "text/plain");
}

// Its twin returns true on a path that verifies nothing.
static bool looksValid(const std::string &token, bool debug) {
  if (debug)
    return true;
  return isValidJwt(token, secretFor("refresh"));
}
void refreshBypass(const httplib::Request &req, httplib::Response &res) {
  std::string token = req.get_header_value("X-Refresh-Token");
  if (!looksValid(token, req.has_param("debug"))) {
    res.status = 401;
    return;
  }
  res.set_content(jwt::decode(token).get_subject(), "text/plain");
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data from Request::get_header_value() {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-7]]:27: note: HTTP request data enters through Request::get_header_value()
  // CHECK-NOTES: :[[@LINE-8]]:15: note: flows into 'token'
  // CHECK-NOTES: :[[@LINE-4]]:19: note: decoded by decode(), which does not verify it
}

// Two levels of helpers between the request and the read.
static Decoded decodeToken(const std::string &t) { return jwt::decode(t); }
static std::string subjectVia(const std::string &t) { return decodeToken(t).get_subject(); }
// CHECK-NOTES: :[[@LINE-1]]:62: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data {{.*}} [appsec-jwt-missing-verification]
// CHECK-NOTES: :[[@LINE+3]]:34: note: HTTP request data enters through Request::get_header_value()
// CHECK-NOTES: :[[@LINE+2]]:30: note: passed to subjectVia() as 't'
void twoLevels(const httplib::Request &req, httplib::Response &res) {
  res.set_content(subjectVia(req.get_header_value("Authorization")), "text/plain");
}
// CHECK-NOTES: :[[@LINE-7]]:74: note: passed to decodeToken() as 't'
// CHECK-NOTES: :[[@LINE-9]]:59: note: decoded by decode(), which does not verify it
// CHECK-NOTES: :[[@LINE-9]]:62: note: returned from decodeToken()

// A void helper of this file that verifies the token it is given (it throws
// otherwise): the peek before it and the reads after it are fine.
static void verifyJwt(const std::string &token, const std::string &key) {
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{key}).verify(jwt::decode(token));
}
void voidHelperVerifies(const httplib::Request &req, httplib::Response &res) {
  std::string token = req.get_header_value("Authorization");
  auto decoded = jwt::decode(token);
  verifyJwt(token, secretFor(decoded.get_issuer()));
  res.set_content(decoded.get_subject(), "text/plain");
}

// A loop that never reaches the end of the function still reports.
void pollTokens(const httplib::Request &req) {
  for (;;) {
    auto decoded = jwt::decode(req.get_header_value("X-Poll"));
    audit(decoded.get_subject());
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data {{.*}} [appsec-jwt-missing-verification]
    // CHECK-NOTES: :[[@LINE-3]]:36: note: HTTP request data enters through Request::get_header_value()
    // CHECK-NOTES: :[[@LINE-4]]:20: note: decoded by decode(), which does not verify it
    // CHECK-NOTES: :[[@LINE-5]]:10: note: flows into 'decoded'
  }
}

// Peeking at a second decode of the same token, then verifying the first.
void peekThenVerify(const httplib::Request &req, httplib::Response &res) {
  std::string token = req.get_param_value("jwt");
  std::string secret = secretFor(jwt::decode(token).get_issuer());
  auto decoded = jwt::decode(token);
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded);
  res.set_content(decoded.get_subject(), "text/plain");
}

int main() {
  httplib::Server svr;
  svr.Get("/a", decodedOnly);
  svr.Get("/b", wholePayload);
  svr.Get("/c", temporary);
  svr.Get("/e", formatCheckedOnly);
  svr.Get("/f", throughHelper);
  svr.Get("/g", connectFlow);
  svr.Get("/h", rejectEarly);
  svr.Get("/i", namedVerifier);
  svr.Get("/j", helperVerifies);
  svr.Get("/k", reDecodedAfterVerification);
  svr.Get("/l", createdHere);
  svr.Get("/m", headerOnly);
  svr.listen("127.0.0.1", 8080);
}
