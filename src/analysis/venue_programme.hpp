#pragma once
// Choosing roadshow venues: how much incident mass each candidate reaches on
// foot, and a programme of k venues that together reach the most.
//
// Reach is the mass within a catchment around the venue. By default the
// catchment is a straight-line circle (400 m, about a five-minute walk); the
// catchment is only used through `catchments()`, so a walking-network
// catchment can replace it by producing the same lists of covered elements.
//
// Programme: greedy maximum coverage, each element counted once. Coverage is
// monotone submodular, so the greedy choice covers at least (1 - 1/e) ~ 63%
// of the best possible k-venue programme (Nemhauser, Wolsey & Fisher 1978);
// gains are re-evaluated lazily (Minoux 1978), which gives the same choice as
// plain greedy. Constraints: must-include venues first, a minimum spacing
// between chosen venues, optionally one venue per ward. Ties go to the
// candidate that comes first in the input. The programme stops short of k
// when no remaining venue reaches anything not yet covered.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hotspot {

struct MassPoint {
  double x = 0, y = 0;
  double mass = 1;          // incidents (times theme weight), or KDE mass of a cell
  bool in_hotspot = false;  // inside one of the theme's hotspot polygons
};

struct VenueCandidate {
  double x = 0, y = 0;
  std::uint32_t ward = 0;
  bool must_include = false;
};

struct ProgrammeParams {
  int k = 5;
  double min_spacing = 1000;  // metres between chosen venues
  bool one_per_ward = false;
};

// Elements within `radius` (inclusive) of each candidate, by nanoflann radius search.
std::vector<std::vector<std::uint32_t>> catchments(const std::vector<MassPoint>& mass,
                                                   const std::vector<VenueCandidate>& candidates, double radius);

struct Programme {
  std::vector<std::size_t> chosen;  // candidate indices, in selection order
  std::vector<double> gain;         // mass each added that earlier choices had not covered
  double covered = 0;               // total mass covered
  std::vector<std::string> notes;   // e.g. a must-include venue that breaks the spacing rule
};

Programme greedy_programme(const std::vector<MassPoint>& mass, const std::vector<VenueCandidate>& candidates,
                           const std::vector<std::vector<std::uint32_t>>& catchment, const ProgrammeParams& params);

// Best feasible programme by trying every combination: for tests and for
// small candidate lists (it is exponential).
Programme exhaustive_programme(const std::vector<MassPoint>& mass, const std::vector<VenueCandidate>& candidates,
                               const std::vector<std::vector<std::uint32_t>>& catchment, const ProgrammeParams& params);

}  // namespace hotspot
