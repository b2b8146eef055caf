#include "tls/TlsSettings.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace appsec::tls {

namespace {
// prov_ssl.h
constexpr int64_t Ssl3Version = 0x0300;
constexpr int64_t Tls1Version = 0x0301;
constexpr int64_t Tls11Version = 0x0302;
constexpr int64_t Tls12Version = 0x0303;
constexpr int64_t Dtls1Version = 0xFEFF;
constexpr int64_t Dtls1BadVersion = 0x0100; // pre-RFC DTLS, DTLS1_BAD_VER
// curl.h: CURL_SSLVERSION_TLSv1_2
constexpr int64_t CurlTls12 = 6;
} // namespace

bool isWeakOpenSslVersion(int64_t V) {
  if (V == 0)
    return false;
  if (V == Dtls1Version || V == Dtls1BadVersion)
    return true;
  if (V >= 0xFE00) // DTLS numbers count down: DTLS 1.2 is 0xFEFD
    return false;
  return V < Tls12Version;
}

std::string openSslVersionName(int64_t V) {
  switch (V) {
  case 0x0002:
    return "SSL 2.0";
  case Ssl3Version:
    return "SSL 3.0";
  case Tls1Version:
    return "TLS 1.0";
  case Tls11Version:
    return "TLS 1.1";
  case Dtls1Version:
  case Dtls1BadVersion:
    return "DTLS 1.0";
  default:
    return "version 0x" + llvm::utohexstr(static_cast<uint64_t>(V));
  }
}

bool CurlSslVersion::weakMinimum() const { return Min != 0 && Min < CurlTls12; }

// CURL_SSLVERSION_MAX_TLSv1_0 and _TLSv1_1 (4 and 5 in the high half); 0 is
// "no maximum" and 1 "the library default".
bool CurlSslVersion::weakMaximum() const { return Max >= 2 && Max < CurlTls12; }

CurlSslVersion decodeCurlSslVersion(int64_t Value) {
  CurlSslVersion V;
  V.Min = Value & 0xFFFF;
  V.Max = (Value >> 16) & 0xFFFF;
  return V;
}

bool isLegacyBoostMethod(llvm::StringRef N) {
  // Exact names: "sslv23" (generic, negotiates the best version) must not
  // match "sslv2".
  for (llvm::StringRef Proto : {"sslv2", "sslv3", "tlsv1", "tlsv11"})
    for (llvm::StringRef Side : {"", "_client", "_server"})
      if (N == (Proto + Side).str())
        return true;
  return false;
}

bool isLegacyPocoUsage(llvm::StringRef N) {
  return N == "TLSV1_CLIENT_USE" || N == "TLSV1_SERVER_USE" ||
         N == "TLSV1_1_CLIENT_USE" || N == "TLSV1_1_SERVER_USE";
}

bool isLegacyPocoProtocol(llvm::StringRef N) {
  return N == "PROTO_SSLV2" || N == "PROTO_SSLV3" || N == "PROTO_TLSV1" ||
         N == "PROTO_TLSV1_1";
}

namespace {
/// A literal as the user writes it: 0, 0L, 0x00, 1UL, true, false.
bool isLiteralSpelling(llvm::StringRef S) {
  if (S == "true" || S == "false")
    return true;
  if (S.empty() || !llvm::isDigit(S.front()))
    return false;
  return S.find_first_not_of("0123456789abcdefABCDEFxXuUlL'") == llvm::StringRef::npos;
}

bool isIdentifier(llvm::StringRef S) {
  if (S.empty() || !(llvm::isAlpha(S.front()) || S.front() == '_'))
    return false;
  return llvm::all_of(S, [](char C) { return llvm::isAlnum(C) || C == '_'; });
}
} // namespace

std::optional<ValueSpelling>
replaceableSpelling(const Expr *E, const ASTContext &Ctx,
                    bool (*IsLibraryName)(llvm::StringRef)) {
  if (!E)
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  // makeFileCharRange succeeds only when the expression starts and ends at
  // macro boundaries: written directly, as a whole macro argument, or as a
  // whole macro expansion.
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, Ctx.getLangOpts());
  if (R.isInvalid() || !SM.isWrittenInMainFile(R.getBegin()))
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(R, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid || Text != Text.trim())
    return std::nullopt;
  ValueSpelling S;
  S.Range = R;
  if (isLiteralSpelling(Text)) {
    S.IsLiteral = true;
    return S;
  }
  // A qualified library name: boost::asio::ssl::verify_none, Context::VERIFY_NONE.
  auto [Qualifier, Last] = Text.rsplit("::");
  if (Last.empty()) {
    Last = Text;
    Qualifier = "";
  } else {
    llvm::StringRef Q = Qualifier;
    Q.consume_front("::");
    for (llvm::StringRef Part = Q; !Part.empty();) {
      auto [Head, Tail] = Part.split("::");
      if (!isIdentifier(Head))
        return std::nullopt;
      Part = Tail;
    }
    S.Qualifier = (Qualifier + "::").str();
  }
  if (!IsLibraryName || !isIdentifier(Last) || !IsLibraryName(Last))
    return std::nullopt;
  return S;
}

std::optional<FixItHint> replaceValue(const Expr *E, const ASTContext &Ctx,
                                      llvm::StringRef LiteralWith,
                                      llvm::StringRef NameWith,
                                      bool (*IsLibraryName)(llvm::StringRef)) {
  std::optional<ValueSpelling> S = replaceableSpelling(E, Ctx, IsLibraryName);
  if (!S || (S->IsLiteral ? LiteralWith.empty() : NameWith.empty()))
    return std::nullopt;
  std::string With = S->IsLiteral ? LiteralWith.str() : S->Qualifier + NameWith.str();
  return FixItHint::CreateReplacement(S->Range, With);
}

} // namespace appsec::tls
