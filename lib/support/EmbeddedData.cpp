#include "support/EmbeddedData.h"

namespace appsec {

const std::vector<EmbeddedFile> &embeddedFiles() {
  static const std::vector<EmbeddedFile> Files = {
#include "EmbeddedData.inc"
  };
  return Files;
}

std::optional<std::string_view> embeddedFile(std::string_view Name) {
  for (const EmbeddedFile &F : embeddedFiles())
    if (F.Name == Name)
      return F.Contents;
  return std::nullopt;
}

} // namespace appsec
