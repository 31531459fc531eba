#include "analysis/venue_programme.hpp"

#include <nanoflann.hpp>

#include "analysis/point_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <functional>
#include <queue>

namespace hotspot {
namespace {

struct MassCloud {
  const std::vector<MassPoint>& pts;
  std::size_t kdtree_get_point_count() const { return pts.size(); }
  double kdtree_get_pt(std::size_t i, std::size_t dim) const { return dim == 0 ? pts[i].x : pts[i].y; }
  template <class Box>
  bool kdtree_get_bbox(Box&) const { return false; }
};

using MassTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, MassCloud>, MassCloud, 2,
                                                     std::uint32_t>;

bool too_close(const VenueCandidate& a, const VenueCandidate& b, double spacing) {
  const double dx = a.x - b.x, dy = a.y - b.y;
  return dx * dx + dy * dy < spacing * spacing;
}

bool allowed(std::size_t c, const std::vector<std::size_t>& chosen, const std::vector<VenueCandidate>& cand,
             const ProgrammeParams& p) {
  for (std::size_t s : chosen) {
    if (s == c) return false;
    if (too_close(cand[c], cand[s], p.min_spacing)) return false;
    if (p.one_per_ward && cand[c].ward == cand[s].ward) return false;
  }
  return true;
}

double gain_of(const std::vector<std::uint32_t>& covers, const std::vector<MassPoint>& mass,
               const std::vector<char>& covered) {
  double g = 0;
  for (std::uint32_t e : covers)
    if (!covered[e]) g += mass[e].mass;
  return g;
}

void take(std::size_t c, Programme& prog, const std::vector<std::vector<std::uint32_t>>& catchment,
          const std::vector<MassPoint>& mass, std::vector<char>& covered) {
  const double g = gain_of(catchment[c], mass, covered);
  for (std::uint32_t e : catchment[c]) covered[e] = 1;
  prog.chosen.push_back(c);
  prog.gain.push_back(g);
  prog.covered += g;
}

}  // namespace

std::vector<std::vector<std::uint32_t>> catchments(const std::vector<MassPoint>& mass,
                                                   const std::vector<VenueCandidate>& candidates, double radius) {
  std::vector<std::vector<std::uint32_t>> out(candidates.size());
  if (mass.empty()) return out;
  const MassCloud cloud{mass};  // must outlive the tree
  MassTree tree(2, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16));
  tree.buildIndex();
  const double radius_sq = radius * radius;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const double q[2] = {candidates[c].x, candidates[c].y};
    RadiusCollector result(radius_sq, true, out[c]);
    tree.findNeighbors(result, q, nanoflann::SearchParams());
    std::sort(out[c].begin(), out[c].end());
  }
  return out;
}

Programme greedy_programme(const std::vector<MassPoint>& mass, const std::vector<VenueCandidate>& candidates,
                           const std::vector<std::vector<std::uint32_t>>& catchment, const ProgrammeParams& params) {
  Programme prog;
  std::vector<char> covered(mass.size(), 0);
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if (!candidates[c].must_include || static_cast<int>(prog.chosen.size()) >= params.k) continue;
    if (!allowed(c, prog.chosen, candidates, params))
      prog.notes.push_back("must-include venue " + std::to_string(c) + " is closer than the minimum spacing to "
                           "another must-include venue; kept anyway");
    take(c, prog, catchment, mass, covered);
  }
  // Lazy greedy: a candidate's gain can only fall as coverage grows, so a
  // stale upper bound at the top of the heap is refreshed before it is used.
  struct Entry {
    double gain;
    std::size_t index;
    bool operator<(const Entry& o) const { return gain < o.gain || (gain == o.gain && index > o.index); }
  };
  std::priority_queue<Entry> heap;
  for (std::size_t c = 0; c < candidates.size(); ++c)
    if (!candidates[c].must_include) heap.push({gain_of(catchment[c], mass, covered), c});
  while (static_cast<int>(prog.chosen.size()) < params.k && !heap.empty()) {
    Entry top = heap.top();
    heap.pop();
    if (!allowed(top.index, prog.chosen, candidates, params)) continue;  // constraints only tighten
    const double fresh = gain_of(catchment[top.index], mass, covered);
    if (fresh < top.gain && !heap.empty() && (fresh < heap.top().gain ||
                                             (fresh == heap.top().gain && top.index > heap.top().index))) {
      heap.push({fresh, top.index});
      continue;
    }
    if (fresh <= 0) break;  // nothing left to reach: a venue that adds nothing is no choice
    take(top.index, prog, catchment, mass, covered);
  }
  return prog;
}

Programme exhaustive_programme(const std::vector<MassPoint>& mass, const std::vector<VenueCandidate>& candidates,
                               const std::vector<std::vector<std::uint32_t>>& catchment, const ProgrammeParams& params) {
  Programme best;
  best.covered = -1;
  std::vector<std::size_t> pick;
  const std::size_t n = candidates.size();
  std::vector<std::size_t> must;
  for (std::size_t c = 0; c < n; ++c)
    if (candidates[c].must_include) must.push_back(c);
  // Depth-first over increasing index sets; only feasible sets are scored.
  auto score = [&](const std::vector<std::size_t>& set) {
    std::vector<char> covered(mass.size(), 0);
    double total = 0;
    for (std::size_t c : set)
      for (std::uint32_t e : catchment[c])
        if (!covered[e]) {
          covered[e] = 1;
          total += mass[e].mass;
        }
    return total;
  };
  std::function<void(std::size_t)> search = [&](std::size_t from) {
    const bool complete = static_cast<int>(pick.size()) == params.k;
    if (complete || from == n) {
      bool has_must = true;
      for (std::size_t m : must) has_must = has_must && std::find(pick.begin(), pick.end(), m) != pick.end();
      if (has_must) {
        const double s = score(pick);
        if (s > best.covered + 1e-12) {
          best.covered = s;
          best.chosen = pick;
        }
      }
      if (complete) return;
    }
    for (std::size_t c = from; c < n; ++c) {
      if (!candidates[c].must_include && !allowed(c, pick, candidates, params)) continue;
      pick.push_back(c);
      search(c + 1);
      pick.pop_back();
    }
  };
  search(0);
  if (best.covered < 0) best.covered = 0;
  return best;
}

}  // namespace hotspot
