#include "app/report/key_changes.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <optional>

#include "analysis/emerging_classes.hpp"
#include "app/tables/published_cells.hpp"
#include "io/html_tree.hpp"

namespace hotspot {
namespace {

std::string text_of(const Table& t, std::size_t row, const std::string& column) { return published_text(t, row, column); }

// "three times its usual 25", "up 30% on its usual 31.2", "down 12% on its usual 40".
std::string against_usual(double count, const PublishedCell& usual_cell, const PublishedCell& pct_cell) {
  const auto base = usual_cell.number, pct = pct_cell.number;
  const std::string& usual = usual_cell.text;
  if (!base) return "";
  if (!pct) return fmt::format(", against a usual {}", usual);  // too small a base for a percentage
  const double ratio = count / *base;
  if (ratio >= 1.95) {
    const double whole = std::round(ratio);
    const std::string times = std::fabs(ratio - whole) < 0.15
                                  ? (whole == 2 ? "twice" : whole == 3 ? "three times" : fmt::format("{:.0f} times", whole))
                                  : fmt::format("{:.1f} times", ratio);
    return fmt::format(", {} its usual {}", times, usual);
  }
  return fmt::format(", {} {:.0f}% on its usual {}", *pct >= 0 ? "up" : "down", std::fabs(*pct), usual);
}

std::string lower_first(std::string s) {
  if (!s.empty() && !(s.size() > 1 && std::isupper(static_cast<unsigned char>(s[1]))))
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

// Wards with a significant change on their baseline: a rise where a rise is
// bad news (or a fall where it is good) goes to `bad`, the rest to `good`.
void ward_changes(const Table& w, const Theme& theme, const std::string& what, std::vector<std::string>& bad,
                  std::vector<std::string>& good) {
  const std::string p = theme.id + "_";
  for (std::size_t r = 0; r + 1 < w.rows.size(); ++r) {  // not the ALL row
    if (text_of(w, r, p + "significant") != "true") continue;
    const auto count = published_number(w, r, p + "count");
    if (!count) continue;
    const bool rise = text_of(w, r, p + "direction") == "rise";
    const std::string s = fmt::format("{}: {} {} incidents{} \u2014 a significant {}.", text_of(w, r, "ward_name"),
                                      text_of(w, r, p + "count"), what,
                                      against_usual(*count, published_cell(w, r, p + "baseline_mean"),
                                                    published_cell(w, r, p + "change_baseline_pct")),
                                      rise ? "rise" : "fall");
    (rise == !theme.rise_is_good ? bad : good).push_back(s);
  }
}

// Hotspots with a significant rise against their own baseline.
void hotspot_rises(const Table& h, const std::string& what, std::vector<std::string>& out) {
  for (std::size_t r = 0; r < h.rows.size(); ++r) {
    if (h.column_index("significant") >= h.columns.size() || text_of(h, r, "significant") != "true" ||
        text_of(h, r, "direction") != "rise")
      continue;
    const auto count = published_number(h, r, "incidents");
    if (!count) continue;
    out.push_back(fmt::format("{}: {} {} incidents{} \u2014 a significant rise.", text_of(h, r, "label"),
                              text_of(h, r, "incidents"), what,
                              against_usual(*count, published_cell(h, r, "baseline_mean"),
                                            published_cell(h, r, "change_baseline_pct"))));
  }
}

}  // namespace

std::vector<std::string> key_change_sentences(const RunInputs& run, const ReportSources& src) {
  const Table& w = src.wards.summary;
  const std::size_t all = w.rows.size() - 1;
  const auto& themes = run.cfg.taxonomy.themes;
  std::vector<std::string> rises, falls, hotspots, emerging, windows;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const Theme& theme = themes[t];
    const std::string p = theme.id + "_", what = lower_first(theme.label);
    ward_changes(w, theme, what, rises, falls);
    if (theme.is_window()) {
      const auto count = published_number(w, all, p + "count");
      if (count && text_of(w, all, p + "direction") == "rise")
        windows.push_back(fmt::format("{}: {} incidents{}{}.", theme.label, text_of(w, all, p + "count"),
                                      against_usual(*count, published_cell(w, all, p + "baseline_mean"),
                                                    published_cell(w, all, p + "change_baseline_pct")),
                                      text_of(w, all, p + "significant") == "true" ? " \u2014 significant" : ""));
    }
    if (const Table* table = src.hotspot_table(t)) hotspot_rises(*table, what, hotspots);
    for (const HotspotShape& h : src.hotspots(t)) {
      if (!h.space_time) continue;
      const EmergingClass c = h.space_time->cls;
      if (c == EmergingClass::NewHot || c == EmergingClass::IntensifyingHot)
        emerging.push_back(fmt::format("{} ({}): {}.", h.label, what, space_time_words(*h.space_time)));
    }
  }
  std::vector<std::string> out;
  for (auto* list : {&rises, &hotspots, &emerging, &windows, &falls}) out.insert(out.end(), list->begin(), list->end());
  return out;
}

void key_changes_summary(pugi::xml_node parent, const RunInputs& run, const ReportSources& src,
                         std::size_t max_sentences) {
  const std::vector<std::string> sentences = key_change_sentences(run, src);
  const pugi::xml_node div = html::el(parent, "div", {{"class", "key-changes"}});
  html::el(div, "h2", {}, "Key changes");
  html::newline(parent);
  if (sentences.empty()) {
    html::el(div, "p", {}, "No significant change on the usual levels this period, and no new or intensifying hotspot.");
    return;
  }
  const pugi::xml_node ul = html::el(div, "ul");
  const std::size_t shown = std::min(sentences.size(), max_sentences);
  for (std::size_t i = 0; i < shown; ++i) html::el(ul, "li", {}, sentences[i]);
  if (sentences.size() > shown)
    html::el(div, "p", {{"class", "more"}}, fmt::format("{} more on the theme pages.", sentences.size() - shown));
}

}  // namespace hotspot
