// libFuzzer harness: incident files through the real readers. A header naming
// police.uk's "Crime ID" goes through the police.uk mapping; anything else
// through the mapped-CSV mapping of the sample force extract (data/sample).
#include <cstdint>
#include <string_view>

#include "app/config/config.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "io/incident_reader.hpp"
#include "io/record_source.hpp"

namespace {

using hotspot::fuzz::fail;

struct Setup {
  hotspot::Taxonomy police = hotspot::load_taxonomy(HOTSPOT_FUZZ_DATA_DIR "/themes/police-uk.toml");
  hotspot::Taxonomy force = hotspot::load_taxonomy(HOTSPOT_FUZZ_DATA_DIR "/themes/force-extract.toml");
  hotspot::IncidentSource police_spec = hotspot::IncidentSource::police_uk();
  hotspot::IncidentSource force_spec = [] {
    hotspot::IncidentSource s;  // as in data/sample/hotspot.toml
    s.name = "force extract";
    s.crs = "EPSG:27700";
    s.id = "incident_ref";
    s.date = "occurred_at";
    s.datetime_format = "%Y-%m-%d %H:%M";
    s.x = "easting";
    s.y = "northing";
    s.category = "offence_group";
    s.subcategory = "offence";
    s.flags = {{"domestic_abuse", "da_flag"}, {"hate", "hate_flag"}};
    return s;
  }();
  // Wide, so the date filter does not hide the rest of the row checks.
  hotspot::Period window = hotspot::parse_period("2000-01..2099-12");
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Setup setup;
  const std::string_view text = hotspot::fuzz::as_text(data, size);
  const bool police = text.substr(0, text.find('\n')).find("Crime ID") != std::string_view::npos;
  const auto path = hotspot::fuzz::scratch_dir() / "incidents.csv";
  hotspot::fuzz::write_file(path, text);
  try {
    auto source = hotspot::open_csv_source(path.string());
    hotspot::DuplicateIdFilter ids;
    const hotspot::FileReadResult r =
        hotspot::read_incident_rows(*source, path.string(), 0, police ? setup.police_spec : setup.force_spec,
                                    police ? setup.police : setup.force, setup.window, ids);
    // The manifest promises read = accepted + outside the data window + rejected.
    if (r.read != r.incidents.size() + r.outside_window + r.rejects.size())
      fail("read != accepted + outside window + rejected");
    volatile unsigned sink = 0;
    for (const auto& inc : r.incidents) {
      if (!setup.window.contains(inc.incident.month)) fail("an accepted incident lies outside the window");
      for (char c : inc.raw) sink = sink + static_cast<unsigned char>(c);
    }
  } catch (const hotspot::Error&) {
    // Empty file or a header without a mapped column: documented bad input.
  }
  return 0;
}
