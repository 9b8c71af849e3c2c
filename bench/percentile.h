#pragma once
// The p-th percentile (0..100) of a bench's samples, nearest rank; 0 when
// there are none.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace ws::bench {

inline double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  std::size_t index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

}  // namespace ws::bench
