#include "connect_auth.h"
#include "connect_jwt.h"

#include <map>

namespace issue_notes {

std::string tokenOf(const httplib::Request &request) {
  const std::string header = request.get_header_value("Authorization");
  const std::string scheme = "JWT ";
  if (header.compare(0, scheme.size(), scheme) == 0)
    return header.substr(scheme.size());
  return request.get_param_value("jwt");
}

std::optional<RequestContext> authenticate(const httplib::Request &request,
                                           const Storage &storage, QshPolicy policy,
                                           std::string &why) {
  std::optional<Jwt> token = parseJwt(tokenOf(request));
  if (!token) {
    why = "missing or malformed JWT";
    return std::nullopt;
  }
  // The issuer only says which secret to try; nothing is trusted before the
  // signature is checked with it.
  const std::string issuer = token->claims.value("iss", "");
  std::optional<Installation> installation = storage.findInstallation(issuer);
  if (!installation) {
    why = "unknown installation";
    return std::nullopt;
  }
  if (!verifyHs256(*token, installation->sharedSecret)) {
    why = "bad signature";
    return std::nullopt;
  }
  if (!isCurrent(*token)) {
    why = "expired token";
    return std::nullopt;
  }
  const std::string qsh = token->claims.value("qsh", "");
  bool qshOk = policy == QshPolicy::ContextToken
                   ? qsh == "context-qsh"
                   : qsh == queryStringHash(request.method, request.path,
                                            std::multimap<std::string, std::string>(
                                                request.params.begin(), request.params.end()));
  if (!qshOk) {
    why = "token not valid for this request";
    return std::nullopt;
  }
  return RequestContext{std::move(*installation), token->claims.value("sub", "")};
}

} // namespace issue_notes
