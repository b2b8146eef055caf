// Consistency of the one list of checks (checks/AppSecChecks.def) with the
// default catalog and the documentation: a registered check without a doc or
// a catalog entry fails here.
#include "CheckList.h"
#include "requirements/RequirementCatalog.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace appsec;
using clang::tidy::appsec::allChecks;

namespace {

std::string readFile(const std::string &Path) {
  std::ifstream In(Path);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

TEST(CheckList, NamesAreUniqueAndPrefixed) {
  std::set<std::string_view> Seen;
  for (const CheckInfo &C : allChecks()) {
    EXPECT_EQ(C.Name.substr(0, 7), "appsec-") << C.Name;
    EXPECT_TRUE(Seen.insert(C.Name).second) << C.Name;
    EXPECT_EQ(C.Cwe.substr(0, 4), "CWE-") << C.Name;
    EXPECT_GT(C.SecuritySeverity, 0.0);
    EXPECT_LE(C.SecuritySeverity, 10.0);
    std::set<std::string_view> Precisions = {"very-high", "high", "medium", "low"};
    EXPECT_TRUE(Precisions.count(C.Precision)) << C.Name;
  }
}

TEST(CheckList, DefaultCatalogMapsEachCheckToItsDeclaredRequirements) {
  auto Catalog = RequirementCatalog::builtin();
  for (const CheckInfo &C : allChecks()) {
    std::set<std::string> Declared, Mapped;
    for (const std::string &Id : C.requirementIds()) {
      Declared.insert(Id);
      EXPECT_NE(Catalog->find(Id), nullptr) << C.Name << " declares unknown requirement " << Id;
    }
    for (const Requirement *R : Catalog->requirementsFor(C.Name))
      Mapped.insert(R->Id);
    EXPECT_FALSE(Declared.empty()) << C.Name;
    EXPECT_EQ(Declared, Mapped) << C.Name << ": AppSecChecks.def and "
                                   "atlassian-cloud-2022.json disagree";
  }
}

TEST(CheckList, CatalogNamesOnlyRegisteredChecks) {
  std::set<std::string> Registered;
  for (const CheckInfo &C : allChecks())
    Registered.insert(std::string(C.Name));
  for (const Requirement &R : RequirementCatalog::builtin()->requirements())
    for (const std::string &Check : R.Checks)
      EXPECT_TRUE(Registered.count(Check)) << "requirement " << R.Id << " lists " << Check;
}

TEST(CheckList, EveryCheckHasADoc) {
  for (const CheckInfo &C : allChecks()) {
    std::string Path = std::string(APPSEC_SOURCE_DIR) + "/docs/checks/" +
                       std::string(C.Name) + ".md";
    std::string Doc = readFile(Path);
    ASSERT_FALSE(Doc.empty()) << "missing " << Path;
    EXPECT_NE(Doc.find("# " + std::string(C.Name)), std::string::npos) << Path;
    EXPECT_NE(Doc.find(std::string(C.Cwe)), std::string::npos) << Path << " does not name " << C.Cwe;
    for (const std::string &Id : C.requirementIds())
      EXPECT_NE(Doc.find("requirement " + Id), std::string::npos)
          << Path << " does not name requirement " << Id;
  }
}

TEST(CheckList, RequirementsDocCoversEveryRequirement) {
  std::string Doc = readFile(std::string(APPSEC_SOURCE_DIR) + "/docs/requirements.md");
  ASSERT_FALSE(Doc.empty());
  for (const Requirement &R : RequirementCatalog::builtin()->requirements()) {
    EXPECT_NE(Doc.find("## " + R.Id + ". " + R.Title), std::string::npos)
        << "docs/requirements.md lacks a section '## " << R.Id << ". " << R.Title << "'";
    for (const std::string &Check : R.Checks)
      EXPECT_NE(Doc.find(Check), std::string::npos) << Check;
  }
}

} // namespace
