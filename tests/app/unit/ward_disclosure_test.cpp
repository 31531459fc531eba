// The ward table's disclosure decision (app/disclosure/ward_disclosure.hpp) on
// hand-made incidents: a month's pattern is the same in every pack that shows
// it, baselines follow their months, and a quarter's months are protected
// inside their published quarter.
#include <catch2/catch.hpp>

#include "app/disclosure/ward_disclosure.hpp"

using namespace hotspot;

namespace {

constexpr Withheld N = Withheld::No, P = Withheld::Primary;

// violence (no minimum) holds every VAWG incident; VAWG's minimum is 5.
std::vector<Theme> themes() {
  Theme violence, vawg;
  violence.id = "violence";
  vawg.id = "vawg";
  vawg.min_count = 5;
  return {violence, vawg};
}
constexpr ThemeMask kViolence = 1, kVawg = 2;

void add(std::vector<Incident>& out, Month m, std::uint32_t ward, ThemeMask themes, int n) {
  for (int i = 0; i < n; ++i) {
    Incident inc;
    inc.month = m;
    inc.ward = ward;
    inc.themes = themes;
    out.push_back(inc);
  }
}

// Two years of four wards with small, varying VAWG counts.
std::vector<Incident> two_years() {
  std::vector<Incident> out;
  std::uint32_t seed = 7;
  for (Month m = make_month(2024, 1); m <= make_month(2025, 12); ++m)
    for (std::uint32_t w = 0; w < 4; ++w) {
      seed = seed * 1103515245u + 12345u;
      add(out, m, w, kViolence | kVawg, static_cast<int>((seed >> 16) % 9));  // 0..8 VAWG
      add(out, m, w, kViolence, 10 + static_cast<int>((seed >> 8) % 7));
    }
  return out;
}

Period month(int y, int m) { return Period{make_month(y, m), make_month(y, m), ""}; }
Period window_for(const Period& p) { return Period{p.last - 30, p.last, ""}; }

}  // namespace

TEST_CASE("ward disclosure: a month's pattern is the same in every pack that shows it", "[ward_disclosure]") {
  const std::vector<Incident> incidents = two_years();
  const WardAtoms atoms(incidents, 4);
  const std::vector<Theme> t = themes();
  const Period june = month(2025, 6);
  const WardDisclosure as_period = ward_disclosure(t, atoms, june, kDefaultYearStartMonth, window_for(june), {});
  const WardDisclosure as_previous = ward_disclosure(t, atoms, month(2025, 7), kDefaultYearStartMonth, window_for(month(2025, 7)), {});
  const WardDisclosure as_year_earlier = ward_disclosure(t, atoms, month(2026, 6), kDefaultYearStartMonth, window_for(month(2026, 6)), {});
  bool any_withheld = false;
  for (std::size_t th = 0; th < t.size(); ++th) {
    CHECK(as_period.cells[th][kCurrent] == as_previous.cells[th][kPrevious]);
    CHECK(as_period.cells[th][kCurrent] == as_year_earlier.cells[th][kYearEarlier]);
    // The trend charts show the same month alike, whichever pack draws them.
    CHECK(as_previous.chart_at(th, june.first) == as_period.cells[th][kCurrent].back());
    CHECK(as_year_earlier.chart_at(th, june.first) == as_period.cells[th][kCurrent].back());
    for (Withheld w : as_period.cells[th][kCurrent]) any_withheld = any_withheld || w != N;
  }
  CHECK(any_withheld);
  CHECK(as_period.unprotected.empty());
  CHECK(as_period.tile_months == 1);
}

TEST_CASE("ward disclosure: a baseline is published only where all its months are", "[ward_disclosure]") {
  std::vector<Incident> incidents;
  const Period dec = month(2025, 12);
  for (Month m = make_month(2024, 12); m <= dec.last; ++m) {
    add(incidents, m, 0, kViolence | kVawg, 6);          // ward 0: never small
    add(incidents, m, 1, kViolence | kVawg, m == make_month(2025, 3) ? 2 : 7);  // ward 1: one small month
    add(incidents, m, 2, kViolence | kVawg, 8);
    add(incidents, m, 2, kViolence, 20);
  }
  const WardAtoms atoms(incidents, 3);
  const WardDisclosure d = ward_disclosure(themes(), atoms, dec, kDefaultYearStartMonth, window_for(dec), {});
  const auto& vawg = d.cells[1];
  CHECK(vawg[kBaseline][0] == N);
  CHECK(vawg[kBaseline][1] == Withheld::Derived);  // March's 2 is withheld in March's tile
  // March's tile hid the 2 and a partner; whichever ward that was, its baseline goes too.
  int derived = 0;
  for (Withheld w : vawg[kBaseline]) derived += w == Withheld::Derived;
  CHECK(derived >= 2);
  CHECK(vawg[kCurrent] == std::vector<Withheld>(4, N));
  // A polygon's baseline is judged the same way, tile by tile.
  std::vector<std::uint64_t> monthly(13, 6);
  std::vector<bool> has_data(13, true);
  CHECK(baseline_tiles_publishable(monthly, has_data, dec, 5));
  monthly[3] = 2;
  CHECK_FALSE(baseline_tiles_publishable(monthly, has_data, dec, 5));
  has_data[3] = false;  // a month without data counts nothing
  CHECK(baseline_tiles_publishable(monthly, has_data, dec, 5));
}

TEST_CASE("ward disclosure: a quarter's months are protected inside the published quarter", "[ward_disclosure]") {
  std::vector<Incident> incidents;
  // 2025-Q2 in one ward: VAWG 2, 10, 10 by month (22 in the quarter, published).
  add(incidents, make_month(2025, 4), 0, kViolence | kVawg, 2);
  add(incidents, make_month(2025, 5), 0, kViolence | kVawg, 10);
  add(incidents, make_month(2025, 6), 0, kViolence | kVawg, 10);
  add(incidents, make_month(2025, 5), 0, kViolence, 30);
  const WardAtoms atoms(incidents, 1);
  const Period q2{make_month(2025, 4), make_month(2025, 6), "2025-Q2"};
  CHECK(tile_months(q2) == 3);
  CHECK(tile_months(Period{make_month(2025, 1), make_month(2025, 5), ""}) == 1);
  const WardDisclosure d = ward_disclosure(themes(), atoms, q2, kDefaultYearStartMonth, window_for(q2), {});
  CHECK(d.tile_months == 3);
  CHECK(d.cells[1][kCurrent].back() == N);  // the quarter's 22
  // April's 2 is withheld, and one more month with it: 22 - 10 would give it back.
  CHECK(d.chart_at(1, make_month(2025, 4)) == P);
  const int others = (d.chart_at(1, make_month(2025, 5)) != N) + (d.chart_at(1, make_month(2025, 6)) != N);
  CHECK(others == 1);
  // Violence's months would give VAWG's back too (violence = VAWG + 30 in May): one of them goes as well.
  int violence = 0;
  for (int m = 4; m <= 6; ++m) violence += d.chart_at(0, make_month(2025, m)) != N;
  CHECK(violence >= 1);
  CHECK(d.unprotected.empty());
}

TEST_CASE("ward disclosure: year to date and rolling 12 months are published only where all their months are",
          "[ward_disclosure]") {
  std::vector<Incident> incidents;
  const Period dec = month(2025, 12);
  for (Month m = make_month(2023, 12); m <= dec.last; ++m) {
    add(incidents, m, 0, kViolence | kVawg, 6);
    add(incidents, m, 1, kViolence | kVawg, m == make_month(2025, 3) ? 2 : 7);  // ward 1: March 2025 small
    add(incidents, m, 2, kViolence | kVawg, 8);
    add(incidents, m, 2, kViolence, 20);
  }
  const WardAtoms atoms(incidents, 3);
  const WardDisclosure april = ward_disclosure(themes(), atoms, dec, 4, window_for(dec), {});
  const auto& vawg = april.cells[1];
  // Year to date from April 2025 leaves March out: published; the rolling 12 months hold it: withheld.
  CHECK(vawg[kYtd][1] == N);
  CHECK(vawg[kYtdBefore][1] == N);
  CHECK(vawg[kRolling][1] == Withheld::Derived);
  CHECK(vawg[kRollingBefore][1] == N);
  // The same month tiles as every other column: what hid March hides each sum holding it.
  for (std::size_t r = 0; r < vawg[kRolling].size(); ++r)
    if (vawg[kBaseline][r] != N) CHECK(vawg[kRolling][r] != N);
  // A calendar year's year to date holds March.
  const WardDisclosure january = ward_disclosure(themes(), atoms, dec, 1, window_for(dec), {});
  CHECK(january.cells[1][kYtd][1] == Withheld::Derived);
  // A quarter's pack whose year starts mid-quarter would cut a published tile: withheld whole.
  const Period q2{make_month(2025, 4), make_month(2025, 6), "2025-Q2"};
  const WardDisclosure may = ward_disclosure(themes(), atoms, q2, 5, window_for(q2), {});
  CHECK(may.cells[0][kYtd] == std::vector<Withheld>(4, Withheld::Derived));
  const WardDisclosure quarter = ward_disclosure(themes(), atoms, q2, 4, window_for(q2), {});
  CHECK(quarter.cells[0][kYtd] == quarter.cells[0][kCurrent]);  // April to June: the quarter itself
  CHECK(april.unprotected.empty());
}
