#pragma once
// The attacker's tools, shared by the disclosure attack tests on the sample
// and on real boroughs: read a pack's files back as a partner would, bound each
// withheld cell from what is published beside it, and check polygons against
// the documented lattices. Nothing here uses the engine's code.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "attack/pack.hpp"

namespace hotspot::attack {

// The CSV reader, Row, Bound (kInf: no upper bound) and is_withheld are the
// attacks' own (attack/pack.hpp).

// What the published rule says a cell shown as `text` can be, for minimum m.
Bound prior(const std::string& text, int m);

// total = sum(parts), each part known within its bound: the range part i is left with.
Bound deduce(const std::vector<Bound>& parts, const Bound& total, std::size_t i);

// The truth per theme and ward code ("ALL" for the area): count, previous,
// year_earlier and the baseline total, counted from the raw files.
using WardTruth = std::map<std::string, std::map<std::string, std::array<std::int64_t, 4>>>;

// Attacks every withheld cell of ward_summary.csv (count, previous,
// year_earlier, baseline_mean) by subtraction from the ALL row, with every
// other cell at its published bound. Checks that published numbers are the
// truth and that no withheld one is recovered exactly. Returns the cells attacked.
int attack_ward_table(const std::filesystem::path& pack, const WardTruth& truth,
                      const std::map<std::string, int>& min_count, int baseline_months);

// Derived values (rate, change, rank, p, RAG, Gi*, LISA) beside a withheld input are never numbers.
void attack_derived_values(const std::filesystem::path& pack, const std::map<std::string, int>& min_count);

// ---- geometry ------------------------------------------------------------------

struct Polygon {
  std::map<std::string, std::string> props;
  std::unique_ptr<OGRGeometry> bng;  // reprojected from the file's WGS84
};

// Every feature of a GeoJSON layer, reprojected to British National Grid.
std::vector<Polygon> read_bng(const std::filesystem::path& file);

// Every ring vertex of a (multi)polygon, closing points included.
std::vector<OGRPoint> vertices(const OGRGeometry& g);

// Distance of v from the nearest lattice line offset + k * cell.
double off_lattice(double v, double cell, double offset = 0);

constexpr double kTolerance = 0.01;  // metres: a WGS84 round trip at 15 significant figures
bool on_lattice(const OGRPoint& p, double cell);

}  // namespace hotspot::attack
