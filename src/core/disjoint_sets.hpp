#pragma once
// Union-find over the indices 0..n-1, with path halving. A set's root is its
// lowest index, so what groups come out as, and in which order, does not
// depend on the order of the joins: the drawing and the street places both
// number their groups by root.
#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

namespace hotspot {

class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }

  std::size_t find(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  // True when a and b were apart.
  bool join(std::size_t a, std::size_t b) {
    a = find(a), b = find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    return true;
  }

 private:
  std::vector<std::size_t> parent_;
};

}  // namespace hotspot
