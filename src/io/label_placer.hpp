#pragma once
// Places map labels without overlaps: each label is tried at a few positions
// in order and kept at the first that stays inside the map and clear of every
// label and symbol already kept; a label with no clear position is dropped.
// Callers place the most important labels first. Units are the map's (mm).
#include <string>
#include <vector>

namespace hotspot {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // y grows downwards, as in SVG
  bool overlaps(const Box& o, double gap) const {
    return x0 < o.x1 + gap && o.x0 < x1 + gap && y0 < o.y1 + gap && o.y0 < y1 + gap;
  }
  bool inside(const Box& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

// The box a browser draws for one line of text (DejaVu Sans or Arial) of
// `size` mm, with its baseline at y and anchored at x by `anchor` (start,
// middle, end). Widths err on the wide side so boxes that clear here clear
// on screen and paper too.
Box text_box(double x, double baseline, const std::string& text, double size, bool bold, const std::string& anchor);

class LabelPlacer {
 public:
  explicit LabelPlacer(const Box& frame, double gap = 0.6) : frame_(frame), gap_(gap) {}
  // Something labels must keep clear of (a marker, the scale bar, the north arrow).
  void block(const Box& b) { taken_.push_back(b); }
  bool clear(const Box& b) const;
  // Keeps `b` when it is clear; says whether it was.
  bool place(const Box& b);

 private:
  Box frame_;
  double gap_;
  std::vector<Box> taken_;
};

}  // namespace hotspot
