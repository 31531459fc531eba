// Disclosure audit benchmark (issue 23): the ward table's decision, every
// theme x every ward and the ALL row of a month protected together by linear
// programming (app/disclosure/ward_disclosure, analysis/disclosure), for one
// month tile and for a whole monthly pack (24 month tiles: the period, the
// previous and year-earlier months, the baseline and the trend charts).
// Baseline in the same run: the rule before issue 23, each theme's column
// (wards and ALL) on its own with the one-constraint sweep, kept below as it
// was (analysis/disclosure.cpp at c688d62). Synthetic incidents, police.uk's
// themes with robbery and weapons added (violence = VAWG + robbery + weapons),
// at a borough's monthly means per ward.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <random>

#include "app/disclosure/ward_disclosure.hpp"

using namespace hotspot;

namespace {

double seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// ---- the rule before issue 23, for the baseline --------------------------------

std::int64_t add(std::int64_t a, std::int64_t b) { return std::min(a + b, INT64_MAX / 4); }

struct OldRange {
  std::int64_t lo, hi;
};

OldRange old_prior(const std::vector<std::uint64_t>& v, const std::vector<Withheld>& c, std::size_t i, int m) {
  if (c[i] == Withheld::No) return {static_cast<std::int64_t>(v[i]), static_cast<std::int64_t>(v[i])};
  if (c[i] == Withheld::Primary) return {1, m - 1};
  return {m, INT64_MAX / 4};
}

// One column of wards (0..n-1) and its total (n): is any withheld cell exact?
bool old_exposes(const std::vector<std::uint64_t>& v, const std::vector<Withheld>& c, int m) {
  const std::size_t n = v.size() - 1;
  for (std::size_t cell = 0; cell <= n; ++cell) {
    if (c[cell] == Withheld::No) continue;
    OldRange own = old_prior(v, c, cell, m), total = old_prior(v, c, n, m);
    std::int64_t lo = 0, hi = 0;
    for (std::size_t p = 0; p < n; ++p) {
      if (p == cell) continue;
      const OldRange r = old_prior(v, c, p, m);
      lo = add(lo, r.lo);
      hi = add(hi, r.hi);
    }
    OldRange from = cell == n ? OldRange{lo, hi}
                              : OldRange{hi >= INT64_MAX / 4 ? 0 : total.lo - hi,
                                         total.hi >= INT64_MAX / 4 ? INT64_MAX / 4 : total.hi - lo};
    if (std::max(own.lo, from.lo) == std::min(own.hi, from.hi)) return true;
  }
  return false;
}

std::vector<Withheld> old_column(const std::vector<std::uint64_t>& v, int m) {
  std::vector<Withheld> c(v.size(), Withheld::No);
  bool any = false;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (primary_suppressed(static_cast<double>(v[i]), m)) c[i] = Withheld::Primary, any = true;
  while (any && old_exposes(v, c, m)) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < v.size(); ++i)
      if (c[i] == Withheld::No && v[i] > 0 && (!best || v[i] < v[*best])) best = i;
    if (!best) break;
    c[*best] = Withheld::Secondary;
  }
  return c;
}

// ---- synthetic incidents ----------------------------------------------------------

// Themes: asb, violence, vawg, acquisitive, robbery, weapons.
std::vector<Theme> themes(bool strict) {
  const std::vector<std::pair<const char*, int>> ids = {{"asb", 20}, {"violence", 15}, {"vawg", 25},
                                                        {"acquisitive", 20}, {"robbery", 10}, {"weapons", 10}};
  std::vector<Theme> out;
  for (const auto& [id, m] : ids) {
    Theme t;
    t.id = id;
    t.min_count = strict ? m : (std::string(id) == "vawg" ? 5 : 0);
    out.push_back(t);
  }
  return out;
}

// A borough's monthly means per ward (Havering, 2017): ASB, VAWG (violence), acquisitive only,
// robbery (violence, acquisitive), weapons (violence).
std::vector<Incident> incidents(std::size_t wards, Month first, int months, std::uint64_t seed) {
  const std::vector<std::pair<ThemeMask, double>> means = {{1, 15}, {2 | 4, 8}, {8, 11}, {2 | 8 | 16, 1.3}, {2 | 32, 0.6}};
  std::mt19937_64 rng(seed);
  std::vector<Incident> out;
  for (Month m = first; m < first + months; ++m)
    for (std::uint32_t w = 0; w < wards; ++w)
      for (const auto& [mask, mean] : means) {
        std::poisson_distribution<int> n(mean * (0.5 + static_cast<double>((w * 7919) % 100) / 100.0));
        for (int k = n(rng); k > 0; --k) {
          Incident inc;
          inc.month = m;
          inc.ward = w;
          inc.themes = mask;
          out.push_back(inc);
        }
      }
  return out;
}

void run_case(const char* name, std::size_t wards, bool strict) {
  const Month period = make_month(2018, 6);
  const std::vector<Theme> t = themes(strict);
  const std::vector<Incident> in = incidents(wards, period - 30, 31, 42 + wards);
  const WardAtoms atoms(in, wards);
  const std::vector<bool> published(t.size(), true);

  // One month tile, LP.
  auto t0 = std::chrono::steady_clock::now();
  const BlockPattern block = block_pattern(atoms, Period{period, period, ""}, t, published);
  const double t_block = seconds(t0);
  int withheld = 0;
  for (const auto& theme : block.cells)
    for (Withheld w : theme) withheld += w != Withheld::No;

  // The same month, each column alone (the rule before).
  const WardAtoms::Counts counts = atoms.over(Period{period, period, ""});
  t0 = std::chrono::steady_clock::now();
  int old_withheld = 0;
  for (int repeat = 0; repeat < 100; ++repeat) {
    old_withheld = 0;
    for (std::size_t th = 0; th < t.size(); ++th) {
      std::vector<std::uint64_t> column(wards + 1, 0);
      for (const auto& [mask, n] : counts)
        if (mask & (ThemeMask{1} << th))
          for (std::size_t w = 0; w < wards; ++w) column[w] += n[w], column[wards] += n[w];
      for (Withheld w : old_column(column, t[th].min_count)) old_withheld += w != Withheld::No;
    }
  }
  const double t_old = seconds(t0) / 100;

  // A whole monthly pack's decision.
  t0 = std::chrono::steady_clock::now();
  const WardDisclosure d = ward_disclosure(t, atoms, Period{period, period, ""}, kDefaultYearStartMonth, Period{period - 30, period, ""}, {}, 2);
  const double t_pack = seconds(t0);
  fmt::print("| {} ({} wards, {} themes) | {:.3f} s, {} withheld, {} LPs | {:.4f} s, {} withheld | {:.0f}x | {:.2f} s "
             "({} tiles, {} LPs, {} integer) | {} |\n",
             name, wards, t.size(), t_block, withheld, block.stats.lp_solves, t_old, old_withheld,
             t_block / std::max(t_old, 1e-9), t_pack, d.blocks, d.stats.lp_solves, d.stats.mip_solves,
             d.unprotected.empty() ? "none" : fmt::format("{}", d.unprotected.size()));
}

}  // namespace

int main() {
  fmt::print("| case | one month tile (LP) | the same month, each column alone (before) | LP / before | "
             "a monthly pack (LP, 2 threads) | unprotected |\n|---|---|---|---|---|---|\n");
  run_case("borough, VAWG at 5", 18, false);
  run_case("borough, all at 10-25", 18, true);
  run_case("three boroughs, all at 10-25", 58, true);
  run_case("London in one area, all at 10-25", 649, true);
  return 0;
}
