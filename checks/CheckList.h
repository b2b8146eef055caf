//===- CheckList.h - metadata of every appsec check ---------------------===//
#pragma once

#include "requirements/CheckInfo.h"

#include <vector>

namespace clang::tidy::appsec {

/// All checks, in AppSecChecks.def order.
const std::vector<::appsec::CheckInfo> &allChecks();

} // namespace clang::tidy::appsec
