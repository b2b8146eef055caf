#include "summaries/SummaryStore.h"

#include "support/JsonErrors.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Mangle.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <mutex>

using namespace clang;
using nlohmann::json;

namespace appsec {

std::string linkageKey(const FunctionDecl *FD) {
  if (!FD || FD->isDependentContext() || FD->isInvalidDecl() || !FD->isExternallyVisible())
    return "";
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && M->getParent()->isLambda())
    return "";
  ASTContext &Ctx = FD->getASTContext();
  std::unique_ptr<MangleContext> MC(Ctx.createMangleContext());
  GlobalDecl GD(FD);
  if (const auto *C = dyn_cast<CXXConstructorDecl>(FD))
    GD = GlobalDecl(C, Ctor_Complete);
  else if (const auto *D = dyn_cast<CXXDestructorDecl>(FD))
    GD = GlobalDecl(D, Dtor_Complete);
  if (!MC->shouldMangleDeclName(FD))
    return FD->getIdentifier() ? FD->getName().str() : "";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  MC->mangleName(GD, OS);
  return OS.str();
}

std::string linkageKey(const VarDecl *V) {
  if (!V || !V->hasGlobalStorage() || V->isInvalidDecl() || V->getDeclContext()->isDependentContext() ||
      !V->hasExternalFormalLinkage())
    return "";
  std::unique_ptr<MangleContext> MC(V->getASTContext().createMangleContext());
  if (!MC->shouldMangleDeclName(V))
    return V->getName().str();
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  MC->mangleName(GlobalDecl(V), OS);
  return OS.str();
}

namespace {

// ---- masks as names ----------------------------------------------------------

json labelsToJson(LabelMask M) {
  json A = json::array();
  for (unsigned I = 0; I < unsigned(Label::Count); ++I)
    if (M & (1u << I)) {
      std::string_view K = labelKey(Label(I));
      A.push_back(K.empty() ? "user:" + std::to_string(I - unsigned(Label::User0)) : std::string(K));
    }
  return A;
}

LabelMask labelsFromJson(const json &J) {
  LabelMask M = 0;
  for (const json &E : J) {
    std::string K = E.get<std::string>();
    if (llvm::StringRef(K).starts_with("user:")) {
      unsigned N = 0;
      if (llvm::StringRef(K).drop_front(5).getAsInteger(10, N) || N >= MaxUserLabels)
        throw std::runtime_error("unknown label '" + K + "'");
      M |= maskOf(Label(unsigned(Label::User0) + N));
    } else if (auto L = labelFromKey(K)) {
      M |= maskOf(*L);
    } else {
      throw std::runtime_error("unknown label '" + K + "'");
    }
  }
  return M;
}

json categoriesToJson(CategoryMask M) {
  json A = json::array();
  for (unsigned I = 0; I < unsigned(SinkCategory::Count); ++I)
    if (M & (1u << I))
      A.push_back(std::string(categoryKey(SinkCategory(I))));
  return A;
}

CategoryMask categoriesFromJson(const json &J) {
  CategoryMask M = 0;
  for (const json &E : J) {
    std::string K = E.get<std::string>();
    auto C = categoryFromKey(K);
    if (!C)
      throw std::runtime_error("unknown sink category '" + K + "'");
    M |= maskOf(*C);
  }
  return M;
}

// ---- argument positions and inferred models ----------------------------------

std::string specToText(const ArgSpec &A) {
  switch (A.K) {
  case ArgSpec::Arg:
    return "arg" + std::to_string(A.Index);
  case ArgSpec::ArgsFrom:
    return "args" + std::to_string(A.Index) + "..";
  case ArgSpec::This:
    return "this";
  case ArgSpec::Return:
    return "return";
  }
  return "";
}

ArgSpec specFromText(const std::string &T) {
  llvm::StringRef R(T);
  unsigned I = 0;
  if (R == "this")
    return {ArgSpec::This, 0};
  if (R == "return")
    return {ArgSpec::Return, 0};
  if (R.consume_front("args") && R.consume_back("..") && !R.getAsInteger(10, I))
    return {ArgSpec::ArgsFrom, I};
  R = T;
  if (R.consume_front("arg") && !R.getAsInteger(10, I))
    return {ArgSpec::Arg, I};
  throw std::runtime_error("bad argument position '" + T + "'");
}

json specsToJson(const std::vector<ArgSpec> &V) {
  json A = json::array();
  for (const ArgSpec &S : V)
    A.push_back(specToText(S));
  return A;
}

std::vector<ArgSpec> specsFromJson(const json &J) {
  std::vector<ArgSpec> V;
  for (const json &E : J)
    V.push_back(specFromText(E.get<std::string>()));
  return V;
}

json validatorToJson(const ValidatorModel &M) {
  json V = json::object();
  V["categories"] = categoriesToJson(M.Categories);
  V["validates"] = specsToJson(M.Validates);
  V["validWhenTrue"] = M.ValidWhenTrue;
  if (M.FailureValue)
    V["failureValue"] = *M.FailureValue;
  return V;
}

ValidatorModel validatorFromJson(const json &V) {
  ValidatorModel M;
  M.Categories = categoriesFromJson(V.at("categories"));
  M.Validates = specsFromJson(V.at("validates"));
  M.ValidWhenTrue = V.at("validWhenTrue").get<bool>();
  if (V.contains("failureValue"))
    M.FailureValue = V.at("failureValue").get<int64_t>();
  return M;
}

/// Only what body inference produces: validators, and sanitizers without
/// conditions.
json modelsToJson(const FunctionModels &M) {
  json J = json::object();
  json Vs = json::array();
  for (const ValidatorModel &V : M.Validators)
    Vs.push_back(validatorToJson(V));
  json Zs = json::array();
  for (const SanitizerModel &Z : M.Sanitizers) {
    if (Z.When)
      continue;
    json E = json::object();
    E["categories"] = categoriesToJson(Z.Categories);
    E["from"] = specsToJson(Z.From);
    E["to"] = specsToJson(Z.To);
    if (Z.Canonicalizes)
      E["canonicalizes"] = true;
    Zs.push_back(std::move(E));
  }
  if (!Vs.empty())
    J["validators"] = std::move(Vs);
  if (!Zs.empty())
    J["sanitizers"] = std::move(Zs);
  return J;
}

FunctionModels modelsFromJson(const json &J) {
  FunctionModels M;
  if (J.contains("validators"))
    for (const json &V : J.at("validators"))
      M.Validators.push_back(validatorFromJson(V));
  if (J.contains("sanitizers"))
    for (const json &E : J.at("sanitizers")) {
      SanitizerModel Z;
      Z.Categories = categoriesFromJson(E.at("categories"));
      Z.From = specsFromJson(E.at("from"));
      Z.To = specsFromJson(E.at("to"));
      Z.Canonicalizes = E.value("canonicalizes", false);
      M.Sanitizers.push_back(std::move(Z));
    }
  return M;
}

// ---- facts -------------------------------------------------------------------

json factToJson(const TaintFact &F) {
  json J = json::object();
  if (F.Labels)
    J["labels"] = labelsToJson(F.Labels);
  if (F.Params)
    J["params"] = F.Params;
  if (F.ParamAdds)
    J["adds"] = labelsToJson(F.ParamAdds);
  if (F.ParamClears)
    J["clears"] = labelsToJson(F.ParamClears);
  if (F.Sanitized)
    J["sanitized"] = categoriesToJson(F.Sanitized);
  if (F.CleanParams && F.CleanCats) {
    J["cleanParams"] = F.CleanParams;
    J["cleanSanitized"] = categoriesToJson(F.CleanCats);
  }
  if (F.LabelCleanCats)
    J["labelSanitized"] = categoriesToJson(F.LabelCleanCats);
  if (F.Canonical)
    J["canonical"] = true;
  if (F.HostFixed)
    J["hostFixed"] = true;
  return J;
}

TaintFact factFromJson(const json &J) {
  TaintFact F;
  if (J.contains("labels"))
    F.Labels = labelsFromJson(J.at("labels"));
  F.Params = J.value("params", ParamMask(0));
  if (J.contains("adds"))
    F.ParamAdds = labelsFromJson(J.at("adds"));
  if (J.contains("clears"))
    F.ParamClears = labelsFromJson(J.at("clears"));
  if (J.contains("sanitized"))
    F.Sanitized = categoriesFromJson(J.at("sanitized"));
  if (J.contains("cleanSanitized")) {
    F.CleanParams = J.value("cleanParams", ParamMask(0));
    F.CleanCats = categoriesFromJson(J.at("cleanSanitized"));
  }
  if (J.contains("labelSanitized"))
    F.LabelCleanCats = categoriesFromJson(J.at("labelSanitized"));
  F.Canonical = J.value("canonical", false);
  F.HostFixed = J.value("hostFixed", false);
  return F;
}

std::string placeOf(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return "";
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "";
  return (llvm::sys::path::filename(P.getFilename()) + ":" + llvm::Twine(P.getLine())).str();
}

json summaryToJson(const FunctionSummary &S, const SourceManager &SM) {
  json J = json::object();
  if (S.Return.tainted())
    J["return"] = factToJson(S.Return);
  if (!S.OutParams.empty()) {
    json O = json::object();
    for (const auto &[I, F] : S.OutParams)
      if (F.tainted())
        O[I == FunctionSummary::ThisIndex ? "this" : std::to_string(I)] = factToJson(F);
    if (!O.empty())
      J["out"] = O;
  }
  json Sinks = json::array();
  for (const SinkHit &H : S.Sinks) {
    json K = json::object();
    K["params"] = H.Params;
    if (H.Labels)
      K["labels"] = labelsToJson(H.Labels);
    if (H.ParamAdds)
      K["adds"] = labelsToJson(H.ParamAdds);
    if (H.ParamClears)
      K["clears"] = labelsToJson(H.ParamClears);
    if (H.Sanitized)
      K["sanitized"] = categoriesToJson(H.Sanitized);
    K["category"] = std::string(categoryKey(H.Category));
    K["sink"] = H.SinkName;
    K["what"] = H.What;
    K["at"] = H.Where.empty() ? placeOf(H.Loc, SM) : H.Where;
    if (H.StatementOf != SinkHit::NoStatement)
      K["statementOf"] = H.StatementOf;
    Sinks.push_back(std::move(K));
  }
  if (!Sinks.empty())
    J["sinks"] = std::move(Sinks);
  if (!S.SanitizesParam.empty()) {
    json Z = json::object();
    for (const auto &[I, C] : S.SanitizesParam)
      Z[std::to_string(I)] = categoriesToJson(C);
    J["sanitizesParams"] = std::move(Z);
  }
  if (S.VerifiesRequestToken)
    J["verifiesRequestToken"] = true;
  if (S.VerifiesParams)
    J["verifiesParams"] = S.VerifiesParams;
  if (S.Verifier)
    J["verifier"] = validatorToJson(*S.Verifier);
  if (S.Validator)
    J["validator"] = validatorToJson(*S.Validator);
  if (!S.GlobalInputs.empty())
    J["globals"] = S.GlobalInputs;
  for (const FieldInput &F : S.FieldInputs)
    J["fields"].push_back({{"param", F.Param}, {"path", F.Names}});
  if (!S.Complete)
    J["incomplete"] = true;
  return J;
}

FunctionSummary summaryFromJson(const json &J) {
  FunctionSummary S;
  if (J.contains("return"))
    S.Return = factFromJson(J.at("return"));
  if (J.contains("out"))
    for (const auto &[K, F] : J.at("out").items()) {
      unsigned I = FunctionSummary::ThisIndex;
      if (K != "this" && llvm::StringRef(K).getAsInteger(10, I))
        throw std::runtime_error("bad out-parameter '" + K + "'");
      S.OutParams[I] = factFromJson(F);
    }
  if (J.contains("sinks"))
    for (const json &K : J.at("sinks")) {
      SinkHit H;
      H.Params = K.at("params").get<ParamMask>();
      if (K.contains("labels"))
        H.Labels = labelsFromJson(K.at("labels"));
      if (K.contains("adds"))
        H.ParamAdds = labelsFromJson(K.at("adds"));
      if (K.contains("clears"))
        H.ParamClears = labelsFromJson(K.at("clears"));
      if (K.contains("sanitized"))
        H.Sanitized = categoriesFromJson(K.at("sanitized"));
      std::string Cat = K.at("category").get<std::string>();
      auto C = categoryFromKey(Cat);
      if (!C)
        throw std::runtime_error("unknown sink category '" + Cat + "'");
      H.Category = *C;
      H.SinkName = K.at("sink").get<std::string>();
      H.What = K.at("what").get<std::string>();
      H.Where = K.at("at").get<std::string>();
      H.StatementOf = K.value("statementOf", SinkHit::NoStatement);
      if (H.StatementOf < SinkHit::NoStatement || H.StatementOf >= int(MaxLabelledParams))
        throw std::runtime_error("bad statementOf " + std::to_string(H.StatementOf));
      S.Sinks.push_back(std::move(H));
    }
  if (J.contains("sanitizesParams"))
    for (const auto &[K, C] : J.at("sanitizesParams").items()) {
      unsigned I = 0;
      if (llvm::StringRef(K).getAsInteger(10, I))
        throw std::runtime_error("bad parameter '" + K + "'");
      S.SanitizesParam[I] = categoriesFromJson(C);
    }
  S.VerifiesRequestToken = J.value("verifiesRequestToken", false);
  S.VerifiesParams = J.value("verifiesParams", ParamMask(0));
  if (J.contains("verifier"))
    S.Verifier = validatorFromJson(J.at("verifier"));
  if (J.contains("validator"))
    S.Validator = validatorFromJson(J.at("validator"));
  if (J.contains("globals"))
    S.GlobalInputs = J.at("globals").get<std::vector<std::string>>();
  if (S.GlobalInputs.size() > MaxGlobalInputs)
    throw std::runtime_error("more than " + std::to_string(MaxGlobalInputs) + " globals");
  if (J.contains("fields"))
    for (const json &F : J.at("fields")) {
      FieldInput In;
      In.Param = F.at("param").get<unsigned>();
      In.Names = F.at("path").get<std::vector<std::string>>();
      if ((In.Param >= MaxLabelledParams && In.Param != FunctionSummary::ThisIndex) ||
          In.Names.empty() || In.Names.size() > 3 /* LocKey::MaxFields */)
        throw std::runtime_error("a field input that names no parameter field");
      S.FieldInputs.push_back(std::move(In));
    }
  if (S.FieldInputs.size() > MaxFieldInputs)
    throw std::runtime_error("more than " + std::to_string(MaxFieldInputs) + " field inputs");
  S.Complete = !J.value("incomplete", false);
  return S;
}

// ---- the per-directory cache -------------------------------------------------

struct CachedStore {
  /// Each file's path, size and modification time when it was read.
  std::vector<std::tuple<std::string, uint64_t, int64_t>> Stamp;
  std::shared_ptr<const SummaryStore> Store;
  std::string Warning;
};

std::mutex CacheLock;
std::map<std::string, CachedStore> &cache() {
  static std::map<std::string, CachedStore> C;
  return C;
}

} // namespace

std::string SummaryStore::unitFile(llvm::StringRef Dir, llvm::StringRef MainFile) {
  llvm::SHA1 H;
  H.update(MainFile);
  std::string Name = llvm::toHex(H.final()).substr(0, 16) + "-" +
                     llvm::sys::path::filename(MainFile).str() + ".json";
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Name);
  return std::string(P);
}

bool SummaryStore::write(llvm::StringRef Dir, const UnitSummaries &U, const SourceManager &SM,
                         std::string &Error) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = "cannot create the summary store " + Dir.str() + ": " + EC.message();
    return false;
  }
  json J = json::object();
  J["schema"] = "appsec-tidy/summaries";
  J["version"] = Version;
  J["unit"] = U.MainFile;
  json F = json::object();
  for (const auto &[K, S] : U.Functions)
    F[K] = summaryToJson(S, SM);
  J["functions"] = std::move(F);
  json M = json::object();
  for (const auto &[K, Models] : U.Models)
    if (json MJ = modelsToJson(Models); !MJ.empty())
      M[K] = std::move(MJ);
  if (!M.empty())
    J["models"] = std::move(M);
  J["verifying"] = U.Verifying;
  if (U.ServesRequests)
    J["servesRequests"] = true;
  J["imports"] = U.Imports;
  std::string Path = unitFile(Dir, U.MainFile);
  // Write aside and rename: a reader never sees half a file, and two jobs
  // writing the same unit leave one whole file.
  llvm::SmallString<256> Tmp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Path + ".%%%%%%.tmp", FD, Tmp)) {
    Error = "cannot write to the summary store " + Dir.str() + ": " + EC.message();
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << J.dump();
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Path)) {
    llvm::sys::fs::remove(Tmp);
    Error = "cannot write " + Path + ": " + EC.message();
    return false;
  }
  return true;
}

std::shared_ptr<const SummaryStore> SummaryStore::open(llvm::StringRef Dir, std::string &Warning) {
  std::vector<std::tuple<std::string, uint64_t, int64_t>> Stamp;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC)) {
    if (!llvm::StringRef(It->path()).ends_with(".json"))
      continue;
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(It->path(), St))
      continue;
    Stamp.emplace_back(It->path(), St.getSize(),
                       St.getLastModificationTime().time_since_epoch().count());
  }
  llvm::sort(Stamp);
  std::lock_guard<std::mutex> Guard(CacheLock);
  CachedStore &C = cache()[Dir.str()];
  if (C.Store && C.Stamp == Stamp) {
    Warning = C.Warning;
    return C.Store;
  }
  auto Store = std::make_shared<SummaryStore>();
  std::vector<std::string> Bad;
  for (const auto &[Path, Size, Time] : Stamp) {
    (void)Size;
    (void)Time;
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    if (!Buf) {
      Bad.push_back(llvm::sys::path::filename(Path).str() + " (" + Buf.getError().message() + ")");
      continue;
    }
    json J = json::parse((*Buf)->getBuffer().begin(), (*Buf)->getBuffer().end(), nullptr, false);
    if (J.is_discarded() || !J.is_object()) {
      Bad.push_back(llvm::sys::path::filename(Path).str() + " (not JSON)");
      continue;
    }
    if (J.value("version", 0) != Version) {
      Bad.push_back(llvm::sys::path::filename(Path).str() + " (format version " +
                    std::to_string(J.value("version", 0)) + ", expected " +
                    std::to_string(Version) + ")");
      continue;
    }
    // One file is taken whole or not at all.
    std::map<std::string, FunctionSummary> Unit;
    std::map<std::string, FunctionModels> Models;
    std::vector<std::string> Verifying, Imports;
    try {
      if (J.contains("imports"))
        Imports = J.at("imports").get<std::vector<std::string>>();
      if (J.contains("verifying"))
        Verifying = J.at("verifying").get<std::vector<std::string>>();
      for (const auto &[K, S] : J.at("functions").items())
        Unit.emplace(K, summaryFromJson(S));
      if (J.contains("models"))
        for (const auto &[K, M] : J.at("models").items())
          Models.emplace(K, modelsFromJson(M));
    } catch (const json::exception &E) {
      Bad.push_back(llvm::sys::path::filename(Path).str() + " (" + jsonErrorMessage(E) + ")");
      continue;
    } catch (const std::exception &E) {
      Bad.push_back(llvm::sys::path::filename(Path).str() + " (" + E.what() + ")");
      continue;
    }
    for (auto &[K, S] : Unit)
      Store->Functions.emplace(K, std::move(S));
    for (auto &[K, M] : Models)
      Store->Models.emplace(K, std::move(M));
    Store->Verifying.insert(Verifying.begin(), Verifying.end());
    Store->Imported.insert(Imports.begin(), Imports.end());
    Store->ServesRequests |= J.value("servesRequests", false) == true;
  }
  C.Warning.clear();
  if (!Bad.empty()) {
    C.Warning = "the summary store " + Dir.str() + " has " + std::to_string(Bad.size()) +
                " unreadable file" + (Bad.size() == 1 ? "" : "s") + ", left out: " + Bad.front() +
                (Bad.size() > 1 ? ", ..." : "") +
                "; findings through the functions they describe are missing until the store is "
                "rebuilt (appsec-scan rebuilds it)";
  }
  C.Stamp = std::move(Stamp);
  C.Store = Store;
  Warning = C.Warning;
  return Store;
}

std::vector<SummaryStore::UnitRecord> SummaryStore::units(llvm::StringRef Dir) {
  std::vector<UnitRecord> Out;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC)) {
    if (!llvm::StringRef(It->path()).ends_with(".json"))
      continue;
    auto Buf = llvm::MemoryBuffer::getFile(It->path());
    if (!Buf)
      continue;
    json J = json::parse((*Buf)->getBuffer().begin(), (*Buf)->getBuffer().end(), nullptr, false);
    if (!J.is_object() || J.value("version", 0) != Version)
      continue;
    try {
      UnitRecord R;
      R.MainFile = J.at("unit").get<std::string>();
      const json &M = J.contains("models") ? J.at("models") : json::object();
      std::set<std::string> Verifying;
      if (J.contains("verifying"))
        for (const json &V : J.at("verifying"))
          Verifying.insert(V.get<std::string>());
      for (const auto &[K, S] : J.at("functions").items())
        R.Functions[K] = S.dump() + (M.contains(K) ? M.at(K).dump() : "") +
                         (Verifying.count(K) ? " verifies" : "");
      R.Imports = J.at("imports").get<std::vector<std::string>>();
      R.ServesRequests = J.value("servesRequests", false) == true;
      Out.push_back(std::move(R));
    } catch (const std::exception &) {
      continue;
    }
  }
  return Out;
}

const FunctionSummary *SummaryStore::find(llvm::StringRef Key) const {
  auto It = Functions.find(Key);
  return It == Functions.end() ? nullptr : &It->second;
}

std::optional<bool> SummaryStore::verifies(llvm::StringRef Key) const {
  if (!Functions.count(Key))
    return std::nullopt;
  return Verifying.count(Key) > 0;
}

const FunctionModels *SummaryStore::findModels(llvm::StringRef Key) const {
  auto It = Models.find(Key);
  return It == Models.end() ? nullptr : &It->second;
}

} // namespace appsec
