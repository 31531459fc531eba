#include "analysis/regions.hpp"

namespace hotspot {

Regions label_regions(const std::vector<std::uint8_t>& mask, const GridSpec& spec) {
  Regions r;
  r.label.assign(spec.size(), 0);
  std::vector<std::size_t> stack;
  for (std::size_t start = 0; start < spec.size(); ++start) {
    if (!mask[start] || r.label[start]) continue;
    const std::int32_t id = ++r.count;
    r.label[start] = id;
    stack.push_back(start);
    while (!stack.empty()) {  // flood fill with an explicit stack: regions can be large
      const std::size_t i = stack.back();
      stack.pop_back();
      const int row = static_cast<int>(i / static_cast<std::size_t>(spec.nx));
      const int col = static_cast<int>(i % static_cast<std::size_t>(spec.nx));
      const int dr[4] = {-1, 1, 0, 0}, dc[4] = {0, 0, -1, 1};
      for (int k = 0; k < 4; ++k) {
        const int rr = row + dr[k], cc = col + dc[k];
        if (rr < 0 || rr >= spec.ny || cc < 0 || cc >= spec.nx) continue;
        const std::size_t j = spec.index(rr, cc);
        if (mask[j] && !r.label[j]) {
          r.label[j] = id;
          stack.push_back(j);
        }
      }
    }
  }
  return r;
}

}  // namespace hotspot
