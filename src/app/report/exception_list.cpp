#include "app/report/exception_list.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <string>
#include <vector>

#include "app/report/key_changes.hpp"
#include "app/tables/published_cells.hpp"
#include "io/html_tree.hpp"

namespace hotspot {
namespace {

// Red and amber wards the cover page names, one theme's to a line, before "and N more".
constexpr std::size_t kRedWards = 5, kAmberNames = 3;

// Why one row (the whole area or a ward) is red or amber, in plain words:
// "312 incidents, up 22% on its usual 256 — a significant rise".
std::vector<std::string> reasons(const Table& w, std::size_t r, const Theme& theme, const std::string& rag) {
  const std::string p = theme.id + "_";
  std::vector<std::string> out;
  const auto count = published_number(w, r, p + "count");
  const std::string usual = count ? against_usual(*count, published_cell(w, r, p + "baseline_mean"),
                                                  published_cell(w, r, p + "change_baseline_pct"))
                                  : "";
  const std::string way = theme.rise_is_good ? "fall" : "rise";
  std::string first = fmt::format("{} incidents{}", published_text(w, r, p + "count"), usual);
  if (rag == "red") first += fmt::format(" \u2014 a significant {} on the usual level", way);
  else if (theme.target && published_number(w, r, p + "change_baseline_pct"))
    first += fmt::format(" \u2014 short of its target, a {:g}% {} on the usual level", std::fabs(*theme.target * 100),
                         *theme.target < 0 ? "fall" : "rise");
  else first += fmt::format(" \u2014 a {} on the usual level, not a significant one", way);
  out.push_back(first);
  return out;
}

// "Year to date: 4,887 incidents against 4,830 in the same months last year, up 1.2%; the target is a fall
// of 3%, missed by more than chance." Only what the ward table publishes for the comparison.
// "year to date up 1% on last year (4887 against 4830), target a 3% fall: missed by more than chance".
// Without a target it is judged against no change.
std::string target_reason(const char* what, const char* before, const PublishedComparison& c) {
  const double pct = c.change_pct.value_or(0);
  std::string s = std::fabs(pct) < 0.5 ? fmt::format("{} about the same as {}", what, before)
                                        : fmt::format("{} {} {:.0f}% on {}", what, pct > 0 ? "up" : "down", std::fabs(pct), before);
  s += fmt::format(" ({} against {})", c.now_text, c.before_text);
  const bool beyond_chance = c.status == Rag::Red;
  if (c.target_pct)
    s += fmt::format(", target a {:g}% {}: {}", std::fabs(*c.target_pct), *c.target_pct < 0 ? "fall" : "rise",
                     beyond_chance ? "missed by more than chance" : "missed, within chance");
  else s += beyond_chance ? ", more than chance" : ", within chance";
  return s;
}

std::string joined(const std::vector<std::string>& parts) { return fmt::format("{}", fmt::join(parts, "; ")); }

void item(pugi::xml_node ul, const std::string& rag, const std::string& lead, const std::string& rest,
          const std::string& theme) {
  const pugi::xml_node li = html::el(ul, "li", {{"data-theme", theme}, {"data-rag", rag}});
  html::el(li, "span", {{"class", "rag rag-" + rag}}, rag);
  html::text(li, " ");
  html::el(li, "b", {}, lead);
  html::text(li, rest);
}

}  // namespace

void exception_list(pugi::xml_node parent, const RunInputs& run, const Table& w,
                    const std::vector<ThemeTargets>& targets) {
  const std::size_t all = w.rows.size() - 1;
  const auto& themes = run.cfg.taxonomy.themes;
  const pugi::xml_node div = html::el(parent, "div", {{"class", "exceptions"}});
  html::el(div, "h2", {}, "Exceptions: red and amber");
  const pugi::xml_node ul = html::el(div, "ul");
  std::size_t listed = 0, red_wards = 0, left = 0;
  bool amber_more = false;
  // Themes over the whole area, one line each with every reason: red first, then amber. A theme's colour is
  // the worst of its RAG on the usual level and its year-to-date and rolling-12-month statuses.
  auto target_of = [&](const Theme& t) -> const ThemeTargets* {
    for (const ThemeTargets& tt : targets)
      if (tt.theme == t.id) return &tt;
    return nullptr;
  };
  for (const std::string rag : {"red", "amber"})
    for (const Theme& t : themes) {
      const std::string usual = published_text(w, all, t.id + "_rag");
      const ThemeTargets* tt = target_of(t);
      const auto status_of = [&](const PublishedComparison& c) { return std::string(rag_name(c.status)); };
      const std::string ytd = tt ? status_of(tt->area.ytd) : "", rolling = tt ? status_of(tt->area.rolling) : "";
      const bool is_red = usual == "red" || ytd == "red" || rolling == "red";
      const bool is_amber = !is_red && (usual == "amber" || ytd == "amber" || rolling == "amber");
      if (!(rag == "red" ? is_red : is_amber)) continue;
      std::vector<std::string> why;
      if (usual == "red" || usual == "amber") why = reasons(w, all, t, usual);
      if (ytd == "red" || ytd == "amber") why.push_back(target_reason("year to date", "last year", tt->area.ytd));
      // A period that ends the financial year has one year to date and rolling year: said once.
      const bool same_year = run.cfg.period.year_to_date(run.cfg.year_start_month).months() == 12;
      if ((rolling == "red" || rolling == "amber") && !(same_year && rolling == ytd && tt->area.rolling.target_pct == tt->area.ytd.target_pct))
        why.push_back(target_reason("12 months", "the 12 before", tt->area.rolling));
      item(ul, rag, t.label + ":", fmt::format(" {}.", joined(why)), t.id);
      ++listed;
    }
  // Red wards, each with its reason, in theme and ward order (Key changes ranks them).
  for (const Theme& t : themes)
    for (std::size_t r = 0; r < all; ++r) {
      if (published_text(w, r, t.id + "_rag") != "red") continue;
      if (red_wards++ >= kRedWards) {
        ++left;
        continue;
      }
      item(ul, "red", fmt::format("{} ({}):", published_text(w, r, "ward_name"), t.label),
           fmt::format(" {}.", joined(reasons(w, r, t, "red"))), t.id);
      ++listed;
    }
  // Amber wards, a theme to a line: the bad way on their usual level, not significantly (or short of the target).
  for (const Theme& t : themes) {
    std::vector<std::string> names;
    for (std::size_t r = 0; r < all; ++r)
      if (published_text(w, r, t.id + "_rag") == "amber") names.push_back(published_text(w, r, "ward_name"));
    if (names.empty()) continue;
    const std::size_t total = names.size(), shown = std::min(total, kAmberNames);
    amber_more = amber_more || total > shown;
    names.resize(shown);
    item(ul, "amber", fmt::format("{} ({} ward{}):", t.label, total, total == 1 ? "" : "s"),
         fmt::format(" {}{} \u2014 {}.", fmt::join(names, ", "),
                     total > shown ? fmt::format(" and {} more", total - shown) : "",
                     t.target ? fmt::format("short of the target, a {:g}% {}", std::fabs(*t.target * 100),
                                            *t.target < 0 ? "fall" : "rise")
                              : fmt::format("{} usual, within chance", t.rise_is_good ? "below" : "above")),
         t.id);
    ++listed;
  }
  if (listed == 0) html::el(div, "p", {}, "None: no theme or ward is red or amber this period.");
  if (left > 0 || amber_more)
    html::el(div, "p", {{"class", "more"}, {"data-pages", "wards"}},
             left > 0 ? fmt::format("{} more red ward{}, and every ward's RAG, in the ward table{{pages}}.", left,
                                    left == 1 ? "" : "s")
                      : std::string("Every ward's RAG is in the ward table{pages}."));
}

}  // namespace hotspot
