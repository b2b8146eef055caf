// Issue Notes: persistent state in SQLite — installations (one per Jira
// site) and the notes users write on issues.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

struct sqlite3;

namespace issue_notes {

/// What the installed callback tells us about one Jira site.
struct Installation {
  std::string clientKey;    ///< the site's identity; the JWT issuer of its requests
  std::string sharedSecret; ///< signs requests in both directions
  std::string baseUrl;      ///< https://<site>.atlassian.net
};

class Storage {
public:
  /// Opens (and if needed creates) the database; throws std::runtime_error.
  explicit Storage(const std::string &path);
  ~Storage();
  Storage(const Storage &) = delete;
  Storage &operator=(const Storage &) = delete;

  void saveInstallation(const Installation &installation);
  std::optional<Installation> findInstallation(const std::string &clientKey) const;
  /// Forgets the site and everything stored for it.
  void removeInstallation(const std::string &clientKey);

  std::int64_t addNote(const std::string &clientKey, const std::string &issueKey,
                       const std::string &accountId, const std::string &text);
  int countNotes(const std::string &clientKey, const std::string &issueKey) const;
  void removeNotesOfIssue(const std::string &clientKey, const std::string &issueKey);

  void recordIssueUpdate(const std::string &clientKey, const std::string &issueKey,
                         std::int64_t updatedAtMillis);

private:
  sqlite3 *db_ = nullptr;
  mutable std::mutex mutex_;
};

} // namespace issue_notes
