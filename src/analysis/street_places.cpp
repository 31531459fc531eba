#include "analysis/street_places.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/disjoint_sets.hpp"

namespace hotspot {
namespace {

constexpr double kSnap = 10;  // metres: one recorded point (a police.uk map point)

struct Point {
  std::uint32_t street;
  std::int64_t i, j;  // snapped
  bool operator<(const Point& o) const { return std::tie(street, i, j) < std::tie(o.street, o.i, o.j); }
  bool operator==(const Point& o) const { return street == o.street && i == o.i && j == o.j; }
};

}  // namespace

StreetPlaces street_places(std::span<const Incident> incidents, const StreetNames& names, double link_m) {
  StreetPlaces out;
  out.of_incident.assign(incidents.size(), kNoPlace);
  // Distinct points per name, in (name, x, y) order.
  std::vector<Point> points;
  for (const Incident& inc : incidents)
    if (inc.street != kNoStreet)
      points.push_back({inc.street, std::llround(inc.x / kSnap), std::llround(inc.y / kSnap)});
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  const auto point_of = [&](const Incident& inc) {
    const Point p{inc.street, std::llround(inc.x / kSnap), std::llround(inc.y / kSnap)};
    return static_cast<std::size_t>(std::lower_bound(points.begin(), points.end(), p) - points.begin());
  };
  // Single linkage within each name: points of one name within link_m are one place.
  DisjointSets linked(points.size());
  const double link = link_m / kSnap;
  for (std::size_t a = 0, end = 0; a < points.size(); a = end) {
    end = a;
    while (end < points.size() && points[end].street == points[a].street) ++end;
    if (generic_place(names.name(points[a].street)) || end - a < 2) continue;
    // Buckets of the link's size: a point links only to points in its own and the 8 neighbouring buckets.
    const auto cell = static_cast<std::int64_t>(std::max(1.0, std::ceil(link)));
    const auto bucket = [cell](std::int64_t v) { return v >= 0 ? v / cell : -((-v + cell - 1) / cell); };
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::size_t>> buckets;
    for (std::size_t k = a; k < end; ++k) buckets[{bucket(points[k].i), bucket(points[k].j)}].push_back(k);
    for (const auto& [key, members] : buckets)
      for (std::int64_t di = -1; di <= 1; ++di)
        for (std::int64_t dj = -1; dj <= 1; ++dj) {
          const auto other = buckets.find({key.first + di, key.second + dj});
          if (other == buckets.end()) continue;
          for (const std::size_t p : members)
            for (const std::size_t q : other->second) {
              if (q <= p) continue;
              const double dx = static_cast<double>(points[p].i - points[q].i);
              const double dy = static_cast<double>(points[p].j - points[q].j);
              if (dx * dx + dy * dy <= link * link) linked.join(p, q);
            }
        }
  }
  // Places in order of their first point (roots are the lowest index of each group).
  std::vector<std::uint32_t> place_of_root(points.size(), kNoPlace);
  for (std::size_t k = 0; k < points.size(); ++k) {
    const std::size_t r = linked.find(k);
    if (place_of_root[r] == kNoPlace) {
      place_of_root[r] = static_cast<std::uint32_t>(out.places.size());
      out.places.push_back(StreetPlace{points[k].street});
    }
  }
  // Incidents per place, per ward and per point: the place's ward and busiest point.
  std::vector<std::map<std::uint32_t, long>> wards(out.places.size());
  std::vector<long> per_point(points.size(), 0);
  for (std::size_t n = 0; n < incidents.size(); ++n) {
    const Incident& inc = incidents[n];
    if (inc.street == kNoStreet) continue;
    const std::size_t k = point_of(inc);
    const std::uint32_t place = place_of_root[linked.find(k)];
    out.of_incident[n] = place;
    ++wards[place][inc.ward];
    ++per_point[k];
  }
  std::vector<long> best(out.places.size(), -1);
  for (std::size_t k = 0; k < points.size(); ++k) {  // (x, y) order within a name: the first of equals wins
    const std::uint32_t place = place_of_root[linked.find(k)];
    if (per_point[k] > best[place]) {
      best[place] = per_point[k];
      out.places[place].x = static_cast<double>(points[k].i) * kSnap;
      out.places[place].y = static_cast<double>(points[k].j) * kSnap;
    }
  }
  std::vector<int> per_name(names.size(), 0);
  for (const StreetPlace& p : out.places) ++per_name[p.street];
  for (std::size_t p = 0; p < out.places.size(); ++p) {
    long most = -1;
    for (const auto& [ward, n] : wards[p])  // ascending ward: the lower of equal counts wins
      if (n > most) out.places[p].ward = ward, most = n;
    out.places[p].shared_name = per_name[out.places[p].street] > 1 || generic_place(names.name(out.places[p].street));
  }
  return out;
}

BusiestNames busiest_names(std::span<const std::pair<std::uint32_t, double>> weighted, const StreetNames& names,
                           double share, std::size_t most) {
  BusiestNames out;
  std::unordered_map<std::uint32_t, double> by_name;
  double total = 0, named = 0;
  for (const auto& [street, w] : weighted) {
    total += w;
    if (street == kNoStreet) continue;
    named += w;
    by_name[street] += w;
  }
  out.named_share = total > 0 ? named / total : 0;
  // A patrol finds a street, not "Shopping Area": generic places only when there is no street.
  bool any_street = false;
  for (const auto& [street, w] : by_name) any_street = any_street || !generic_place(names.name(street));
  if (any_street) {
    std::erase_if(by_name, [&](const auto& e) { return generic_place(names.name(e.first)); });
    named = 0;
    for (const auto& [street, w] : by_name) named += w;
  }
  std::vector<std::pair<std::uint32_t, double>> ranked(by_name.begin(), by_name.end());
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    if (names.key(a.first) != names.key(b.first)) return names.key(a.first) < names.key(b.first);
    return a.first < b.first;
  });
  double held = 0;
  for (const auto& [street, w] : ranked) {
    if (out.streets.size() == most || (named > 0 && held >= share * named * (1 - 1e-12))) break;
    out.streets.push_back(street);
    held += w;
  }
  return out;
}

std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace hotspot
