#include "support/FormatConversions.h"

namespace appsec {

std::vector<char> formatConversions(llvm::StringRef Format) {
  std::vector<char> Out;
  for (size_t I = 0; I < Format.size(); ++I) {
    if (Format[I] != '%')
      continue;
    ++I;
    if (I < Format.size() && Format[I] == '%')
      continue;
    // Flags (sqlite3 adds '!' and ','), width, precision, length.
    while (I < Format.size() && llvm::StringRef("-+ #0'!,").contains(Format[I]))
      ++I;
    auto number = [&] {
      if (I < Format.size() && Format[I] == '*') {
        Out.push_back('*');
        ++I;
        return;
      }
      while (I < Format.size() && Format[I] >= '0' && Format[I] <= '9')
        ++I;
    };
    number();
    if (I < Format.size() && Format[I] == '.') {
      ++I;
      number();
    }
    while (I < Format.size() && llvm::StringRef("hlLqjzt").contains(Format[I]) &&
           // sqlite3's %q and %z are conversions, not lengths, when last.
           !(llvm::StringRef("qz").contains(Format[I]) &&
             (I + 1 >= Format.size() || !llvm::StringRef("diouxXn").contains(Format[I + 1]))))
      ++I;
    if (I < Format.size())
      Out.push_back(Format[I]);
  }
  return Out;
}

} // namespace appsec
