//===- Label.h - what a value carries -----------------------------------===//
//
// A value in the analysis carries a set of labels. Origin labels say where
// untrusted data came from (remote: the network and HTTP requests; local:
// files, the environment, argv, stdin): reviewers weigh them differently and
// each check chooses which of them it counts (option `Sources`). Kind labels
// say what a value is: a JWT decoded from data with an origin label, end-user
// data, a secret. Eight more labels are left to model files (`"labels"`).
//
// Models add labels (sources, propagators' `adds`), move them (propagators),
// and clear them (propagators' `clears`); sanitizers do not clear labels but
// mark the value safe for sink categories (SinkCategory.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace appsec {

enum class Label : uint8_t {
  // Origins of untrusted data.
  Network,     ///< sockets: recv, read on a socket, boost::asio::read
  File,        ///< file contents: fgets/fread/ifstream on a file
  Environment, ///< getenv
  CommandLine, ///< main's argv
  Console,     ///< stdin: scanf, std::cin, fgets(stdin)
  WebRequest,  ///< an HTTP request of a web framework
  // Kinds of data.
  JwtDecoded,  ///< a JWT parsed (not verified) from data with an origin label
  EndUserData, ///< data about the app's end users
  Password,    ///< a password or passphrase (always a Secret too)
  Secret,      ///< keys, passwords, tokens
  FastHashedPassword, ///< a password hashed with a fast digest (SHA-2, MD5):
                      ///< fit for a log, not for a store (appsec-plaintext-storage)
  Unknown,     ///< a string parameter of a function nobody in this unit calls:
               ///< its callers (other files, the framework) decide what it is
  TokenKeyUrl, ///< a key URL a JWT names in its own header (jku, x5u)
  TokenAlgorithm, ///< the algorithm a JWT names in its own header (alg)
  // Declared by model files ("labels"), in order of declaration.
  User0,
  User7 = User0 + 7,
  Count
};

using LabelMask = uint32_t;
constexpr LabelMask maskOf(Label L) { return LabelMask(1u << unsigned(L)); }

constexpr unsigned MaxUserLabels = 8;

constexpr LabelMask RemoteLabels = maskOf(Label::Network) | maskOf(Label::WebRequest);
constexpr LabelMask LocalLabels = maskOf(Label::File) | maskOf(Label::Environment) |
                                  maskOf(Label::CommandLine) | maskOf(Label::Console);
/// Labels that make a value untrusted input. Unknown is not one: the
/// untrusted-data checks do not report data of unknown origin; the JWT claims
/// check does (a token handed in from elsewhere, decoded and trusted).
constexpr LabelMask OriginLabels = RemoteLabels | LocalLabels;

/// Labels that survive a conversion to a number, an enum or a bool: such a
/// value does not carry a string to inject, it makes a choice (which
/// algorithm verifies a token), and the choice is what is reported.
/// A password's fast digest read as a number (`std::hash`) or as bytes
/// (`digest[i]`) is still that digest.
constexpr LabelMask ValueLabels = maskOf(Label::TokenAlgorithm) | maskOf(Label::FastHashedPassword);

/// Kinds of data the data-protection checks follow. A value gets them by
/// its name, key or annotation (secrets/SensitiveData.h), not by where it
/// came from, so they never make a model's `adds` fire (a password is not
/// a token to decode).
constexpr LabelMask SensitiveLabels = maskOf(Label::Secret) | maskOf(Label::EndUserData) |
                                      maskOf(Label::Password) |
                                      maskOf(Label::FastHashedPassword);

inline bool isOrigin(Label L) { return maskOf(L) & OriginLabels; }

/// "network", "file", "jwt-decoded", ... as written in model files and
/// options; user labels have no built-in key (ModelSet names them).
std::string_view labelKey(Label L);
std::optional<Label> labelFromKey(std::string_view Key);
/// "network data", "file contents", "a decoded JWT", ...
std::string_view labelPhrase(Label L);

/// The first label of \p M in declaration order, if any.
std::optional<Label> firstLabel(LabelMask M);

} // namespace appsec
