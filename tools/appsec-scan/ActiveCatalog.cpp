//===- ActiveCatalog.cpp - the requirement catalog(s) a scan reports against ===//
#include "ActiveCatalog.h"

#include "CheckList.h"

#include "clang-tidy/GlobList.h"

namespace appsec::scan {

static const char OptionName[] = "AppSecRequirementCatalog";

CatalogSelection CatalogSelection::builtinOnly() {
  CatalogSelection S;
  S.Global = RequirementCatalog::builtin();
  S.GlobalOrigin = "built-in atlassian-cloud-2022.json";
  return S;
}

std::optional<CatalogSelection>
CatalogSelection::fromOptions(const clang::tidy::ClangTidyOptions &Opts, std::string &Error) {
  CatalogSelection S = builtinOnly();
  auto Load = [&](const std::string &Path) -> std::shared_ptr<const RequirementCatalog> {
    std::string LoadError;
    auto C = RequirementCatalog::load(Path, LoadError);
    if (!C)
      Error = "invalid requirement catalog (option " + std::string(OptionName) + "): " + LoadError;
    return C;
  };
  auto GlobalIt = Opts.CheckOptions.find(OptionName);
  if (GlobalIt != Opts.CheckOptions.end() && !GlobalIt->getValue().Value.empty()) {
    S.Global = Load(GlobalIt->getValue().Value);
    if (!S.Global)
      return std::nullopt;
    S.GlobalOrigin = GlobalIt->getValue().Value;
  }
  // <check>.AppSecRequirementCatalog: clang-tidy looks the local name up first.
  std::string Suffix = std::string(".") + OptionName;
  for (const auto &Entry : Opts.CheckOptions) {
    llvm::StringRef Key = Entry.getKey();
    if (!Key.ends_with(Suffix))
      continue;
    std::string Check = Key.drop_back(Suffix.size()).str();
    const std::string &Path = Entry.getValue().Value;
    std::shared_ptr<const RequirementCatalog> C =
        Path.empty() ? RequirementCatalog::builtin() : Load(Path);
    if (!C)
      return std::nullopt;
    S.PerCheck[Check] = C;
  }
  return S;
}

const RequirementCatalog &CatalogSelection::forCheck(llvm::StringRef Check) const {
  auto It = PerCheck.find(Check.str());
  return It != PerCheck.end() ? *It->second : *Global;
}

std::set<std::string> CatalogSelection::checksWithOwnCatalog() const {
  std::set<std::string> Out;
  for (const auto &[Check, C] : PerCheck)
    if (C != Global)
      Out.insert(Check);
  return Out;
}

std::set<std::string> enabledAppSecChecks(const clang::tidy::ClangTidyOptions &Opts) {
  std::set<std::string> Out;
  clang::tidy::GlobList Globs(Opts.Checks ? *Opts.Checks : "appsec-*");
  for (const auto &C : clang::tidy::appsec::allChecks())
    if (Globs.contains(C.Name))
      Out.insert(std::string(C.Name));
  return Out;
}

} // namespace appsec::scan
