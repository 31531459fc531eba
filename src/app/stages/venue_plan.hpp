#pragma once
// The venue stage's plans, inside the stage: what a plan reaches (its themes'
// incident or KDE mass, the eligible candidates: venue_candidates.cpp), the
// programme it chooses and why each venue was or was not chosen
// (venue_choice.cpp). venue_stage.cpp turns them into the plan's tables and
// layers and publishes them.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/venue_programme.hpp"
#include "analysis/venue_reach.hpp"
#include "app/disclosure/reach_disclosure.hpp"
#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot::venues {

struct Plan {
  std::string id{}, label{};
  std::vector<std::pair<std::size_t, double>> themes{};  // theme index, weight
  int min_count = 0;                                   // strictest disclosure minimum among its themes
};

// A plan per theme in programme.themes (by default every theme but the time
// windows), and one for the weighted mix when programme.mix is given.
std::vector<Plan> plans(const RunConfig& cfg);

// Prepared hotspot polygons of a plan's themes, for "is this incident in a hotspot".
struct HotspotIndex {
  const RunInputs& run;
  std::vector<const HotspotShape*> shapes;
  std::vector<PreparedPtr> prepared;
  std::vector<Bounds> boxes;

  HotspotIndex(const RunInputs& r, const KdeResult* kde, const Plan& plan);
  bool covers(double x, double y) const;
};

// The mass a plan's venues reach: each incident of its themes in the
// look-back months (weighted), or each KDE cell's mass; `counts_as_incidents`
// gets the indexes of the elements that are incidents.
std::vector<MassPoint> mass_points(const RunInputs& run, const KdeResult* kde, const Plan& plan,
                                   const HotspotIndex& hotspots, std::vector<std::uint32_t>& counts_as_incidents);

// The candidates a plan may choose from: eligible venues keep their input
// order, which breaks ties.
struct Candidates {
  std::vector<std::size_t> eligible;     // venue indexes
  std::vector<std::string> excluded;     // [venue]: why not eligible, or empty
  std::vector<VenueCandidate> list;      // [eligible position]
  std::vector<long> position;            // [venue]: its eligible position, or -1
};

Candidates eligible_candidates(const RunInputs& run, Diagnostics& diag);

// Distances to each theme's nearest hotspot.
class NearestHotspot {
 public:
  NearestHotspot(const RunInputs& run, const KdeResult* kde);
  std::optional<double> metres(std::size_t t, double x, double y) const;

 private:
  const RunInputs& run_;
  std::vector<std::vector<PreparedPtr>> prepared_;
};

// Everything one plan decided, for its tables and texts.
struct PlanResult {
  const RunInputs& run;
  const Plan& plan;
  Candidates candidates;
  Programme prog{};
  PlanReach reach{};
  double total = 0, hotspot_total = 0;  // the mass, and the mass in hotspots
  bool by_incidents = true;
  std::vector<Withheld> reach_state{};  // [candidate]: its reach, as reach_disclosure decided with every plan's
  ReachDisclosure withheld() const {
    return {.r = reach, .state = reach_state, .by_incidents = by_incidents, .min_count = plan.min_count};
  }
};

// The theme signatures in each candidate's catchment, for reach_disclosure:
// with measure = "incidents", the look-back's incidents of any plan's themes
// within the radius, by signature; with "kde", every signature of those
// incidents (a surface reaches past the circle, so each may contribute).
CatchmentSignatures catchment_signatures(const RunInputs& run, const std::vector<Plan>& all, const Candidates& c);

// Chooses the plan's programme: the mass, the eligible candidates, the greedy choice and each candidate's reach.
PlanResult choose_programme(const RunInputs& run, const KdeResult* kde, const Plan& plan, const HotspotIndex& hotspots,
                            Diagnostics& diag);

// Why a venue was or was not selected, in words, with its reach as published.
std::string venue_reason(const PlanResult& r, std::size_t v, const std::optional<double>& near);

}  // namespace hotspot::venues
