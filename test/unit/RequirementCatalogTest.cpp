#include "reporting/FindingText.h"
#include "requirements/RequirementCatalog.h"

#include <gtest/gtest.h>

using namespace appsec;

namespace {

const char *MinimalCatalog = R"({
  "schema": "appsec-tidy/requirement-catalog/v1",
  "name": "Example Corp policy", "label": "ExampleCorp", "version": "1",
  "categories": ["Crypto"],
  "requirements": [
    {"id": "C-7", "category": "Crypto", "title": "Verify peers",
     "summary": "s", "staticallyCheckable": "yes", "coverage": "c",
     "checks": ["appsec-tls-verification-disabled"]}
  ]})";

std::string parseError(const std::string &Text) {
  std::string Error;
  auto C = RequirementCatalog::parse(Text, "org.json", Error);
  EXPECT_EQ(C, nullptr);
  return Error;
}

TEST(RequirementCatalog, BuiltinIsTheAtlassian2022Catalog) {
  auto C = RequirementCatalog::builtin();
  EXPECT_EQ(C->label(), "Atlassian");
  EXPECT_EQ(C->categories().size(), 5u);
  ASSERT_NE(C->find("3"), nullptr);
  EXPECT_EQ(C->find("3")->Category, "Data Protection");
  EXPECT_EQ(C->find("3")->Title, "Transport layer security");
  EXPECT_EQ(C->find("8")->Checkable, Checkability::Yes);
  EXPECT_EQ(C->find("4")->Checkable, Checkability::No);
  EXPECT_EQ(C->find("no-such-id"), nullptr);
}

TEST(RequirementCatalog, ParsesAnOrganisationsCatalog) {
  std::string Error;
  auto C = RequirementCatalog::parse(MinimalCatalog, "org.json", Error);
  ASSERT_NE(C, nullptr) << Error;
  auto Reqs = C->requirementsFor("appsec-tls-verification-disabled");
  ASSERT_EQ(Reqs.size(), 1u);
  EXPECT_EQ(Reqs[0]->Id, "C-7");
  EXPECT_TRUE(C->requirementsFor("appsec-weak-tls-version").empty());
}

TEST(RequirementCatalog, InvalidJsonNamesFileLineAndColumn) {
  std::string E = parseError("{\n  \"schema\": ,\n}");
  EXPECT_NE(E.find("org.json: line 2, column 13: invalid JSON"), std::string::npos) << E;
}

// Found by fuzz-catalog (test/fuzz/regressions/catalog): a number no double
// holds makes nlohmann throw out_of_range, not parse_error, which escaped the
// reader and terminated clang-tidy.
TEST(RequirementCatalog, NumberOutOfRangeIsAnErrorNotACrash) {
  EXPECT_EQ(parseError(R"({"schema": "appsec-tidy/requirement-catalog/v1", "version": 1e400})"),
            "org.json: top level: invalid JSON (number overflow parsing '1e400')");
}

TEST(RequirementCatalog, MissingKeyNamesEntryAndKey) {
  std::string Text = MinimalCatalog;
  Text.replace(Text.find("\"title\": \"Verify peers\","), 24, "");
  EXPECT_EQ(parseError(Text),
            "org.json: requirements[0] (id \"C-7\"): missing key 'title' "
            "(expected a string)");
}

TEST(RequirementCatalog, WrongTypeSaysWhatWasExpected) {
  std::string Text = MinimalCatalog;
  std::string From = "\"checks\": [\"appsec-tls-verification-disabled\"]";
  Text.replace(Text.find(From), From.size(),
               "\"checks\": \"appsec-tls-verification-disabled\"");
  EXPECT_EQ(parseError(Text),
            "org.json: requirements[0] (id \"C-7\"): key 'checks' must be an "
            "array of strings, found string");
}

TEST(RequirementCatalog, RejectsBadValues) {
  std::string Text = MinimalCatalog;
  Text.replace(Text.find("\"yes\""), 5, "\"maybe\"");
  EXPECT_NE(parseError(Text).find("'staticallyCheckable' must be \"yes\", "
                                  "\"partly\" or \"no\", found \"maybe\""),
            std::string::npos);

  Text = MinimalCatalog;
  Text.replace(Text.find("\"category\": \"Crypto\""), 20, "\"category\": \"Ops\"");
  EXPECT_NE(parseError(Text).find("\"Ops\", which is not listed in 'categories'"),
            std::string::npos);

  Text = MinimalCatalog;
  Text.replace(Text.find("v1"), 2, "v9");
  EXPECT_NE(parseError(Text).find("top level: key 'schema' must be"), std::string::npos);

  EXPECT_EQ(parseError("[1]"), "org.json: top level: expected an object, found array");
}

TEST(RequirementCatalog, RejectsDuplicateIds) {
  std::string Text = MinimalCatalog;
  size_t Start = Text.find("{\"id\"");
  size_t End = Text.rfind('}', Text.rfind(']'));
  std::string Entry = Text.substr(Start, End - Start + 1);
  Text.insert(End + 1, ", " + Entry);
  EXPECT_EQ(parseError(Text), "org.json: requirements[1] (id \"C-7\"): duplicate requirement id");
}

TEST(RequirementCatalog, LoadReportsUnreadableFile) {
  std::string Error;
  EXPECT_EQ(RequirementCatalog::load("/nonexistent/catalog.json", Error), nullptr);
  EXPECT_EQ(Error, "/nonexistent/catalog.json: cannot open requirement catalog file");
}

TEST(FindingText, NamesRequirementIdAndTitle) {
  auto C = RequirementCatalog::builtin();
  EXPECT_EQ(findingText("X is off", *C, "appsec-tls-verification-disabled"),
            "X is off; violates Atlassian requirement 3 (Transport layer security)");
  std::string Error;
  auto Org = RequirementCatalog::parse(MinimalCatalog, "org.json", Error);
  EXPECT_EQ(findingText("X", *Org, "appsec-tls-verification-disabled"),
            "X; violates ExampleCorp requirement C-7 (Verify peers)");
  EXPECT_EQ(findingText("X", *Org, "appsec-weak-tls-version"),
            "X; not mapped to any ExampleCorp requirement");
}

} // namespace
