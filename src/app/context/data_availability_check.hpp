#pragma once
// The run's account of what data it has: themes that cannot match anything in
// the inputs and months with no rows in the period and its comparison
// windows. Warnings for people, a manifest entry, and a hard stop (exit 1)
// when the period itself has no rows at all.
#include <string>
#include <vector>

#include "analysis/data_availability.hpp"
#include "app/config/config.hpp"
#include "app/context/ingest.hpp"
#include "io/json_writer.hpp"

namespace hotspot {

struct DataAvailability {
  std::vector<ThemeAvailability> themes;  // in taxonomy order
  struct Window {
    std::string name;  // period, previous, year_earlier, baseline
    Period months;
    std::vector<Month> without_rows;
  };
  std::vector<Window> windows;
  bool period_empty() const { return !windows.empty() && windows[0].without_rows.size() == static_cast<std::size_t>(windows[0].months.months()); }
};

DataAvailability assess_data(const RunConfig& cfg, const IngestResult& ingest);
// The manifest entry: each theme's availability, each window's months without rows.
void write_data_availability(JsonWriter& j, const RunConfig& cfg, const DataAvailability& a);
// Per theme: true when it cannot match anything in the inputs.
std::vector<bool> no_data_themes(const DataAvailability& a);
// One warning per theme with no data and per window with months missing.
std::vector<std::string> data_warnings(const RunConfig& cfg, const DataAvailability& a);

}  // namespace hotspot
