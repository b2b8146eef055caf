//===- FunctionNames.h - the names model files use for functions --------===//
#pragma once

#include "clang/AST/Decl.h"

#include <string>

namespace appsec {

/// "std::basic_string::append" for std::__cxx11::basic_string<char>::append:
/// qualified, without template arguments, inline or anonymous namespaces, or
/// the leading "::". Constructors are named after their class
/// ("std::basic_string::basic_string").
std::string modelName(const clang::NamedDecl *D);

} // namespace appsec
