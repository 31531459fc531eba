#include "io/label_placer.hpp"

namespace hotspot {

namespace {

// Advance widths in em, rounded up from DejaVu Sans (wider than Arial):
// narrow letters, capitals and digits, the rest.
double advance(unsigned char c, bool bold) {
  double w = 0.62;
  if (c == ' ' || c == 'i' || c == 'l' || c == 'j' || c == 't' || c == 'f' || c == 'r' || c == '.' || c == ',' ||
      c == '\'' || c == '-' || c == '(' || c == ')' || c == 'I')
    w = 0.42;
  else if (c == 'm' || c == 'w' || c == 'M' || c == 'W')
    w = 0.98;
  else if (c >= 'A' && c <= 'Z')
    w = 0.76;
  return bold ? w * 1.12 : w;
}

}  // namespace

Box text_box(double x, double baseline, const std::string& text, double size, bool bold, const std::string& anchor) {
  double width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte: counted with its lead byte
    width += advance(c, bold) * size;
  }
  const double left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x;
  // Ascent and descent of the font's box, as getBoundingClientRect reports it.
  return Box{left, baseline - 0.95 * size, left + width, baseline + 0.27 * size};
}

bool LabelPlacer::clear(const Box& b) const {
  if (!b.inside(frame_)) return false;
  for (const Box& t : taken_)
    if (b.overlaps(t, gap_)) return false;
  return true;
}

bool LabelPlacer::place(const Box& b) {
  if (!clear(b)) return false;
  taken_.push_back(b);
  return true;
}

}  // namespace hotspot
