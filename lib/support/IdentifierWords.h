//===- IdentifierWords.h - the words of an identifier or key ------------===//
#pragma once

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace appsec {

/// Lower-case words of an identifier or key: `sharedSecret` -> shared,
/// secret; `X-Api-Key` -> x, api, key; `DB_PASSWORD2` -> db, password2;
/// `insert_user` -> insert, user.
llvm::SmallVector<std::string, 6> identifierWords(llvm::StringRef Name);

} // namespace appsec
