// Issue Notes: authentication of requests from Jira and from the app's own
// iframe, by their Connect JWT.
#pragma once

#include "storage.h"

#include <httplib.h>

#include <optional>
#include <string>

namespace issue_notes {

/// Who is calling, once the token checked out.
struct RequestContext {
  Installation installation;
  std::string accountId; ///< the Atlassian user, empty for webhooks
};

enum class QshPolicy {
  /// Requests Jira makes (webhooks, iframe loads): the token must be bound to
  /// this exact method, path and query.
  RequestBound,
  /// Requests the app's iframe makes with AP.context.getToken(): the token
  /// carries qsh "context-qsh" instead.
  ContextToken,
};

/// Verifies the request's Connect JWT (Authorization: JWT <token>, or the jwt
/// query parameter of an iframe load): the installation it claims to come
/// from exists, the HS256 signature is made with that installation's shared
/// secret, the token is current and its qsh matches. Returns nothing and sets
/// \p why otherwise.
std::optional<RequestContext> authenticate(const httplib::Request &request,
                                           const Storage &storage, QshPolicy policy,
                                           std::string &why);

/// The token of a request: the Authorization header's "JWT <token>", else the
/// jwt query parameter.
std::string tokenOf(const httplib::Request &request);

} // namespace issue_notes
