// Issue Notes: settings read from the environment at start-up.
#pragma once

#include <string>

namespace issue_notes {

struct AppConfig {
  /// The app key in the descriptor; Jira uses it as the JWT issuer for the
  /// tokens this app signs.
  std::string appKey = "com.example.issue-notes";
  /// Public https:// URL Jira reaches the app at (APP_BASE_URL).
  std::string baseUrl;
  std::string listenHost = "0.0.0.0"; ///< APP_LISTEN_HOST
  int port = 8080;                    ///< APP_PORT
  std::string databasePath = "issue-notes.db"; ///< APP_DB_PATH
  /// APP_TLS_CERT / APP_TLS_KEY: serve HTTPS directly instead of behind a
  /// TLS-terminating proxy.
  std::string tlsCertFile;
  std::string tlsKeyFile;
  /// APP_DEV_MODE=1: talk to a local development Jira.
  bool devMode = false;
  /// Where Atlassian publishes the keys that sign lifecycle callbacks.
  std::string installKeysUrl = "https://connect-install-keys.atlassian.com";
};

/// Reads the configuration; throws std::runtime_error naming the variable
/// that is missing or malformed.
AppConfig loadConfig();

} // namespace issue_notes
