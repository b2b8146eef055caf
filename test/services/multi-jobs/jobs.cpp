#include "jobs.h"

#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

namespace jobs {

namespace {

const std::string kRepoRoot = "/srv/repos/";
const std::string kBuildRoot = "/srv/builds/";
const std::string kReportRoot = "/srv/reports/";

Output drain(FILE *pipe) {
  Output out;
  if (!pipe)
    return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0)
    out.text.append(buf, n);
  int status = pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

} // namespace

Output ping(const std::string &host) {
  std::string cmd = "ping -c 3 -W 2 " + host + " 2>&1";
  return drain(popen(cmd.c_str(), "r"));
}

Output resolve(const std::string &name) {
  std::string cmd = "dig +short " + name;
  return drain(popen(cmd.c_str(), "r"));
}

Output git_log(const std::string &repo, const std::string &ref, int limit) {
  std::string cmd = "git -C " + kRepoRoot + repo + " log --oneline -n " + std::to_string(limit);
  cmd += " " + ref;
  return drain(popen(cmd.c_str(), "r"));
}

int archive_build(long build_id) {
  auto id = std::to_string(build_id);
  std::string cmd = "tar -czf " + kBuildRoot + "archive/" + id + ".tar.gz -C " + kBuildRoot + id + " .";
  return std::system(cmd.c_str());
}

int render_report(const std::string &format, const std::string &source_name) {
  std::string cmd = "pandoc --to=" + format + " -o " + kReportRoot + "out/report." + format;
  cmd += " " + kReportRoot + "src/" + source_name;
  return std::system(cmd.c_str());
}

Output disk_usage() { return drain(popen("df -h /srv", "r")); }

} // namespace jobs
