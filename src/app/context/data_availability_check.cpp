#include "app/context/data_availability_check.hpp"

#include <fmt/format.h>

namespace hotspot {

DataAvailability assess_data(const RunConfig& cfg, const IngestResult& ingest) {
  DataAvailability a;
  std::vector<std::string> flags;
  for (const IncidentSource& s : cfg.incidents)
    for (const auto& [name, column] : s.flags) flags.push_back(name);
  for (const Theme& t : cfg.taxonomy.themes) a.themes.push_back(theme_availability(t, cfg.taxonomy, flags));
  std::vector<Month> months;
  months.reserve(ingest.incidents.size());
  for (const Incident& i : ingest.incidents) months.push_back(i.month);
  const Period& p = cfg.period;
  for (const auto& [name, window] : {std::pair{"period", p}, std::pair{"previous", p.previous()},
                                     std::pair{"year_earlier", p.year_earlier()}, std::pair{"baseline", p.baseline()}})
    a.windows.push_back({name, window, months_without_rows(window, months)});
  return a;
}

std::vector<bool> no_data_themes(const DataAvailability& a) {
  std::vector<bool> out;
  for (const ThemeAvailability& t : a.themes) out.push_back(!t.possible);
  return out;
}

void write_data_availability(JsonWriter& j, const RunConfig& cfg, const DataAvailability& a) {
  j.begin_array("themes");
  for (std::size_t t = 0; t < a.themes.size(); ++t) {
    j.begin_object().value("theme", cfg.taxonomy.themes[t].id).value("has_data", a.themes[t].possible);
    if (!a.themes[t].possible) j.value("reason", a.themes[t].reason);
    if (!a.themes[t].partial.empty()) {
      j.begin_array("rules_that_cannot_match");
      for (const std::string& r : a.themes[t].partial) j.value("", r);
      j.end_array();
    }
    j.end_object();
  }
  j.end_array().begin_array("months_without_rows");
  for (const auto& w : a.windows) {
    j.begin_object().value("window", w.name).value("first", format_month(w.months.first))
        .value("last", format_month(w.months.last)).begin_array("months");
    for (const Month m : w.without_rows) j.value("", format_month(m));
    j.end_array().end_object();
  }
  j.end_array();
}

std::vector<std::string> data_warnings(const RunConfig& cfg, const DataAvailability& a) {
  std::vector<std::string> out;
  for (std::size_t t = 0; t < a.themes.size(); ++t)
    for (const std::string& rule : a.themes[t].partial)
      out.push_back(fmt::format("theme '{}' counts only part of what it defines: one of its rules {}. Map the "
                                "column in [[incidents]] flags, or read the theme as a partial count.",
                                cfg.taxonomy.themes[t].id, rule));
  for (std::size_t t = 0; t < a.themes.size(); ++t)
    if (!a.themes[t].possible)
      out.push_back(fmt::format("theme '{}' has no data: it {}. Its counts are shown as \"no data\", not zero; map the "
                                "column in [[incidents]] flags or use a source that has it.",
                                cfg.taxonomy.themes[t].id, a.themes[t].reason));
  for (const auto& w : a.windows) {
    if (w.without_rows.empty()) continue;
    std::vector<std::string> names;
    for (const Month m : w.without_rows) names.push_back(format_month(m));
    out.push_back(fmt::format("the {} ({}) has no rows for {} of its {} months: {}. Add the missing files, or read its "
                              "figures knowing those months count as empty.",
                              w.name == "period" ? "period" : w.name == "previous" ? "previous period"
                              : w.name == "year_earlier" ? "same period a year earlier" : "12-month baseline",
                              w.months.range_text(), names.size(), w.months.months(), fmt::join(names, ", ")));
  }
  return out;
}

}  // namespace hotspot
