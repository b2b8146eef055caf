//===- StableSort.h - std::stable_sort without libstdc++ 12's warning ---===//
//
// libstdc++ 12 (Debian bookworm's) implements std::stable_sort with
// std::get_temporary_buffer, deprecated since C++17, and does not silence the
// deprecation in its own header (libstdc++ 13 does). GCC stays quiet; clang 19
// warns at every instantiation (-Wdeprecated-declarations, reported at
// bits/stl_tempbuf.h), and a pragma around the call cannot reach that header.
// stableSort() orders the same way: elements that compare equal keep their
// relative order.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <numeric>
#include <utility>
#include <vector>

namespace appsec::scan {

template <typename RandomIt, typename Less>
void stableSort(RandomIt First, RandomIt Last, Less L) {
  using T = typename std::iterator_traits<RandomIt>::value_type;
  std::vector<T> Items(std::make_move_iterator(First), std::make_move_iterator(Last));
  std::vector<size_t> Order(Items.size());
  std::iota(Order.begin(), Order.end(), size_t(0));
  // Ties go by original position, which makes std::sort's result the stable one.
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    if (L(Items[A], Items[B]))
      return true;
    if (L(Items[B], Items[A]))
      return false;
    return A < B;
  });
  for (size_t I : Order)
    *First++ = std::move(Items[I]);
}

} // namespace appsec::scan
