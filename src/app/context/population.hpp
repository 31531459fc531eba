#pragma once
// Residents per ward for rates per 1,000: read from a CSV keyed by ward code,
// or from small areas (LSOAs, output areas, census blocks) apportioned to the
// wards by area (geo/apportion.hpp). What was read and how it was split is the
// run's account for the manifest and the report.
#include <string>
#include <vector>

#include "app/config/config.hpp"
#include "core/diagnostics.hpp"
#include "core/ward.hpp"
#include "geo/geos_handle.hpp"
#include "geo/resident_points.hpp"
#include "geo/ward_set.hpp"

namespace hotspot {

struct PopulationAccount {
  bool any = false;
  std::string columns;               // what was read, in words ("Persons_All-Ages", "ages 10-17: ...")
  bool apportioned = false;          // from small areas
  std::size_t areas_read = 0, areas_nested = 0, areas_split = 0, areas_outside = 0;
  double residents = 0;              // given to the wards
  double residents_split = 0;        // of which from small areas split between wards
  double residents_cut_off = 0;      // of small areas meeting the wards, the part outside them
  std::size_t wards_below_minimum = 0;  // wards with fewer than min_residents: no rate
  // Where the wards' residents live, for the risk surfaces' denominator: the
  // small areas (the part of a split one inside the wards, its residents
  // scaled to that part), or the wards themselves for a table by ward.
  std::vector<ResidentArea> areas;
};

// Fills each ward's population (and population_split) from cfg.population;
// `wards` and `set` are the same wards in the same order. Warns (diag) about
// codes on one side only.
PopulationAccount attach_population(const RunConfig& cfg, const GeosContext& ctx, const WardSet& set,
                                    std::vector<Ward>& wards, Diagnostics& diag);

}  // namespace hotspot
