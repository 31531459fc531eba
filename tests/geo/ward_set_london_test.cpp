// WardSet on London's 2014 wards (../shared/data; the runner skips when it is
// absent): contiguity equals the brute-force pair loop, the point lookup the
// lowest-code rule.
#include <catch2/catch.hpp>

#include "core/diagnostics.hpp"
#include "geo/contiguity.hpp"
#include "geo/ward_set.hpp"
#include "io/ward_reader.hpp"
#include "test_support.hpp"
#include "ward_set_checks.hpp"

using namespace hotspot;

TEST_CASE("ward set on the London wards equals brute force", "[ward_set][real]") {
  GeosContext ctx;
  Diagnostics diag;
  WardSource src;
  src.path = (test::shared_data_dir() / "boundaries/london-wards-2014/London_Ward.shp").string();
  src.code_field = "GSS_CODE";
  src.name_field = "NAME";
  const WardReadResult read = read_wards(ctx, src, "EPSG:27700", diag);
  REQUIRE(read.wards.size() > 600);
  const WardSet set(ctx, read.wards);
  const SpatialWeights got = queen_contiguity(set);
  CHECK(test::same_weights(got, test::brute_force_queen(ctx, read.wards)));
  CHECK(test::lookup_mismatches(ctx, set, read.wards, 5000, 11) == 0);
}
