//===- SourceKind.h - where untrusted data comes from -------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace appsec {

/// Kinds matter: messages name them, and reviewers weigh a command-line
/// argument differently from a network packet.
enum class SourceKind : uint8_t {
  Network,     ///< sockets: recv, read on a socket, boost::asio::read
  File,        ///< file contents: fgets/fread/ifstream on a file
  Environment, ///< getenv
  CommandLine, ///< main's argv
  Console,     ///< stdin: scanf, std::cin, fgets(stdin)
  WebRequest,  ///< an HTTP request of a web framework
  Count
};

using KindMask = uint16_t;
constexpr KindMask maskOf(SourceKind K) { return KindMask(1u << unsigned(K)); }

/// "network", "file", ... as written in model files.
std::string_view kindKey(SourceKind K);
std::optional<SourceKind> kindFromKey(std::string_view Key);
/// "network data", "file contents", "environment data", ...
std::string_view kindPhrase(SourceKind K);

} // namespace appsec
