#include "support/IdentifierWords.h"

#include <cctype>

namespace appsec {

llvm::SmallVector<std::string, 6> identifierWords(llvm::StringRef Name) {
  llvm::SmallVector<std::string, 6> Words;
  std::string Cur;
  auto flush = [&] {
    if (!Cur.empty())
      Words.push_back(std::move(Cur));
    Cur.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!std::isalnum(static_cast<unsigned char>(C))) {
      flush();
      continue;
    }
    bool Upper = std::isupper(static_cast<unsigned char>(C));
    if (Upper && !Cur.empty()) {
      char Prev = Name[I - 1];
      bool NextLower = I + 1 < Name.size() && std::islower(static_cast<unsigned char>(Name[I + 1]));
      // fooBar: a new word at B; APIKey: a new word at K (an upper after
      // uppers, followed by a lower).
      if (std::islower(static_cast<unsigned char>(Prev)) ||
          std::isdigit(static_cast<unsigned char>(Prev)) ||
          (std::isupper(static_cast<unsigned char>(Prev)) && NextLower))
        flush();
    }
    Cur.push_back(char(std::tolower(static_cast<unsigned char>(C))));
  }
  flush();
  return Words;
}

} // namespace appsec
