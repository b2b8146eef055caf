//===- Baseline.cpp - earlier findings to leave out (--baseline) --------===//
#include "Baseline.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

namespace appsec::scan {

using json = nlohmann::ordered_json;

std::string displayPathOfUri(const std::string &Uri) {
  llvm::StringRef U(Uri);
  if (U.consume_front("file://") && U.starts_with("//"))
    U = U.drop_front(); // never written, but tolerate file:////x
  std::string Out;
  for (size_t I = 0; I < U.size(); ++I) {
    if (U[I] == '%' && I + 2 < U.size() && llvm::isHexDigit(U[I + 1]) &&
        llvm::isHexDigit(U[I + 2])) {
      Out += static_cast<char>(llvm::hexFromNibbles(U[I + 1], U[I + 2]));
      I += 2;
    } else {
      Out += U[I];
    }
  }
  return Out;
}

std::string baselineKey(const std::string &RuleId, const std::string &DisplayPath,
                        const std::string &Fingerprint) {
  return RuleId + "\n" + DisplayPath + "\n" + Fingerprint;
}

static void loadSarif(const json &J, std::set<std::string> &Keys) {
  for (const json &Run : J.at("runs")) {
    if (!Run.contains("results"))
      continue;
    for (const json &Res : Run.at("results")) {
      std::string Rule = Res.value("ruleId", "");
      std::string Uri;
      if (Res.contains("locations") && !Res["locations"].empty())
        Uri = Res["locations"][0].at("physicalLocation").at("artifactLocation").value("uri", "");
      std::string Fp;
      if (Res.contains("partialFingerprints"))
        Fp = Res["partialFingerprints"].value("primaryLocationLineHash", "");
      if (!Fp.empty())
        Keys.insert(baselineKey(Rule, displayPathOfUri(Uri), Fp));
    }
  }
}

static void loadReport(const json &J, std::set<std::string> &Keys) {
  for (const json &F : J.at("findings")) {
    std::string Fp = F.value("fingerprint", "");
    if (!Fp.empty())
      Keys.insert(baselineKey(F.value("check", ""), F.value("file", ""), Fp));
  }
}

bool loadBaseline(const std::string &Path, std::set<std::string> &Keys, std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = "cannot read baseline " + Path + ": " + Buf.getError().message();
    return false;
  }
  return parseBaseline((*Buf)->getBuffer(), Path, Keys, Error);
}

bool parseBaseline(llvm::StringRef Text, const std::string &Path, std::set<std::string> &Keys,
                   std::string &Error) {
  json J = json::parse(Text.begin(), Text.end(), nullptr, /*allow_exceptions=*/false);
  bool Sarif = J.is_object() && J.contains("runs") && J["runs"].is_array();
  bool Report = J.is_object() && J.contains("findings") && J["findings"].is_array() &&
                J.contains("schemaVersion");
  if (J.is_discarded() || (!Sarif && !Report)) {
    Error = "baseline " + Path +
            " is not a SARIF log (a JSON object with \"runs\") or an appsec-scan JSON report "
            "(with \"schemaVersion\" and \"findings\")";
    return false;
  }
  try {
    if (Sarif)
      loadSarif(J, Keys);
    else
      loadReport(J, Keys);
  } catch (const json::exception &E) {
    Error = "baseline " + Path + " has a malformed " + (Sarif ? "result" : "finding") + ": " +
            E.what();
    return false;
  }
  return true;
}

size_t applyBaseline(ScanResult &R, const std::set<std::string> &Keys) {
  size_t Before = R.Findings.size();
  llvm::erase_if(R.Findings, [&](const Finding &F) {
    return Keys.count(baselineKey(F.Check, displayPath(F.Pos.File, R.SourceRoot),
                                  F.Fingerprint)) != 0;
  });
  R.SuppressedByBaseline += Before - R.Findings.size();
  return Before - R.Findings.size();
}

} // namespace appsec::scan
