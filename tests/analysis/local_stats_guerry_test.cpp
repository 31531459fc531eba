// Local G and G* against GeoDa's results on the Guerry data (real data in
// ../shared/data/known-answers; run by the real-data executable).
#include <catch2/catch.hpp>

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>

#include "analysis/local_stats.hpp"
#include "test_support.hpp"

using namespace hotspot;

TEST_CASE("local G and G* on Guerry equal GeoDa", "[local_stats]") {
  const auto dir = test::shared_data_dir() / "known-answers/guerry-geoda";
  if (!std::filesystem::exists(dir / "Guerry.shp")) {
    WARN("skipped: " << dir.string() << " is absent (the shared data is not beside the clone)");
    return;
  }
  CPLJSONDocument doc;
  REQUIRE(doc.Load((dir / "expected.json").string()));
  const CPLJSONArray g_expected = doc.GetRoot().GetArray("expected/local_G[0:3]");
  const CPLJSONArray gs_expected = doc.GetRoot().GetArray("expected/local_Gstar[0:3]");
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "Guerry.shp").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::vector<std::unique_ptr<OGRGeometry>> geoms;
  std::vector<double> x;
  for (auto& f : *ds->GetLayer(0)) {
    geoms.emplace_back(f->GetGeometryRef()->clone());
    x.push_back(f->GetFieldAsDouble("Crm_prp"));
  }
  REQUIRE(geoms.size() == 85);
  SpatialWeights queen;
  queen.neighbours.resize(85);
  for (int i = 0; i < 85; ++i)
    for (int j = 0; j < 85; ++j)
      if (i != j && geoms[static_cast<std::size_t>(i)]->Intersects(geoms[static_cast<std::size_t>(j)].get()))
        queen.neighbours[static_cast<std::size_t>(i)].emplace_back(j, 1.0);
  CHECK(queen.neighbours[0].size() == 4);
  CHECK(queen.neighbours[1].size() == 6);
  CHECK(queen.neighbours[2].size() == 6);
  const LocalG g = local_g(x, queen, false, true), gs = local_g(x, queen, true, true);
  for (int i = 0; i < 3; ++i) {
    CHECK(g.g[static_cast<std::size_t>(i)] == Approx(g_expected[i].ToDouble()).epsilon(1e-12));
    CHECK(gs.g[static_cast<std::size_t>(i)] == Approx(gs_expected[i].ToDouble()).epsilon(1e-12));
  }
}
