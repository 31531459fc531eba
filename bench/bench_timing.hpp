#pragma once
// Timing for the benchmarks: the median of repeated runs, so one slow run
// (another build on the machine) does not move a row of BENCHMARKS.md.
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace hotspot::bench {

inline double median_seconds(int repeats, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < repeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace hotspot::bench
