#include "app/context/population.hpp"

#include <fmt/format.h>

#include <map>

#include "geo/apportion.hpp"
#include "io/population_reader.hpp"
#include "io/ward_reader.hpp"

namespace hotspot {
namespace {

PopulationColumns columns_of(const PopulationSource& p) {
  PopulationColumns c;
  c.code_column = p.code_column;
  c.value_column = p.value_column;
  if (!p.ages.empty()) c.ages = parse_age_range(p.ages);  // checked when the config was read
  c.prefix = p.sex;
  c.code_key = "population.code";
  c.value_key = "population.value";
  return c;
}

// At most a few codes in a message, and how many more.
std::string some(const std::vector<std::string>& codes) {
  constexpr std::size_t kShown = 8;
  if (codes.size() <= kShown) return fmt::format("{}", fmt::join(codes, ", "));
  return fmt::format("{} and {} more", fmt::join(codes.begin(), codes.begin() + kShown, ", "), codes.size() - kShown);
}

void by_ward_code(const PopulationSource& p, std::map<std::string, double> pop, std::vector<Ward>& wards,
                  Diagnostics& diag) {
  std::vector<std::string> missing;
  for (Ward& w : wards) {
    const auto it = pop.find(w.code);
    if (it == pop.end()) {
      missing.push_back(w.code);
      continue;
    }
    w.population = it->second;
    pop.erase(it);
  }
  if (!missing.empty())
    diag.warn(fmt::format("{}: no population for ward(s) {}; their rates are left empty", p.path, some(missing)));
  if (!pop.empty()) {
    std::vector<std::string> extra;
    for (const auto& [code, value] : pop) extra.push_back(code);
    diag.warn(fmt::format("{}: population given for code(s) not among the wards: {}", p.path, some(extra)));
  }
}

void by_small_area(const PopulationSource& p, const std::string& crs, std::map<std::string, double> pop, const GeosContext& ctx,
                   const WardSet& set, std::vector<Ward>& wards, PopulationAccount& account, Diagnostics& diag) {
  // The small areas in the analysis CRS, each with its residents.
  WardSource source = p.areas;
  source.near = set.extent();
  const WardReadResult polygons = read_wards(ctx, source, crs, diag);
  std::vector<SmallArea> areas;
  std::vector<std::string> no_count;
  for (const Ward& a : polygons.wards) {
    const auto it = pop.find(a.code);
    if (it == pop.end()) {
      no_count.push_back(a.code);
      continue;
    }
    areas.push_back({a.wkb, it->second});
    pop.erase(it);
  }
  const Apportionment share = apportion(ctx, set, areas, p.nest_tolerance);
  account.apportioned = true;
  account.areas_read = areas.size();
  account.areas_nested = share.nested;
  account.areas_split = share.split_areas;
  account.areas_outside = share.outside;
  account.residents_cut_off = share.count_outside;
  for (std::size_t k = 0; k < areas.size(); ++k) {
    if (share.in_wards[k] <= 0) continue;
    if (share.nested_whole[k]) {
      account.areas.push_back({areas[k].wkb, areas[k].count});
      continue;
    }
    const GeomPtr g = geom_from_wkb(ctx, areas[k].wkb);
    const GeomPtr part = own(ctx, GEOSIntersection_r(ctx.get(), g.get(), set.area()), "small area in the study area");
    account.areas.push_back({geom_to_wkb(ctx, part.get()), areas[k].count * share.in_wards[k]});
  }
  for (std::size_t w = 0; w < wards.size(); ++w) {
    wards[w].population = share.count[w];
    wards[w].population_split = share.split[w];
    account.residents_split += share.split[w];
  }
  if (!no_count.empty())
    diag.warn(fmt::format("{}: {} small area(s) have no row in {} ({}); they add no residents", p.areas.path,
                          no_count.size(), p.path, some(no_count)));
  if (share.count_outside > 0.5)
    diag.warn(fmt::format("population: {:.0f} residents of small areas that cross the study area's edge lie outside "
                          "it and are left out", share.count_outside));
}

}  // namespace

PopulationAccount attach_population(const RunConfig& cfg, const GeosContext& ctx, const WardSet& set,
                                    std::vector<Ward>& wards, Diagnostics& diag) {
  PopulationAccount account;
  const PopulationSource& p = cfg.population;
  if (p.path.empty()) {
    for (const Ward& w : wards)  // wards.population_field
      if (w.population) account.any = true, account.residents += *w.population, account.areas.push_back({w.wkb, *w.population});
    return account;
  }
  PopulationTable table = read_population_csv(p.path, columns_of(p));
  account.columns = table.columns;
  if (p.areas.path.empty()) by_ward_code(p, std::move(table.by_code), wards, diag);
  else by_small_area(p, cfg.crs, std::move(table.by_code), ctx, set, wards, account, diag);
  account.any = true;
  if (!account.apportioned)
    for (const Ward& w : wards)
      if (w.population) account.areas.push_back({w.wkb, *w.population});
  for (Ward& w : wards) {
    if (!w.population) continue;
    account.residents += *w.population;
    if (*w.population < p.min_residents) {
      ++account.wards_below_minimum;
      w.population_note = fmt::format("fewer than {:.0f} residents: no rate per 1,000", p.min_residents);
    }
  }
  return account;
}

}  // namespace hotspot
