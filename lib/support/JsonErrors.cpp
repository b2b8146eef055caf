#include "support/JsonErrors.h"

namespace appsec {

std::string jsonErrorPosition(const nlohmann::json::parse_error &E, std::string_view Text) {
  size_t Offset = E.byte ? E.byte - 1 : 0, Line = 1, Col = 1;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++Line;
      Col = 1;
    } else {
      ++Col;
    }
  }
  return "line " + std::to_string(Line) + ", column " + std::to_string(Col);
}

std::string jsonErrorMessage(const nlohmann::json::exception &E) {
  std::string Msg = E.what();
  if (Msg.rfind("[json.exception.", 0) == 0)
    if (size_t Close = Msg.find("] "); Close != std::string::npos)
      Msg = Msg.substr(Close + 2);
  if (Msg.rfind("parse error", 0) == 0)
    if (size_t Colon = Msg.find(": "); Colon != std::string::npos)
      Msg = Msg.substr(Colon + 2);
  return Msg;
}

} // namespace appsec
