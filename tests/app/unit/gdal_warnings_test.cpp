// GDAL's warnings during a run land in the run's warnings, once each with a
// count; its errors do not (our own exception reports them).
#include <catch2/catch.hpp>

#include "app/context/gdal_warnings.hpp"

using namespace hotspot;

TEST_CASE("GDAL warnings go to the run's diagnostics, errors do not", "[gdal_warnings]") {
  Diagnostics diag;
  {
    const RunWarnings routed(diag);
    CPLError(CE_Warning, CPLE_AppDefined, "field %s truncated", "name");
    CPLError(CE_Failure, CPLE_AppDefined, "cannot open the file");
    CPLError(CE_Warning, CPLE_AppDefined, "field %s truncated", "name");
    CPLError(CE_Warning, CPLE_AppDefined, "another");
    CHECK(std::string(CPLGetLastErrorMsg()) == "another");  // GDAL keeps the last message for our exceptions
  }
  CPLError(CE_Warning, CPLE_AppDefined, "after the run");  // the test runner's quiet handler again
  REQUIRE(diag.warnings.size() == 2);
  CHECK(diag.warnings[0] == "GDAL: field name truncated (raised 2 times)");
  CHECK(diag.warnings[1] == "GDAL: another");
}
