#include "requirements/RequirementCatalog.h"
#include "requirements/CheckInfo.h"
#include "support/EmbeddedData.h"
#include "support/JsonErrors.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

namespace appsec {

using nlohmann::json;

std::vector<std::string> splitList(std::string_view Text) {
  std::vector<std::string> Out;
  size_t Pos = 0;
  while (Pos <= Text.size()) {
    size_t Comma = Text.find(',', Pos);
    if (Comma == std::string_view::npos)
      Comma = Text.size();
    std::string_view Item = Text.substr(Pos, Comma - Pos);
    while (!Item.empty() && Item.front() == ' ')
      Item.remove_prefix(1);
    while (!Item.empty() && Item.back() == ' ')
      Item.remove_suffix(1);
    if (!Item.empty())
      Out.emplace_back(Item);
    Pos = Comma + 1;
  }
  return Out;
}

std::vector<std::string> CheckInfo::requirementIds() const {
  return splitList(Requirements);
}

std::string_view toString(Checkability C) {
  switch (C) {
  case Checkability::Yes:
    return "yes";
  case Checkability::Partly:
    return "partly";
  case Checkability::No:
    return "no";
  }
  return "no";
}

namespace {

/// Reads one catalog; every failure names the file, the entry and the key.
class CatalogReader {
public:
  CatalogReader(std::string_view FileName, std::string &Error)
      : FileName(FileName), Error(Error) {}

  bool fail(const std::string &Where, const std::string &What) {
    Error = std::string(FileName) + ": " + Where + ": " + What;
    return false;
  }

  bool string(const json &Obj, const char *Key, const std::string &Where,
              std::string &Out, bool Required = true) {
    auto It = Obj.find(Key);
    if (It == Obj.end()) {
      if (!Required)
        return true;
      return fail(Where, std::string("missing key '") + Key +
                             "' (expected a string)");
    }
    if (!It->is_string())
      return fail(Where, std::string("key '") + Key +
                             "' must be a string, found " + It->type_name());
    Out = It->get<std::string>();
    if (Required && Out.empty())
      return fail(Where, std::string("key '") + Key + "' must not be empty");
    return true;
  }

  bool stringList(const json &Obj, const char *Key, const std::string &Where,
                  std::vector<std::string> &Out) {
    auto It = Obj.find(Key);
    if (It == Obj.end())
      return fail(Where, std::string("missing key '") + Key +
                             "' (expected an array of strings)");
    if (!It->is_array())
      return fail(Where, std::string("key '") + Key +
                             "' must be an array of strings, found " +
                             It->type_name());
    for (size_t I = 0; I < It->size(); ++I) {
      const json &E = (*It)[I];
      if (!E.is_string())
        return fail(Where, std::string("key '") + Key + "' element " +
                               std::to_string(I) + " must be a string, found " +
                               E.type_name());
      Out.push_back(E.get<std::string>());
    }
    return true;
  }

private:
  std::string_view FileName;
  std::string &Error;
};

bool parseCheckability(const std::string &S, Checkability &Out) {
  if (S == "yes")
    Out = Checkability::Yes;
  else if (S == "partly")
    Out = Checkability::Partly;
  else if (S == "no")
    Out = Checkability::No;
  else
    return false;
  return true;
}

} // namespace

/// Fills a catalog's fields (a friend of RequirementCatalog).
struct CatalogBuilder {
  static std::shared_ptr<const RequirementCatalog>
  build(std::string_view Text, std::string_view FileName, std::string &Error);
};

std::shared_ptr<const RequirementCatalog>
RequirementCatalog::parse(std::string_view Text, std::string_view FileName,
                          std::string &Error) {
  return CatalogBuilder::build(Text, FileName, Error);
}

std::shared_ptr<const RequirementCatalog>
CatalogBuilder::build(std::string_view Text, std::string_view FileName,
                      std::string &Error) {
  CatalogReader R(FileName, Error);
  json Doc;
  try {
    Doc = json::parse(Text.begin(), Text.end());
  } catch (const json::parse_error &E) {
    R.fail(jsonErrorPosition(E, Text), "invalid JSON (" + jsonErrorMessage(E) + ")");
    return nullptr;
  } catch (const json::exception &E) {
    // A number out of double's range (1e400) throws out_of_range, not parse_error.
    R.fail("top level", "invalid JSON (" + jsonErrorMessage(E) + ")");
    return nullptr;
  }
  if (!Doc.is_object()) {
    R.fail("top level", std::string("expected an object, found ") +
                            Doc.type_name());
    return nullptr;
  }

  auto C = std::make_shared<RequirementCatalog>();
  std::string Schema;
  if (!R.string(Doc, "schema", "top level", Schema))
    return nullptr;
  if (Schema != "appsec-tidy/requirement-catalog/v1") {
    R.fail("top level", "key 'schema' must be \"appsec-tidy/requirement-catalog/v1\", found \"" +
                            Schema + "\"");
    return nullptr;
  }
  if (!R.string(Doc, "name", "top level", C->Name) ||
      !R.string(Doc, "label", "top level", C->Label) ||
      !R.string(Doc, "version", "top level", C->Version) ||
      !R.string(Doc, "source", "top level", C->Source, /*Required=*/false) ||
      !R.stringList(Doc, "categories", "top level", C->Categories))
    return nullptr;

  auto ReqsIt = Doc.find("requirements");
  if (ReqsIt == Doc.end() || !ReqsIt->is_array()) {
    R.fail("top level", "key 'requirements' must be an array of objects");
    return nullptr;
  }
  std::set<std::string> Seen;
  for (size_t I = 0; I < ReqsIt->size(); ++I) {
    const json &E = (*ReqsIt)[I];
    std::string Where = "requirements[" + std::to_string(I) + "]";
    if (!E.is_object()) {
      R.fail(Where, std::string("expected an object, found ") + E.type_name());
      return nullptr;
    }
    Requirement Req;
    if (!R.string(E, "id", Where, Req.Id))
      return nullptr;
    Where += " (id \"" + Req.Id + "\")";
    if (!Seen.insert(Req.Id).second) {
      R.fail(Where, "duplicate requirement id");
      return nullptr;
    }
    std::string Checkable;
    if (!R.string(E, "category", Where, Req.Category) ||
        !R.string(E, "title", Where, Req.Title) ||
        !R.string(E, "summary", Where, Req.Summary) ||
        !R.string(E, "source", Where, Req.Source, /*Required=*/false) ||
        !R.string(E, "staticallyCheckable", Where, Checkable) ||
        !R.string(E, "coverage", Where, Req.CoverageNote) ||
        !R.stringList(E, "checks", Where, Req.Checks))
      return nullptr;
    bool KnownCategory = false;
    for (const std::string &Cat : C->Categories)
      KnownCategory |= Cat == Req.Category;
    if (!KnownCategory) {
      R.fail(Where, "key 'category' is \"" + Req.Category +
                        "\", which is not listed in 'categories'");
      return nullptr;
    }
    if (!parseCheckability(Checkable, Req.Checkable)) {
      R.fail(Where, "key 'staticallyCheckable' must be \"yes\", \"partly\" or "
                    "\"no\", found \"" + Checkable + "\"");
      return nullptr;
    }
    if (Req.Checkable == Checkability::No && !Req.Checks.empty()) {
      R.fail(Where, "lists checks but says it is not statically checkable");
      return nullptr;
    }
    for (const std::string &Check : Req.Checks)
      if (Check.rfind("appsec-", 0) != 0) {
        R.fail(Where, "key 'checks' names \"" + Check +
                          "\"; check names start with \"appsec-\"");
        return nullptr;
      }
    C->Requirements.push_back(std::move(Req));
  }
  return C;
}

std::shared_ptr<const RequirementCatalog>
RequirementCatalog::load(const std::string &Path, std::string &Error) {
  static std::mutex Lock;
  static std::map<std::string, std::shared_ptr<const RequirementCatalog>> Cache;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Cache.find(Path);
  if (It != Cache.end())
    return It->second;
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Error = Path + ": cannot open requirement catalog file";
    return nullptr;
  }
  std::stringstream Buf;
  Buf << In.rdbuf();
  auto C = parse(Buf.str(), Path, Error);
  if (C)
    Cache[Path] = C;
  return C;
}

std::shared_ptr<const RequirementCatalog> RequirementCatalog::builtin() {
  static std::shared_ptr<const RequirementCatalog> Builtin = [] {
    std::string Error;
    auto Text = embeddedFile("atlassian-cloud-2022.json");
    auto C = Text ? parse(*Text, "<builtin>/atlassian-cloud-2022.json", Error)
                  : nullptr;
    // The build embeds this file and a unit test parses it; failing here is a
    // packaging bug, so keep going with an empty catalog rather than abort.
    return C ? C : std::make_shared<const RequirementCatalog>();
  }();
  return Builtin;
}

const Requirement *RequirementCatalog::find(std::string_view Id) const {
  for (const Requirement &R : Requirements)
    if (R.Id == Id)
      return &R;
  return nullptr;
}

std::vector<const Requirement *>
RequirementCatalog::requirementsFor(std::string_view CheckName) const {
  std::vector<const Requirement *> Out;
  for (const Requirement &R : Requirements)
    for (const std::string &C : R.Checks)
      if (C == CheckName) {
        Out.push_back(&R);
        break;
      }
  return Out;
}

} // namespace appsec
