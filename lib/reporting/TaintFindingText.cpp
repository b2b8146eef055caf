#include "reporting/TaintFindingText.h"

namespace appsec {

std::string taintMessage(const SinkFinding &F) {
  std::string Kind = F.SourceLabel >= 0 ? std::string(labelPhrase(Label(F.SourceLabel)))
                                       : std::string("data");
  std::string Msg = "untrusted " + Kind;
  if (!F.SourceText.empty())
    Msg += " from " + F.SourceText;
  Msg += " reaches " + F.SinkName;
  if (!F.What.empty())
    Msg += ", which " + F.What;
  Msg += " (" + std::string(categoryLabel(F.Category)) + ", " +
         std::string(categoryCwe(F.Category)) + ")";
  return Msg;
}

std::vector<std::pair<clang::SourceLocation, std::string>>
taintNotes(const SinkFinding &F, size_t MaxNotes) {
  std::vector<std::pair<clang::SourceLocation, std::string>> Out;
  const StepList &S = F.Steps;
  if (S.size() <= MaxNotes)
    return {S.begin(), S.end()};
  size_t Head = 3, Tail = MaxNotes - Head - 1;
  Out.insert(Out.end(), S.begin(), S.begin() + Head);
  Out.emplace_back(S[Head].first, "... " + std::to_string(S.size() - Head - Tail) +
                                      " more steps ...");
  Out.insert(Out.end(), S.end() - Tail, S.end());
  return Out;
}

} // namespace appsec
