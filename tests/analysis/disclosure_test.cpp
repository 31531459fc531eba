// Primary and secondary suppression on hand-made tables with known answers:
// one column, a two-way table, themes that add up, a rule that cannot protect.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>

#include "analysis/disclosure.hpp"

using namespace hotspot;

namespace {

constexpr Withheld N = Withheld::No, P = Withheld::Primary, S = Withheld::Secondary;

// One column: parts 0..n-1 sum to the total, stored last.
AdditiveConstraint column(std::size_t n) {
  AdditiveConstraint c{n, {}};
  for (std::size_t i = 0; i < n; ++i) c.parts.push_back(i);
  return c;
}

// No withheld cell of `t` under `cells` can be worked out.
// `cells`: the published cells' states (suppress_counts); the tables' facts after them are never withheld.
void check_protected(const LinkedTables& t, std::vector<Withheld> cells) {
  cells.resize(t.cells.size(), Withheld::No);
  const std::vector<AttackerRange> r = attacker_ranges(t, cells);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i] == Withheld::No || !t.cells[i].published) continue;
    INFO("cell " << i << " (" << t.cells[i].value << ") in [" << r[i].lo << ", " << r[i].hi << "]");
    CHECK_FALSE(r[i].exact());
    CHECK(r[i].lo <= t.cells[i].value + 1e-9);  // the truth stays inside the attacker's range
    CHECK(t.cells[i].value <= r[i].hi + 1e-9);
  }
}

// Themes that add up, as police.uk's do: violence = VAWG + robbery + weapons,
// in `wards` wards and their ALL row. Atoms: per ward, the incidents of each
// theme signature ({violence, vawg}, {violence, robbery}, {violence, weapons}).
struct ThemeSums {
  LinkedTables t;
  // cell index [theme][row]; themes: 0 violence, 1 vawg, 2 robbery, 3 weapons
  std::vector<std::vector<std::size_t>> cell;
};

ThemeSums theme_sums(const std::vector<std::array<std::uint64_t, 3>>& per_ward, std::array<int, 4> min_count) {
  ThemeSums s;
  const std::size_t wards = per_ward.size();
  s.t.atoms = 3 * wards;  // atom (signature k, ward w) = 3w + k
  const std::vector<std::vector<int>> signatures_of = {{0, 1, 2}, {0}, {1}, {2}};  // which signatures hold each theme
  s.cell.assign(4, {});
  for (std::size_t th = 0; th < 4; ++th)
    for (std::size_t r = 0; r <= wards; ++r) {
      LinkedCell c;
      c.min_count = min_count[th];
      for (std::size_t w = 0; w < wards; ++w) {
        if (r != wards && r != w) continue;
        for (int k : signatures_of[th]) {
          c.terms.push_back({static_cast<std::uint32_t>(3 * w + static_cast<std::size_t>(k)), 1});
          c.value += static_cast<double>(per_ward[w][static_cast<std::size_t>(k)]);
        }
      }
      s.cell[th].push_back(s.t.add(std::move(c)));
    }
  return s;
}

}  // namespace

TEST_CASE("disclosure: primary suppression withholds 1..m-1 and shows zero", "[disclosure]") {
  CHECK_FALSE(primary_suppressed(0, 5));
  CHECK(primary_suppressed(1, 5));
  CHECK(primary_suppressed(4, 5));
  CHECK(primary_suppressed(4.9, 5));  // a fractional hour of a spread record
  CHECK_FALSE(primary_suppressed(5, 5));
  CHECK_FALSE(primary_suppressed(1, 0));  // no minimum
  CHECK_FALSE(primary_suppressed(1, 1));
  CHECK(withheld_text(P, 5) == "<5");
  CHECK(withheld_text(S, 5) == "[c]");
  CHECK(withheld_text(Withheld::Derived, 5) == "[c]");
  const Suppression s = suppress_counts({0, 1, 4, 5, 10}, {column(4)}, 5);
  CHECK(s.cells == std::vector<Withheld>{N, P, P, N, N});
  CHECK(s.primary == 2);
  CHECK(s.secondary == 0);  // 1 + 4 = 5 leaves 1..4 for each: nothing to deduce
}

TEST_CASE("disclosure: one withheld ward takes the next smallest with it", "[disclosure]") {
  // 4 + 12 + 7 + 9 = 32: with the 4 alone hidden, 32 - 28 = 4 gives it back.
  const std::vector<std::uint64_t> v = {4, 12, 7, 9, 32};
  const Suppression s = suppress_counts(v, {column(4)}, 5);
  CHECK(s.cells == std::vector<Withheld>{P, N, S, N, N});
  CHECK(s.secondary == 1);
  CHECK(s.unprotected == 0);
  // The attacker now knows only 4 + 7 = 11 with the 4 in [1, 4] and the 7 at least 5.
  const LinkedTables t = additive_tables(v, {column(4)}, 5);
  const std::vector<AttackerRange> r = attacker_ranges(t, s.cells);
  CHECK(r[0].lo == Approx(1));
  CHECK(r[0].hi == Approx(4));
  CHECK(r[2].lo == Approx(7));
  CHECK(r[2].hi == Approx(10));
  // Before the secondary suppression the same range was exact.
  CHECK(attacker_ranges(t, {P, N, N, N, N})[0].exact());
}

TEST_CASE("disclosure: ties go to the lowest index", "[disclosure]") {
  const Suppression s = suppress_counts({3, 6, 6, 10, 25}, {column(4)}, 5);
  CHECK(s.cells == std::vector<Withheld>{P, S, N, N, N});
}

TEST_CASE("disclosure: ranges catch a 1 beside a 5 and hidden ones summing to their minimum", "[disclosure]") {
  // 1 + 5 + 20 = 26: withholding the 5 too leaves 1 + 5 = 6 with the 5 at least 5,
  // so the 1 is still exact; the 20 is the smallest that frees it.
  const Suppression a = suppress_counts({1, 5, 20, 26}, {column(3)}, 5);
  CHECK(a.cells == std::vector<Withheld>{P, N, S, N});
  CHECK(a.secondary == 1);
  // Four 1s hidden beside a published 30: 34 - 30 = 4 forces each to be 1.
  const Suppression b = suppress_counts({1, 1, 1, 1, 30, 34}, {column(5)}, 5);
  CHECK(b.cells == std::vector<Withheld>{P, P, P, P, S, N});
  CHECK(b.primary == 4);
  CHECK(b.secondary == 1);
}

TEST_CASE("disclosure: a total that is itself small is withheld and protects its parts", "[disclosure]") {
  const Suppression s = suppress_counts({2, 1, 0, 3}, {column(3)}, 5);
  CHECK(s.cells == std::vector<Withheld>{P, P, N, P});
  CHECK(s.secondary == 0);
}

TEST_CASE("disclosure: a two-way table is protected jointly", "[disclosure]") {
  //        c1  c2  c3 | row total
  //  r1     3  10  12 | 25
  //  r2     8   6  20 | 34
  //  col   11  16  32 | 59
  const std::vector<std::uint64_t> v = {3, 10, 12, 25, 8, 6, 20, 34, 11, 16, 32, 59};
  const std::vector<AdditiveConstraint> constraints = {
      {9, {1, 5}}, {10, {2, 6}}, {3, {0, 1, 2}}, {7, {4, 5, 6}}, {8, {0, 4}}, {11, {8, 9, 10}}, {11, {3, 7}}};
  const Suppression s = suppress_counts(v, constraints, 5);
  // The 3 needs a partner in its row (the 10), in its column (the 8), and the
  // rectangle closes with the 6: the classic four cells.
  CHECK(s.cells == std::vector<Withheld>{P, S, N, N, S, S, N, N, N, N, N, N});
  CHECK(s.primary == 1);
  CHECK(s.secondary == 3);
  CHECK(s.unprotected == 0);
  check_protected(additive_tables(v, constraints, 5), s.cells);
}

TEST_CASE("disclosure: themes that add up are protected together", "[disclosure]") {
  // Three wards; per ward the incidents of {violence, vawg}, {violence, robbery}, {violence, weapons}.
  // Ward 0: VAWG 11, robbery 9 (under 10), weapons 0, violence 20 (the example).
  ThemeSums s = theme_sums({{{11, 9, 0}}, {{15, 14, 3}}, {{12, 20, 0}}}, {0, 10, 10, 10});
  const std::size_t robbery0 = s.cell[2][0];
  // Each theme's column on its own (the rule before): robbery's 9 hides beside
  // its next smallest ward, and weapons' small wards beside each other...
  std::vector<Withheld> per_column(s.t.cells.size(), N);
  for (std::size_t th = 0; th < 4; ++th) {
    std::vector<std::uint64_t> values;
    for (std::size_t c : s.cell[th]) values.push_back(static_cast<std::uint64_t>(s.t.cells[c].value));
    const Suppression col = suppress_counts(values, {column(3)}, th == 0 ? 0 : 10);
    for (std::size_t r = 0; r < values.size(); ++r) per_column[s.cell[th][r]] = col.cells[r];
  }
  CHECK(per_column[robbery0] == P);
  CHECK(per_column[s.cell[2][1]] == S);
  // ... but violence 20 - VAWG 11 - weapons 0 gives the 9 back.
  const std::vector<AttackerRange> before = attacker_ranges(s.t, per_column);
  CHECK(before[robbery0].exact());
  CHECK(before[robbery0].lo == Approx(9));
  // Jointly: nothing can be worked out, and a cell of ward 0 went with it.
  const Protection p = protect(s.t);
  CHECK(p.unprotected.empty());
  CHECK(p.cells[robbery0] == P);
  CHECK(p.secondary >= 2);
  check_protected(s.t, p.cells);
  CHECK((p.cells[s.cell[0][0]] != N || p.cells[s.cell[1][0]] != N));
}

TEST_CASE("disclosure: a cell its own rule pins cannot be protected and is reported", "[disclosure]") {
  // With a minimum of 2, "<2" says 1: nothing to withhold changes that.
  const Suppression s = suppress_counts({1, 5, 6}, {column(2)}, 2);
  CHECK(s.cells[0] == P);
  CHECK(s.unprotected == 1);
  // A lone theme with nothing left to withhold: its only count is its total.
  LinkedTables t;
  t.atoms = 1;
  t.add({.terms = {{0, 1}}, .value = 3, .min_count = 5});
  LinkedCell same{.terms = {{0, 1}}, .value = 3};
  same.fixed = true;  // a published copy elsewhere that may not be withheld
  t.add(same);
  const Protection p = protect(t);
  CHECK(p.cells[0] == P);
  CHECK(p.unprotected == std::vector<std::size_t>{0});
}

TEST_CASE("disclosure: fixed cells keep their state and real cells need a range of one incident", "[disclosure]") {
  // Hours spread over a from/to record: 2.5 + 1.5 = 4 published. With the 2.5
  // withheld (under 5) and the 1.5 beside it published, 4 - 1.5 gives it back.
  LinkedTables t;
  t.atoms = 2;
  t.continuous = {1, 1};
  t.add({.terms = {{0, 1}}, .value = 2.5, .min_count = 5, .integer = false});
  t.add({.terms = {{1, 1}}, .value = 1.5, .min_count = 5, .integer = false});
  LinkedCell total{.terms = {{0, 1}, {1, 1}}, .value = 4, .min_count = 5, .fixed = true, .integer = false};  // published elsewhere
  t.add(total);
  const Protection p = protect(t);
  CHECK(p.cells == std::vector<Withheld>{P, P, N});  // both under 5: primary, and then safe
  check_protected(t, p.cells);
}
