//===- EmbeddedData.h - data files compiled into appsec-tidy ------------===//
//
// The requirement catalog and model files ship inside every form of the tool
// (the plugin has no install tree to read them from).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace appsec {

struct EmbeddedFile {
  std::string_view Name;     ///< file name, e.g. "atlassian-cloud-2022.json"
  std::string_view Contents; ///< the file's bytes
};

/// Every embedded file, in build order.
const std::vector<EmbeddedFile> &embeddedFiles();

/// The embedded file called \p Name, if there is one.
std::optional<std::string_view> embeddedFile(std::string_view Name);

} // namespace appsec
