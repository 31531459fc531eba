#pragma once
// "Key changes first": the report's opening list, in sentences a chair can
// read aloud, ranked across all themes by importance. Built only from the
// published tables (ward_summary and the hotspot layers), so it can say
// nothing disclosure control withheld:
//   - a theme's significant change over the whole area, and each ward's;
//   - hotspots with a significant rise against their own baseline;
//   - hotspots that are new or intensifying hot spots (emerging classes);
//   - time windows whose area count rose on their baseline, not significantly.
// Significant changes the bad way come first, then what to watch, then the
// good news; within each, the largest change in incidents from the usual
// level first (never grouped by theme or ordered by name).
// "Larkhill: 75 anti-social behaviour incidents, three times its usual 24.8 —
// a significant rise." Percentages only where the table gives one.
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"
#include "app/tables/published_cells.hpp"

namespace hotspot {

struct KeyChange {
  enum Tier { Worse = 0, Watch = 1, Better = 2 };
  std::string sentence;
  Tier tier = Watch;
  double size = 0;   // incidents from the usual level (0 where withheld or unknown)
  std::string theme;  // its theme id
};

// Every key change, most important first.
std::vector<KeyChange> ranked_key_changes(const RunInputs& run, const ReportSources& src);
std::vector<std::string> key_change_sentences(const RunInputs& run, const ReportSources& src);

// ", three times its usual 25", ", up 30% on its usual 31.2", ", about its usual 530.6" (under 0.5% either
// way), ", against a usual 2" ("" without a usual level).
std::string against_usual(double count, const PublishedCell& usual_cell, const PublishedCell& pct_cell);

// What the cover page's list left for the other pages: how many, and the
// paragraph that is to say where (empty when none).
struct KeyChangesShown {
  std::size_t more = 0;
  pugi::xml_node more_note;
};

// The first `max_sentences` as the cover page's list, appended to `parent`.
KeyChangesShown key_changes_summary(pugi::xml_node parent, const RunInputs& run, const ReportSources& src,
                                    std::size_t max_sentences = 8);

}  // namespace hotspot
