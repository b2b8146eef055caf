#pragma once

#include <string>

namespace jobs {

struct Output {
  int exit_code = -1;
  std::string text;
};

Output ping(const std::string &host);
Output resolve(const std::string &name);
Output git_log(const std::string &repo, const std::string &ref, int limit);
int archive_build(long build_id);
int render_report(const std::string &format, const std::string &source_name);
Output disk_usage();

} // namespace jobs
