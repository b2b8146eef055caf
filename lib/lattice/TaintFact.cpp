#include "lattice/TaintFact.h"

#include <algorithm>

namespace appsec {

std::vector<const Step *> stepsInOrder(const Step *Last) {
  std::vector<const Step *> Out;
  for (const Step *S = Last; S && Out.size() < 256; S = S->Prev)
    Out.push_back(S);
  std::reverse(Out.begin(), Out.end());
  return Out;
}

StepList stepList(const Step *Last, bool Sensitive) {
  StepList Out;
  for (const Step *S : stepsInOrder(Last))
    if (Sensitive || S->Kind != SensitiveStep)
      Out.emplace_back(S->Loc, S->Text);
  return Out;
}

} // namespace appsec
