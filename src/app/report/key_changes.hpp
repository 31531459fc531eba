#pragma once
// "Key changes first": the report's opening list, in sentences a chair can
// read aloud. Built only from the published tables (ward_summary and the
// hotspot layers), so it can say nothing disclosure control withheld:
//   - wards with a significant rise or fall against their 12-month baseline;
//   - hotspots with a significant rise against their own baseline;
//   - hotspots that are new or intensifying hot spots (emerging classes);
//   - time windows whose area count rose on their baseline.
// "Larkhill: 75 Anti-social behaviour incidents, three times its usual 25 — a
// significant rise." Percentages only where the table gives one (a base of at
// least kMinPercentBase).
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

// Every sentence, most pressing first: bad-news ward changes, hotspot rises,
// new or intensifying hotspots, window rises, then good-news ward changes.
std::vector<std::string> key_change_sentences(const RunInputs& run, const ReportSources& src);

// The first `max_sentences` of them as the cover page's list, appended to `parent`.
void key_changes_summary(pugi::xml_node parent, const RunInputs& run, const ReportSources& src,
                         std::size_t max_sentences = 8);

}  // namespace hotspot
