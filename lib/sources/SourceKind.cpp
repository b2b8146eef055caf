#include "sources/SourceKind.h"

namespace appsec {

namespace {
struct KindInfo {
  std::string_view Key, Phrase;
};
constexpr KindInfo Infos[] = {
    {"network", "network data"},
    {"file", "file contents"},
    {"environment", "environment data"},
    {"command-line", "command-line input"},
    {"console", "console input"},
    {"web-request", "HTTP request data"},
};
static_assert(sizeof(Infos) / sizeof(Infos[0]) == unsigned(SourceKind::Count));
} // namespace

std::string_view kindKey(SourceKind K) { return Infos[unsigned(K)].Key; }
std::string_view kindPhrase(SourceKind K) { return Infos[unsigned(K)].Phrase; }

std::optional<SourceKind> kindFromKey(std::string_view Key) {
  for (unsigned I = 0; I < unsigned(SourceKind::Count); ++I)
    if (Infos[I].Key == Key)
      return SourceKind(I);
  return std::nullopt;
}

} // namespace appsec
