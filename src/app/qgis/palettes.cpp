#include "app/qgis/palettes.hpp"

namespace hotspot::palette {

const std::vector<Rgba>& yl_gn_bu() {
  static const std::vector<Rgba> r = {{255, 255, 204, 255}, {199, 233, 180, 255}, {127, 205, 187, 255},
                                      {65, 182, 196, 255},  {29, 145, 192, 255},  {34, 94, 168, 255},
                                      {12, 44, 132, 255}};
  return r;
}

const std::vector<Rgba>& purples() {
  static const std::vector<Rgba> r = {
      {242, 240, 247, 255}, {203, 201, 226, 255}, {158, 154, 200, 255}, {117, 107, 177, 255}, {84, 39, 143, 255}};
  return r;
}

const std::vector<Rgba>& rd_bu() {
  static const std::vector<Rgba> r = {{103, 0, 31, 255},    {178, 24, 43, 255},   {214, 96, 77, 255},
                                      {244, 165, 130, 255}, {253, 219, 199, 255}, {247, 247, 247, 255},
                                      {209, 229, 240, 255}, {146, 197, 222, 255}, {67, 147, 195, 255},
                                      {33, 102, 172, 255},  {5, 48, 97, 255}};
  return r;
}

const std::vector<Rgba>& dark2() {
  static const std::vector<Rgba> r = {{27, 158, 119, 255}, {217, 95, 2, 255},  {117, 112, 179, 255},
                                      {231, 41, 138, 255}, {102, 166, 30, 255}, {230, 171, 2, 255},
                                      {166, 118, 29, 255}, {102, 102, 102, 255}};
  return r;
}

const std::vector<Rgba>& set2() {
  static const std::vector<Rgba> r = {{102, 194, 165, 255}, {252, 141, 98, 255}, {141, 160, 203, 255},
                                      {231, 138, 195, 255}, {166, 216, 84, 255}, {255, 217, 47, 255},
                                      {229, 196, 148, 255}, {179, 179, 179, 255}};
  return r;
}

Rgba spread(const std::vector<Rgba>& ramp, std::size_t i, std::size_t n) {
  if (ramp.empty()) return {};
  if (n <= 1) return ramp.back();
  return ramp[i * (ramp.size() - 1) / (n - 1)];
}

Rgba with_alpha(Rgba c, int alpha) {
  c.a = alpha;
  return c;
}

}  // namespace hotspot::palette
