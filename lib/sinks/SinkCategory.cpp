#include "sinks/SinkCategory.h"

namespace appsec {

namespace {
struct CategoryInfo {
  std::string_view Key, Label, Cwe;
};
constexpr CategoryInfo Infos[] = {
    {"command", "OS command injection", "CWE-78"},
    {"sql", "SQL injection", "CWE-89"},
    {"path", "path traversal", "CWE-22"},
    {"format", "uncontrolled format string", "CWE-134"},
    {"ssrf", "server-side request forgery", "CWE-918"},
    {"xss", "cross-site scripting", "CWE-79"},
    {"redirect", "open redirect", "CWE-601"},
    {"header", "HTTP header injection", "CWE-113"},
    {"jwt-key", "JWT verification key chosen by the token", "CWE-347"},
    {"jwt-algorithm", "JWT algorithm chosen by the token", "CWE-347"},
    {"credential", "credential", "CWE-798"},
    {"jwt-claim", "unverified JWT claim", "CWE-345"},
    {"log", "sensitive data in a log", "CWE-532"},
    {"store", "sensitive data stored in plaintext", "CWE-312"},
    {"url", "secret in a URL", "CWE-598"},
};
static_assert(sizeof(Infos) / sizeof(Infos[0]) == unsigned(SinkCategory::Count));
} // namespace

std::string_view categoryKey(SinkCategory C) { return Infos[unsigned(C)].Key; }
std::string categoryKeys() {
  std::string Out;
  for (const CategoryInfo &I : Infos)
    Out += (Out.empty() ? "" : ", ") + std::string(I.Key);
  return Out;
}

std::string_view categoryLabel(SinkCategory C) { return Infos[unsigned(C)].Label; }
std::string_view categoryCwe(SinkCategory C) { return Infos[unsigned(C)].Cwe; }

std::optional<SinkCategory> categoryFromKey(std::string_view Key) {
  for (unsigned I = 0; I < unsigned(SinkCategory::Count); ++I)
    if (Infos[I].Key == Key)
      return SinkCategory(I);
  return std::nullopt;
}

} // namespace appsec
