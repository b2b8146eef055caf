// A vendored framework header reached with -I (not a system header), as
// Drogon's build includes trantor: its verifySslName says nothing about how
// the application authenticates its requests.
#pragma once
#include <string>

namespace trantor {
class TcpConnection {
public:
  bool verifySslName(const std::string &hostname);
};
} // namespace trantor
