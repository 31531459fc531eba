#include "geo/grid_reference.hpp"

#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace hotspot {
namespace {

// The OS grid letters skip I: index 0..24 -> A..Z without I.
char os_letter(int index) { return static_cast<char>('A' + index + (index > 7 ? 1 : 0)); }

}  // namespace

std::string grid_reference_100m(double x, double y, const std::string& crs) {
  const long eh = static_cast<long>(std::floor(x / 100)), nh = static_cast<long>(std::floor(y / 100));  // hectometres
  const bool bng = crs == "EPSG:27700" || crs == "epsg:27700";
  if (!bng || eh < 0 || nh < 0 || eh >= 7000 || nh >= 13000)
    return fmt::format("E{}.{}N{}.{}", eh / 10, std::labs(eh % 10), nh / 10, std::labs(nh % 10));
  const int e100 = static_cast<int>(eh / 1000), n100 = static_cast<int>(nh / 1000);
  // The 500 km square (S, T, N, O, H, J) then the 100 km square within it, 5 x 5 from the top left.
  const int first = (19 - n100) - (19 - n100) % 5 + (e100 + 10) / 5;
  const int second = (19 - n100) * 5 % 25 + e100 % 5;
  return fmt::format("{}{}{:03d}{:03d}", os_letter(first), os_letter(second), eh % 1000, nh % 1000);
}

}  // namespace hotspot
