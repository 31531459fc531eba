#include "app/disclosure/refusal.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hotspot {

Error disclosure_refusal(const std::string& outputs, const std::vector<std::string>& cells) {
  const std::size_t shown = std::min<std::size_t>(cells.size(), 5);
  std::vector<std::string> first(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(shown));
  return bad_input(
      "disclosure",
      fmt::format("disclosure control cannot protect {}: {} withheld count{} could still be worked out from what the "
                  "pack publishes ({}{}), and nothing left to withhold prevents it. No pack was written. Raise that "
                  "theme's min_count (themes.<id>.min_count), or run without it (programme.themes / themes), or use "
                  "a longer period.",
                  outputs, cells.size(), cells.size() == 1 ? "" : "s", fmt::join(first, "; "),
                  cells.size() > shown ? "; ..." : ""));
}

}  // namespace hotspot
