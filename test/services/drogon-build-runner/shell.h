#pragma once

#include <string>
#include <vector>

namespace shell {

struct Result {
  int status = -1;
  std::string output;
};

/// Runs a command line through /bin/sh and captures stdout.
Result capture(const std::string &command);
/// Runs argv[0] with the given arguments, no shell involved.
Result exec(const std::vector<std::string> &argv);

} // namespace shell
