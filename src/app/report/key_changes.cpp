#include "app/report/key_changes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "analysis/emerging_classes.hpp"
#include "app/tables/published_cells.hpp"
#include "io/html_tree.hpp"

namespace hotspot {
namespace {

std::string text_of(const Table& t, std::size_t row, const std::string& column) { return published_text(t, row, column); }

std::string lower_first(std::string s) {
  if (!s.empty() && !(s.size() > 1 && std::isupper(static_cast<unsigned char>(s[1]))))
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

// How far a count is from its usual level, in incidents (the ranking's size); 0 when either is withheld.
double size_of(const Table& t, std::size_t row, const std::string& count, const std::string& usual) {
  const auto c = published_number(t, row, count), u = published_number(t, row, usual);
  return c && u ? std::fabs(*c - *u) : 0;
}

// Significant changes on the 12-month baseline of one row (a ward, or the
// whole area): a rise where a rise is bad news (or a fall where it is good)
// is a Worse change, the rest Better.
void significant_change(const Table& w, std::size_t r, const Theme& theme, const std::string& name,
                        const std::string& what, std::vector<KeyChange>& out) {
  const std::string p = theme.id + "_";
  if (text_of(w, r, p + "significant") != "true") return;
  const auto count = published_number(w, r, p + "count");
  if (!count) return;
  const bool rise = text_of(w, r, p + "direction") == "rise";
  out.push_back({fmt::format("{}: {}{} incidents{} \u2014 a significant {}.", name, text_of(w, r, p + "count"), what,
                             against_usual(*count, published_cell(w, r, p + "baseline_mean"),
                                           published_cell(w, r, p + "change_baseline_pct")),
                             rise ? "rise" : "fall"),
                 rise == !theme.rise_is_good ? KeyChange::Worse : KeyChange::Better,
                 size_of(w, r, p + "count", p + "baseline_mean"), theme.id});
}

// Hotspots with a significant rise against their own baseline.
void hotspot_rises(const Table& h, const Theme& theme, const std::string& what, std::vector<KeyChange>& out) {
  if (h.column_index("significant") >= h.columns.size()) return;
  for (std::size_t r = 0; r < h.rows.size(); ++r) {
    if (text_of(h, r, "significant") != "true" || text_of(h, r, "direction") != "rise") continue;
    const auto count = published_number(h, r, "incidents");
    if (!count) continue;
    out.push_back({fmt::format("{}: {} {} incidents{} \u2014 a significant rise.", text_of(h, r, "label"),
                               text_of(h, r, "incidents"), what,
                               against_usual(*count, published_cell(h, r, "baseline_mean"),
                                             published_cell(h, r, "change_baseline_pct"))),
                   theme.rise_is_good ? KeyChange::Better : KeyChange::Worse,
                   size_of(h, r, "incidents", "baseline_mean"), theme.id});
  }
}

}  // namespace

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
  if (std::fabs(*pct) < 0.5) return fmt::format(", about its usual {}", usual);  // not "down 0%"
  return fmt::format(", {} {:.0f}% on its usual {}", *pct >= 0 ? "up" : "down", std::fabs(*pct), usual);
}

std::vector<KeyChange> ranked_key_changes(const RunInputs& run, const ReportSources& src) {
  const Table& w = src.wards.summary;
  const std::size_t all = w.rows.size() - 1;
  const auto& themes = run.cfg.taxonomy.themes;
  std::vector<KeyChange> out;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const Theme& theme = themes[t];
    const std::string p = theme.id + "_", what = lower_first(theme.label);
    // The whole area first: a theme's own significant change is news even where no one ward's is.
    significant_change(w, all, theme, theme.label + " (whole area)", "", out);
    for (std::size_t r = 0; r < all; ++r) significant_change(w, r, theme, text_of(w, r, "ward_name"), " " + what, out);
    if (theme.is_window()) {
      const auto count = published_number(w, all, p + "count");
      if (count && text_of(w, all, p + "direction") == "rise" && text_of(w, all, p + "significant") != "true")
        out.push_back({fmt::format("{}: {} incidents{}, not a significant rise.", theme.label,
                                   text_of(w, all, p + "count"),
                                   against_usual(*count, published_cell(w, all, p + "baseline_mean"),
                                                 published_cell(w, all, p + "change_baseline_pct"))),
                       KeyChange::Watch, size_of(w, all, p + "count", p + "baseline_mean"), theme.id});
    }
    if (const Table* table = src.hotspot_table(t)) hotspot_rises(*table, theme, what, out);
    for (const HotspotShape& h : src.hotspots(t)) {
      if (!h.space_time) continue;
      const EmergingClass c = h.space_time->cls;
      if (c == EmergingClass::NewHot || c == EmergingClass::IntensifyingHot)
        out.push_back({fmt::format("{} ({}): {}.", h.label, what, space_time_words(*h.space_time)), KeyChange::Watch,
                       0, theme.id});
    }
  }
  // Significant changes the bad way first, then what to watch, then good news; each by size, the largest
  // first (stable, so ties keep theme and ward order).
  std::stable_sort(out.begin(), out.end(), [](const KeyChange& a, const KeyChange& b) {
    return a.tier != b.tier ? a.tier < b.tier : a.size > b.size;
  });
  return out;
}

std::vector<std::string> key_change_sentences(const RunInputs& run, const ReportSources& src) {
  std::vector<std::string> out;
  for (const KeyChange& k : ranked_key_changes(run, src)) out.push_back(k.sentence);
  return out;
}

KeyChangesShown key_changes_summary(pugi::xml_node parent, const RunInputs& run, const ReportSources& src,
                                    std::size_t max_sentences) {
  const std::vector<KeyChange> changes = ranked_key_changes(run, src);
  const pugi::xml_node div = html::el(parent, "div", {{"class", "key-changes"}});
  html::el(div, "h2", {}, "Key changes");
  html::newline(parent);
  if (changes.empty()) {
    html::el(div, "p", {}, "No significant change on the usual levels this period, and no new or intensifying hotspot.");
    return {};
  }
  // The most important first, whichever theme; every theme red on the whole area is in the exception
  // list under it, so none is left off page 1.
  const pugi::xml_node ol = html::el(div, "ol");
  const std::size_t shown = std::min(changes.size(), max_sentences);
  for (std::size_t i = 0; i < shown; ++i)
    html::el(ol, "li", {{"data-theme", changes[i].theme}, {"data-tier", std::to_string(static_cast<int>(changes[i].tier))}},
             changes[i].sentence);
  KeyChangesShown r;
  r.more = changes.size() - shown;
  if (r.more > 0) r.more_note = html::el(div, "p", {{"class", "more"}});  // the caller says where, once pages are known
  return r;
}

}  // namespace hotspot
