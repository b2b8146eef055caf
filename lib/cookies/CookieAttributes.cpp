#include "cookies/CookieAttributes.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace appsec {

void CookieAttributes::unknownRest() {
  for (Attribute *A : {&Secure, &HttpOnly, &SameSite})
    if (*A == Attribute::Absent)
      *A = Attribute::Unknown;
}

namespace {

constexpr char kHole = '\x01';

/// Marks Absent attributes that \p Text may set as Unknown.
void mayAlsoSet(CookieAttributes &C, llvm::StringRef Text) {
  std::string Lower = Text.lower();
  llvm::StringRef L(Lower);
  if (L.contains("secure") && C.Secure == Attribute::Absent)
    C.Secure = Attribute::Unknown;
  if (L.contains("httponly") && C.HttpOnly == Attribute::Absent)
    C.HttpOnly = Attribute::Unknown;
  if (L.contains("samesite") && C.SameSite == Attribute::Absent)
    C.SameSite = Attribute::Unknown;
}

} // namespace

CookieAttributes parseSetCookie(const StringPieces &Value) {
  CookieAttributes C;
  std::string Text = Value.joined(std::string(1, kHole));
  llvm::StringRef T = llvm::StringRef(Text).ltrim();
  if (T.starts_with_insensitive("set-cookie:"))
    T = T.drop_front(11).ltrim();
  // A header line ends the header; what follows is another.
  T = T.take_until([](char Ch) { return Ch == '\r' || Ch == '\n'; });
  // The value: the first run-time part after the name's '='.
  bool AfterEquals = false;
  for (const StringPiece &P : Value.Pieces) {
    if (P.Hole && AfterEquals) {
      C.Value = P.Hole;
      break;
    }
    llvm::StringRef PT(P.Text);
    if (PT.contains(';') && PT.find(';') < PT.find('='))
      break;
    AfterEquals |= PT.contains('=');
  }

  llvm::SmallVector<llvm::StringRef, 8> Parts;
  T.split(Parts, ';');
  llvm::StringRef First = Parts.front();
  auto [Name, Val] = First.split('=');
  Name = Name.trim();
  if (!Name.empty() && !Name.contains(kHole) && First.contains('=')) {
    C.Name = Name.str();
    C.NameKnown = true;
  }
  Val = Val.trim();
  if (First.contains('=') && Val.empty())
    C.Clears = true;
  // Where a run-time part may hold attributes: text that starts with one
  // (no literal name=), several in a value that no literal ';' follows
  // ("sid=" + id + suffix), or one at the very end after the attributes
  // (unless it is the value of the last one, "; Domain=" + domain).
  if (!First.contains('=') || (Parts.size() == 1 && Val.count(kHole) > 1))
    C.unknownRest();
  if (Parts.size() > 1 && T.ends_with(std::string(1, kHole))) {
    llvm::StringRef LastKey = Parts.back().split('=').first.trim();
    if (!Parts.back().contains('=') || LastKey.contains(kHole))
      C.unknownRest();
  }

  for (llvm::StringRef Part : llvm::ArrayRef(Parts).drop_front()) {
    Part = Part.trim();
    auto [Key, Arg] = Part.split('=');
    Key = Key.trim();
    Arg = Arg.trim();
    if (Key.contains(kHole)) { // an attribute chosen at run time
      C.unknownRest();
      continue;
    }
    if (Key.equals_insensitive("secure"))
      C.Secure = Attribute::Present;
    else if (Key.equals_insensitive("httponly"))
      C.HttpOnly = Attribute::Present;
    else if (Key.equals_insensitive("samesite")) {
      if (Arg.contains(kHole)) {
        if (C.SameSite == Attribute::Absent)
          C.SameSite = Attribute::Unknown;
      } else {
        C.SameSite = Attribute::Present;
        C.SameSiteNone = Arg.equals_insensitive("none");
      }
    } else if (Key.equals_insensitive("max-age")) {
      if (Arg == "0" || Arg.starts_with("-"))
        C.Clears = true;
    } else if (Key.equals_insensitive("expires")) {
      if (Arg.contains("1970"))
        C.Clears = true;
    }
  }
  for (const std::string &Other : Value.Elsewhere)
    mayAlsoSet(C, Other);
  return C;
}

} // namespace appsec
