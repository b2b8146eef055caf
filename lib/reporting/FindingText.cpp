#include "reporting/FindingText.h"

namespace appsec {

std::string requirementClause(const RequirementCatalog &Catalog,
                              std::string_view CheckName) {
  std::vector<const Requirement *> Reqs = Catalog.requirementsFor(CheckName);
  std::string Label = Catalog.label().empty() ? "catalog" : Catalog.label();
  if (Reqs.empty())
    return "not mapped to any " + Label + " requirement";
  std::string Out = "violates " + Label +
                    (Reqs.size() == 1 ? " requirement " : " requirements ");
  for (size_t I = 0; I < Reqs.size(); ++I) {
    if (I > 0)
      Out += I + 1 == Reqs.size() ? " and " : ", ";
    Out += Reqs[I]->Id + " (" + Reqs[I]->Title + ")";
  }
  return Out;
}

std::string findingText(std::string_view Message,
                        const RequirementCatalog &Catalog,
                        std::string_view CheckName) {
  std::string Out(Message);
  Out += "; ";
  Out += requirementClause(Catalog, CheckName);
  return Out;
}

} // namespace appsec
