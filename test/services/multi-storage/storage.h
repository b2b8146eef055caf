#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace fs = std::filesystem;

class Storage {
public:
  explicit Storage(fs::path root) : root_(fs::weakly_canonical(std::move(root))) {}

  const fs::path &root() const { return root_; }

  // Resolves a client-supplied relative path inside the tenant's directory.
  std::optional<fs::path> resolve(const std::string &tenant, const std::string &relative) const;
  fs::path export_path(const std::string &name) const;

  std::optional<std::string> read(const std::string &tenant, const std::string &relative) const;
  std::optional<std::string> read_thumbnail(const std::string &tenant, const std::string &name) const;
  bool write(const std::string &tenant, const std::string &relative, const std::string &data);
  bool store_upload(const std::string &tenant, const std::string &filename, const std::string &data);

private:
  fs::path root_;
};
