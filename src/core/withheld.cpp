#include "core/withheld.hpp"

#include <fmt/format.h>

namespace hotspot {

std::string withheld_text(Withheld w, int min_count) {
  return w == Withheld::Primary ? fmt::format("<{}", min_count) : std::string(kConfidential);
}

}  // namespace hotspot
