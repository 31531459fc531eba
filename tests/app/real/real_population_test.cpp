// Populations from small areas on the real data: ONS mid-2019 LSOA residents
// apportioned to the 2014 wards. LSOAs lie within boroughs, so each borough's
// wards must hold its LSOAs' residents, counted here straight from the CSV.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "app/context/population.hpp"
#include "io/ward_reader.hpp"
#include "test_support.hpp"

using namespace hotspot;

namespace {

const std::string kCsv = "population/london-lsoa-mid2019-population.csv";
const std::string kAreas = "population/lsoa-2011-boundaries/LSOA_2011_London_gen_MHW.shp";

// Residents by borough name, from the CSV's LAD11NM and Persons_All-Ages.
std::map<std::string, double> borough_totals() {
  std::istringstream in(test::read_text(test::shared_data_dir() / kCsv));
  std::string line;
  std::getline(in, line);
  std::map<std::string, double> out;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    out[f[5]] += std::stod(f[6]);  // LAD11NM, Persons_All-Ages (no quoted fields in this file)
  }
  return out;
}

struct Borough {
  std::vector<Ward> wards;
  PopulationAccount account;
};

Borough apportioned(const std::string& where, const std::string& ages = "") {
  GeosContext ctx;
  Diagnostics diag;
  WardSource src;
  src.path = (test::shared_data_dir() / "boundaries/london-wards-2014/London_Ward.shp").string();
  src.where = where;
  src.code_field = "GSS_CODE";
  src.name_field = "NAME";
  Borough b;
  b.wards = read_wards(ctx, src, "EPSG:27700", diag).wards;
  const WardSet set(ctx, b.wards);
  RunConfig cfg;
  cfg.crs = "EPSG:27700";
  cfg.population.path = (test::shared_data_dir() / kCsv).string();
  cfg.population.code_column = "LSOA11CD";
  cfg.population.value_column = "Persons_All-Ages";
  cfg.population.ages = ages;
  cfg.population.areas.path = (test::shared_data_dir() / kAreas).string();
  b.account = attach_population(cfg, ctx, set, b.wards, diag);
  return b;
}

double sum(const std::vector<Ward>& wards) {
  double s = 0;
  for (const Ward& w : wards) s += w.population.value_or(0);
  return s;
}

}  // namespace

TEST_CASE("Havering's ward populations sum to its LSOAs' residents", "[real][population]") {
  const double want = borough_totals().at("Havering");
  const Borough b = apportioned("BOROUGH = 'Havering'");
  REQUIRE(b.wards.size() == 18);
  CHECK(sum(b.wards) == Approx(want).margin(0.5));  // within rounding: no LSOA of a neighbour adds any
  CHECK(b.account.residents_cut_off < 0.5);
  for (const Ward& w : b.wards) CHECK(*w.population > 5000);  // London wards hold 5,000 to 25,000 residents
  INFO("nested " << b.account.areas_nested << ", split " << b.account.areas_split);
  CHECK(b.account.areas_nested > b.account.areas_split);  // LSOAs mostly nest in 2014 wards
}

TEST_CASE("an age range from the bands: 16-29 equals its column, 10-17 takes its shares", "[real][population]") {
  const Borough all = apportioned("BOROUGH = 'Harrow'", "16-29");
  const Borough young = apportioned("BOROUGH = 'Harrow'", "10-17");
  // Harrow's 16-29 from the CSV column directly.
  std::istringstream in(test::read_text(test::shared_data_dir() / kCsv));
  std::string line;
  std::getline(in, line);
  double want_16_29 = 0, want_10_17 = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    if (f[5] != "Harrow") continue;
    want_16_29 += std::stod(f[8]);
    want_10_17 += std::stod(f[7]) * 6 / 16 + std::stod(f[8]) * 2 / 14;
  }
  // A Harrow LSOA reaches past the borough's 2014 wards by more than the
  // tolerance, so a resident or so of it is left outside: given = held + outside.
  CHECK(sum(all.wards) + all.account.residents_cut_off == Approx(want_16_29).margin(0.5));
  CHECK(sum(young.wards) + young.account.residents_cut_off == Approx(want_10_17).margin(0.5));
  CHECK(all.account.residents_cut_off < 0.0001 * want_16_29);
}

TEST_CASE("all 649 London wards hold London's residents", "[real][population]") {
  double want = 0;
  for (const auto& [borough, n] : borough_totals()) want += n;
  const Borough london = apportioned("");
  REQUIRE(london.wards.size() == 649);
  CHECK(sum(london.wards) == Approx(want).epsilon(0.0005));
  INFO("split " << london.account.areas_split << " of " << london.account.areas_read << " LSOAs");
  CHECK(london.account.areas_read == 4835);
}
