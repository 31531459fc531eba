#pragma once
// Reads ward polygons from any OGR vector source, reprojects them with PROJ
// into the analysis CRS, repairs invalid ones (with a warning naming the ward)
// and returns them sorted by code.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/ward.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

// Every member has an initialiser (`{}`: empty), so another layer read the
// same way names only what differs (designated initialisers; GCC 12 warns of
// a member left out that has none).
struct WardSource {
  std::string path{};
  std::string layer{};             // empty = first layer
  std::string where{};             // OGR attribute filter, e.g. "BOROUGH = 'Havering'"
  std::string crs{};               // overrides the layer's CRS; required when it has none
  std::string code_field = "code";
  std::string name_field = "name";  // empty: the code is the name
  std::string population_field{};  // optional
  // Where its keys sit and what its features are, for messages: the ward
  // layer, or another polygon layer read the same way (population small areas).
  std::string table = "wards", noun = "ward", path_key = "path", code_key = "code_field";
  // When set (analysis CRS): only features whose envelope meets it are read,
  // so a London-wide small-area file costs a borough only its own polygons.
  std::optional<Bounds> near{};
};

struct WardReadResult {
  std::vector<Ward> wards;
  std::uint64_t features_read = 0;
  std::string source_crs;  // as found (WKT) or as configured
};

WardReadResult read_wards(const GeosContext& ctx, const WardSource& source,
                          const std::string& analysis_crs, Diagnostics& diag);

// The values of one field of a ward layer.
struct FieldValues {
  std::string field;
  std::vector<std::string> values;  // distinct, sorted
};

// For an attribute filter that selects no feature of the layer: each field of
// the layer the filter names, with its values in the whole layer. Empty when
// the filter selects a feature, names no field, or the source, the layer or
// the filter cannot be read (read_wards then says why).
std::vector<FieldValues> fields_behind_empty_filter(const std::string& path, const std::string& layer,
                                                    const std::string& where);

}  // namespace hotspot
