#pragma once
// A histogram over fixed upper bounds, as Prometheus exposes one: per-bucket
// counts (not cumulative here; the exposition adds them up), a count and a sum.
// Not synchronised: its owner holds the lock.
#include <array>
#include <cstddef>
#include <cstdint>

namespace ws {

template <std::size_t N>
struct Histogram {
  std::array<std::uint64_t, N> buckets{};  // observations <= bounds[i] and > bounds[i-1]
  std::uint64_t count = 0;                 // every observation, those beyond the last bound too
  double sum = 0;

  void observe(const std::array<double, N>& bounds, double value) {
    ++count;
    sum += value;
    for (std::size_t i = 0; i < N; ++i) {
      if (value <= bounds[i]) {
        ++buckets[i];
        return;
      }
    }
  }
};

}  // namespace ws
