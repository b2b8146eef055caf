#include "labels/Label.h"

namespace appsec {

namespace {
struct LabelInfo {
  std::string_view Key, Phrase;
};
constexpr LabelInfo Infos[] = {
    {"network", "network data"},
    {"file", "file contents"},
    {"environment", "environment data"},
    {"command-line", "command-line input"},
    {"console", "console input"},
    {"web-request", "HTTP request data"},
    {"jwt-decoded", "a decoded JWT"},
    {"end-user-data", "end-user data"},
    {"password", "a password"},
    {"secret", "a secret"},
    {"fast-hashed-password", "a password hashed with a fast digest"},
    {"unknown-origin", "data of unknown origin"},
    {"token-key-url", "a key URL"},
    {"token-alg", "an algorithm name"},
};
constexpr unsigned BuiltinLabels = sizeof(Infos) / sizeof(Infos[0]);
static_assert(BuiltinLabels == unsigned(Label::User0));
static_assert(unsigned(Label::Count) <= 32, "labels must fit a LabelMask");
} // namespace

std::string_view labelKey(Label L) {
  return unsigned(L) < BuiltinLabels ? Infos[unsigned(L)].Key : std::string_view();
}

std::string_view labelPhrase(Label L) {
  return unsigned(L) < BuiltinLabels ? Infos[unsigned(L)].Phrase : std::string_view("user-labelled data");
}

std::optional<Label> labelFromKey(std::string_view Key) {
  for (unsigned I = 0; I < BuiltinLabels; ++I)
    if (Infos[I].Key == Key)
      return Label(I);
  return std::nullopt;
}

std::optional<Label> firstLabel(LabelMask M) {
  for (unsigned I = 0; I < unsigned(Label::Count); ++I)
    if (M & (1u << I))
      return Label(I);
  return std::nullopt;
}

} // namespace appsec
