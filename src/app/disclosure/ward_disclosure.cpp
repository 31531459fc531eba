#include "app/disclosure/ward_disclosure.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/year_to_date.hpp"
#include "core/parallel.hpp"

namespace hotspot {

WardAtoms::WardAtoms(const std::vector<Incident>& incidents, std::size_t wards) : wards_(wards) {
  for (const Incident& inc : incidents) {
    if (inc.ward >= wards) continue;  // the ward table counts incidents in its wards only
    auto& counts = months_[inc.month][inc.themes];
    if (counts.empty()) counts.assign(wards, 0);
    ++counts[inc.ward];
  }
}

WardAtoms::Counts WardAtoms::over(const Period& months) const {
  Counts out;
  for (auto it = months_.lower_bound(months.first); it != months_.end() && it->first <= months.last; ++it)
    for (const auto& [signature, counts] : it->second) {
      if (signature == 0) continue;  // in no theme: in no published count
      auto& sum = out[signature];
      if (sum.empty()) sum.assign(wards_, 0);
      for (std::size_t w = 0; w < wards_; ++w) sum[w] += counts[w];
    }
  return out;
}

namespace {

// The cells of one block as linked tables: [theme][row] -> cell index, with
// atoms (signature, ward, month) so several months can share one problem.
struct BlockTables {
  LinkedTables tables;
  std::vector<std::vector<std::size_t>> cell;  // [theme][row]; SIZE_MAX: not published
};

// Every published theme's count in every ward and the area over `months`,
// from month atoms (one set per month when `per_month`, so the months' own
// cells can be added).
BlockTables block_tables(const WardAtoms& atoms, const Period& months, const std::vector<Theme>& themes,
                         const std::vector<bool>& published, bool per_month,
                         std::vector<std::map<ThemeMask, std::vector<std::uint32_t>>>* month_atoms = nullptr) {
  const std::size_t wards = atoms.wards();
  BlockTables b;
  // atom index per (part, signature, ward); a part is the whole block or one month
  std::vector<std::map<ThemeMask, std::vector<std::uint32_t>>> index;
  std::vector<WardAtoms::Counts> counts;
  if (per_month)
    for (Month m = months.first; m <= months.last; ++m) counts.push_back(atoms.over(Period{m, m, ""}));
  else
    counts.push_back(atoms.over(months));
  for (const WardAtoms::Counts& part : counts) {
    auto& idx = index.emplace_back();
    for (const auto& [signature, n] : part) {
      auto& ids = idx[signature];
      for (std::size_t w = 0; w < wards; ++w) ids.push_back(static_cast<std::uint32_t>(b.tables.atoms++));
    }
  }
  b.cell.assign(themes.size(), std::vector<std::size_t>(wards + 1, SIZE_MAX));
  for (std::size_t t = 0; t < themes.size(); ++t) {
    if (!published[t]) continue;
    const ThemeMask bit = ThemeMask{1} << t;
    std::vector<LinkedCell> rows(wards + 1);
    for (std::size_t p = 0; p < counts.size(); ++p)
      for (const auto& [signature, n] : counts[p]) {
        if (!(signature & bit)) continue;
        const auto& ids = index[p].at(signature);
        for (std::size_t w = 0; w < wards; ++w) {
          for (std::size_t r : {w, wards}) {
            rows[r].terms.push_back({ids[w], 1});
            rows[r].value += static_cast<double>(n[w]);
          }
        }
      }
    for (std::size_t r = 0; r <= wards; ++r) {
      rows[r].min_count = themes[t].min_count;
      b.cell[t][r] = b.tables.add(std::move(rows[r]));
    }
  }
  if (month_atoms) *month_atoms = std::move(index);
  return b;
}

Period tile(const Period& period, int length, int k) {  // k tiles back from the period's last month
  const Month last = period.last - k * length;
  return Period{last - length + 1, last, ""};
}

}  // namespace

BlockPattern block_pattern(const WardAtoms& atoms, const Period& months, const std::vector<Theme>& themes,
                           const std::vector<bool>& published) {
  const BlockTables b = block_tables(atoms, months, themes, published, false);
  const Protection p = protect(b.tables);
  BlockPattern out;
  out.stats = p.stats;
  out.cells.assign(themes.size(), std::vector<Withheld>(atoms.wards() + 1, Withheld::No));
  for (std::size_t t = 0; t < themes.size(); ++t)
    for (std::size_t r = 0; r <= atoms.wards(); ++r) {
      const std::size_t c = b.cell[t][r];
      if (c == SIZE_MAX) continue;
      out.cells[t][r] = p.cells[c];
      if (std::find(p.unprotected.begin(), p.unprotected.end(), c) != p.unprotected.end())
        out.unprotected.emplace_back(t, r);
    }
  return out;
}

Withheld WardDisclosure::chart_at(std::size_t theme, Month m) const {
  if (!chart.contains(m)) return Withheld::Derived;
  return chart_cells[theme][static_cast<std::size_t>(m - chart.first)];
}

bool WardDisclosure::any_current(std::size_t theme) const {
  const std::vector<Withheld>& c = cells[theme][kCurrent];
  return std::any_of(c.begin(), c.end(), [](Withheld w) { return w != Withheld::No; });
}

namespace {

class Decider {
 public:
  Decider(const std::vector<Theme>& themes, const WardAtoms& atoms, const std::vector<bool>& published,
          WardDisclosure& out)
      : themes_(themes), atoms_(atoms), published_(published), out_(out) {}

  // Audits the blocks of `tiles` not audited yet, on up to `threads` threads
  // (blocks share nothing; the patterns do not depend on the thread count).
  void prepare(const std::vector<Period>& tiles, int threads) {
    std::vector<Period> todo;
    for (const Period& t : tiles)
      if (!cache_.count({t.first, t.last}) &&
          std::none_of(todo.begin(), todo.end(), [&](const Period& p) { return p.first == t.first && p.last == t.last; }))
        todo.push_back(t);
    std::vector<BlockPattern> done(todo.size());
    parallel_for(todo.size(), threads, [&](std::size_t i, int) { done[i] = block_pattern(atoms_, todo[i], themes_, published_); });
    for (std::size_t i = 0; i < todo.size(); ++i) keep(todo[i], std::move(done[i]));
  }

  const BlockPattern& block(const Period& months) {
    const auto key = std::make_pair(months.first, months.last);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    return keep(months, block_pattern(atoms_, months, themes_, published_));
  }

 private:
  const BlockPattern& keep(const Period& months, BlockPattern b) {
    const auto key = std::make_pair(months.first, months.last);
    ++out_.blocks;
    out_.stats.lp_solves += b.stats.lp_solves;
    out_.stats.mip_solves += b.stats.mip_solves;
    out_.stats.candidates_tried += b.stats.candidates_tried;
    for (const auto& [t, r] : b.unprotected)
      out_.unprotected.push_back(fmt::format("{} {} of {}", themes_[t].id,
                                             r == atoms_.wards() ? "area total" : fmt::format("ward #{}", r + 1),
                                             months.range_text()));
    return cache_.emplace(key, std::move(b)).first->second;
  }

 public:
  // A column over several tiles: withheld (Derived) where any tile is.
  std::vector<std::vector<Withheld>> union_of(const std::vector<Period>& tiles) {
    std::vector<std::vector<Withheld>> cells(themes_.size(), std::vector<Withheld>(atoms_.wards() + 1, Withheld::No));
    for (const Period& p : tiles) {
      const BlockPattern& b = block(p);
      for (std::size_t t = 0; t < themes_.size(); ++t)
        for (std::size_t r = 0; r <= atoms_.wards(); ++r)
          if (b.cells[t][r] != Withheld::No) cells[t][r] = Withheld::Derived;
    }
    return cells;
  }

  // A tile's months as the trend charts show them (the ALL row of each month):
  // the tile's block fixed, its months' ALL cells protected beside it.
  std::vector<std::vector<Withheld>> months_of(const Period& tile) {
    const BlockPattern& pattern = block(tile);
    std::vector<std::map<ThemeMask, std::vector<std::uint32_t>>> month_atoms;
    BlockTables b = block_tables(atoms_, tile, themes_, published_, true, &month_atoms);
    for (std::size_t t = 0; t < themes_.size(); ++t)
      for (std::size_t r = 0; r < b.cell[t].size(); ++r)
        if (b.cell[t][r] != SIZE_MAX) {
          LinkedCell& c = b.tables.cells[b.cell[t][r]];
          c.state = pattern.cells[t][r];
          c.fixed = true;
        }
    const std::size_t months = static_cast<std::size_t>(tile.months());
    std::vector<std::vector<std::size_t>> month_cell(themes_.size(), std::vector<std::size_t>(months, SIZE_MAX));
    for (std::size_t k = 0; k < months; ++k) {
      const WardAtoms::Counts counts = atoms_.over(Period{tile.first + static_cast<Month>(k), tile.first + static_cast<Month>(k), ""});
      for (std::size_t t = 0; t < themes_.size(); ++t) {
        if (!published_[t]) continue;
        LinkedCell c;
        c.min_count = themes_[t].min_count;
        for (const auto& [signature, n] : counts) {
          if (!(signature & (ThemeMask{1} << t))) continue;
          const auto& ids = month_atoms[k].at(signature);
          for (std::size_t w = 0; w < atoms_.wards(); ++w) {
            c.terms.push_back({ids[w], 1});
            c.value += static_cast<double>(n[w]);
          }
        }
        month_cell[t][k] = b.tables.add(std::move(c));
      }
    }
    const Protection p = protect(b.tables);
    out_.stats.lp_solves += p.stats.lp_solves;
    out_.stats.mip_solves += p.stats.mip_solves;
    for (std::size_t i = 0; i < p.unprotected.size(); ++i)
      out_.unprotected.push_back(fmt::format("a month's area total in the trend charts of {}", tile.range_text()));
    std::vector<std::vector<Withheld>> out(themes_.size(), std::vector<Withheld>(months, Withheld::No));
    for (std::size_t t = 0; t < themes_.size(); ++t)
      for (std::size_t k = 0; k < months; ++k)
        if (month_cell[t][k] != SIZE_MAX) out[t][k] = p.cells[month_cell[t][k]];
    return out;
  }

 private:
  const std::vector<Theme>& themes_;
  const WardAtoms& atoms_;
  const std::vector<bool>& published_;
  WardDisclosure& out_;
  std::map<std::pair<Month, Month>, BlockPattern> cache_;
};

}  // namespace

int tile_months(const Period& period) { return 12 % period.months() == 0 ? period.months() : 1; }

bool baseline_tiles_publishable(const std::vector<std::uint64_t>& monthly, const std::vector<bool>& has_data,
                                const Period& period, int min_count) {
  const Month first = period.needed_window().first;
  const Period base = period.baseline();
  const int L = tile_months(period);
  for (Month last = base.last; last >= base.first; last -= L) {
    std::uint64_t sum = 0;
    for (Month m = last - L + 1; m <= last; ++m) {
      const long i = m - first;
      if (i >= 0 && i < static_cast<long>(monthly.size()) && has_data[static_cast<std::size_t>(i)])
        sum += monthly[static_cast<std::size_t>(i)];
    }
    if (primary_suppressed(static_cast<double>(sum), min_count)) return false;
  }
  return true;
}

WardDisclosure ward_disclosure(const std::vector<Theme>& themes, const WardAtoms& atoms, const Period& period,
                               int year_start_month, const Period& window, const std::vector<bool>& no_data,
                               int threads) {
  WardDisclosure d;
  std::vector<bool> published(themes.size(), true);
  for (std::size_t t = 0; t < themes.size() && t < no_data.size(); ++t) published[t] = !no_data[t];
  Decider decide(themes, atoms, published, d);
  d.tile_months = tile_months(period);
  // The tiles each column sums: with month tiles for L not dividing 12, a
  // period of L months is L tiles.
  const auto tiles = [&](const Period& months) {
    std::vector<Period> out;
    for (Month last = months.last; last >= months.first; last -= d.tile_months)
      out.push_back(Period{last - d.tile_months + 1, last, ""});
    return out;
  };
  std::array<std::vector<std::vector<Withheld>>, kCountColumns> columns;
  const CumulativePeriods cumulative = cumulative_periods(period, year_start_month);
  const Period columns_months[kCountColumns] = {period,         period.previous(),      period.year_earlier(),
                                                period.baseline(), cumulative.ytd,      cumulative.ytd_before,
                                                cumulative.rolling, cumulative.rolling_before};
  // A column whose months are not whole tiles (only a year to date can be) is withheld whole.
  const auto whole_tiles = [&](const Period& months) { return months.months() % d.tile_months == 0; };
  // Every tile the columns and the charts need, audited first (in parallel).
  d.chart = Period{period.last - kTrendMonths + 1, period.last, ""};
  const auto charted = [&](const Period& t) {  // a tile of the charts with data, read whole
    bool any_data = false;
    for (Month m = t.first; m <= t.last; ++m) any_data = any_data || atoms.has_data(m);
    return any_data && t.first >= window.first && t.last <= window.last;
  };
  std::vector<Period> needed;
  for (const Period& months : columns_months)
    if (whole_tiles(months))
      for (const Period& t : tiles(months)) needed.push_back(t);
  for (int k = 0; k * d.tile_months < kTrendMonths; ++k)
    if (charted(tile(period, d.tile_months, k))) needed.push_back(tile(period, d.tile_months, k));
  decide.prepare(needed, threads);
  for (std::size_t c = 0; c < kCountColumns; ++c) {
    if (!whole_tiles(columns_months[c])) {
      columns[c].assign(themes.size(), std::vector<Withheld>(atoms.wards() + 1, Withheld::Derived));
      continue;
    }
    const std::vector<Period> parts = tiles(columns_months[c]);
    columns[c] = parts.size() == 1 ? decide.block(parts.front()).cells : decide.union_of(parts);
  }
  for (std::size_t t = 0; t < themes.size(); ++t) {
    auto& theme = d.cells.emplace_back();
    for (std::size_t c = 0; c < kCountColumns; ++c) theme[c] = columns[c][t];
  }

  // The trend charts: each month's area count, tile by tile.
  d.chart_cells.assign(themes.size(), std::vector<Withheld>(static_cast<std::size_t>(kTrendMonths), Withheld::No));
  for (int k = 0; k * d.tile_months < kTrendMonths; ++k) {
    const Period t = tile(period, d.tile_months, k);
    bool any_data = false;
    for (Month m = t.first; m <= t.last; ++m) any_data = any_data || atoms.has_data(m);
    if (!any_data) continue;  // no rows at all: a gap in every chart
    std::vector<std::vector<Withheld>> months;
    if (t.first < window.first || t.last > window.last) {
      // Only part of the tile was read: its months would come from other counts than a full tile's.
      months.assign(themes.size(), std::vector<Withheld>(static_cast<std::size_t>(t.months()), Withheld::Derived));
    } else if (d.tile_months == 1) {
      const BlockPattern& b = decide.block(t);
      for (std::size_t th = 0; th < themes.size(); ++th) months.push_back({b.cells[th].back()});
    } else {
      months = decide.months_of(t);
    }
    for (std::size_t th = 0; th < themes.size(); ++th)
      for (std::size_t i = 0; i < months[th].size(); ++i) {
        const Month m = t.first + static_cast<Month>(i);
        if (d.chart.contains(m)) d.chart_cells[th][static_cast<std::size_t>(m - d.chart.first)] = months[th][i];
      }
  }
  return d;
}

}  // namespace hotspot
