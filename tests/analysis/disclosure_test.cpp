// Primary and secondary suppression on hand-made tables with known answers.
#include <catch2/catch.hpp>

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

}  // namespace

TEST_CASE("disclosure: primary suppression withholds 1..m-1 and shows zero", "[disclosure]") {
  CHECK_FALSE(primary_suppressed(0, 5));
  CHECK(primary_suppressed(1, 5));
  CHECK(primary_suppressed(4, 5));
  CHECK_FALSE(primary_suppressed(5, 5));
  CHECK_FALSE(primary_suppressed(1, 0));  // no minimum
  CHECK_FALSE(primary_suppressed(1, 1));
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
  const Range r = deducible_range(v, s.cells, column(4), 0, 5);
  CHECK(r.lo == 1);
  CHECK(r.hi == 4);
  const Range r2 = deducible_range(v, s.cells, column(4), 2, 5);
  CHECK(r2.lo == 7);
  CHECK(r2.hi == 10);
  // Before the secondary suppression the same range was exact.
  CHECK(deducible_range(v, {P, N, N, N, N}, column(4), 0, 5).exact());
}

TEST_CASE("disclosure: ties go to the lowest index", "[disclosure]") {
  const Suppression s = suppress_counts({3, 6, 6, 10, 25}, {column(4)}, 5);
  CHECK(s.cells == std::vector<Withheld>{P, S, N, N, N});
}

TEST_CASE("disclosure: ranges catch a 1 beside a 5 and hidden ones summing to their minimum", "[disclosure]") {
  // 1 + 5 = 6, and a secondary cell is at least 5, so the 1 would still be exact.
  const Suppression a = suppress_counts({1, 5, 20, 26}, {column(3)}, 5);
  CHECK(a.cells == std::vector<Withheld>{P, S, S, N});
  CHECK(a.secondary == 2);
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

TEST_CASE("disclosure: a two-way table needs a second round", "[disclosure]") {
  //        c1  c2  c3 | row total
  //  r1     3  10  12 | 25
  //  r2     8   6  20 | 34
  //  col   11  16  32 | 59
  const std::vector<std::uint64_t> v = {3, 10, 12, 25, 8, 6, 20, 34, 11, 16, 32, 59};
  // Column c2 comes first, so the suppression row r1 forces on it is only seen on the next sweep.
  const std::vector<AdditiveConstraint> constraints = {
      {9, {1, 5}}, {10, {2, 6}}, {3, {0, 1, 2}}, {7, {4, 5, 6}}, {8, {0, 4}}, {11, {8, 9, 10}}, {11, {3, 7}}};
  const Suppression s = suppress_counts(v, constraints, 5);
  // Round 1: row r1 takes the 10, column c1 the 8. Round 2: column c2 takes the 6.
  CHECK(s.cells == std::vector<Withheld>{P, S, N, N, S, S, N, N, N, N, N, N});
  CHECK(s.primary == 1);
  CHECK(s.secondary == 3);
  CHECK(s.rounds == 2);
  CHECK(s.unprotected == 0);
  for (const AdditiveConstraint& c : constraints)
    for (std::size_t i : {0, 1, 4, 5}) {
      const bool in = i == c.total || std::find(c.parts.begin(), c.parts.end(), i) != c.parts.end();
      if (in) CHECK_FALSE(deducible_range(v, s.cells, c, i, 5).exact());
    }
}
