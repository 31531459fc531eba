// Map labels: text boxes as wide as a browser draws them, and no two kept labels overlapping.
#include <catch2/catch.hpp>

#include "io/label_placer.hpp"

using namespace hotspot;

TEST_CASE("text boxes are anchored like SVG text and sized from the font size", "[labels]") {
  const Box mid = text_box(50, 20, "Romford", 3, false, "middle");
  // R (capital) + o m f o r d: 0.76 + 0.62 + 0.98 + 0.42 + 0.62 + 0.42 + 0.62 = 4.44 em = 13.32 mm at 3 mm.
  CHECK(mid.x1 - mid.x0 == Approx(13.32));
  CHECK((mid.x0 + mid.x1) / 2 == Approx(50));
  CHECK(mid.y0 == Approx(20 - 0.95 * 3));
  CHECK(mid.y1 == Approx(20 + 0.27 * 3));
  const Box start = text_box(50, 20, "Romford", 3, false, "start");
  CHECK(start.x0 == Approx(50));
  const Box bold = text_box(50, 20, "Romford", 3, true, "end");
  CHECK(bold.x1 == Approx(50));
  CHECK(bold.x1 - bold.x0 == Approx(13.32 * 1.12));
  // A multi-byte character counts once: "é" is two bytes.
  CHECK(text_box(0, 0, "\xc3\xa9", 2, false, "start").x1 == Approx(0.62 * 2));
}

TEST_CASE("the placer keeps the first of two overlapping labels and drops the second", "[labels]") {
  LabelPlacer placer(Box{0, 0, 100, 50}, 0.5);
  placer.block(Box{90, 0, 100, 10});                 // a north arrow
  CHECK(placer.place(Box{10, 10, 30, 14}));
  CHECK_FALSE(placer.place(Box{29, 12, 40, 16}));    // overlaps the first
  CHECK_FALSE(placer.place(Box{30.2, 10, 40, 14}));  // closer than the 0.5 mm gap
  CHECK(placer.place(Box{30.6, 10, 40, 14}));        // just clear
  CHECK_FALSE(placer.place(Box{85, 2, 95, 6}));      // on the north arrow
  CHECK_FALSE(placer.place(Box{95, 40, 105, 44}));   // off the map
  CHECK(placer.clear(Box{10, 30, 30, 34}));
}
