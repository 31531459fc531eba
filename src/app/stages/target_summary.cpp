#include "app/stages/target_summary.hpp"

#include "io/csv_writer.hpp"

namespace hotspot {
namespace {

Rag rag_of(const std::string& text) {
  if (text == "red") return Rag::Red;
  if (text == "amber") return Rag::Amber;
  if (text == "green") return Rag::Green;
  return Rag::None;
}

PublishedComparison comparison(const Table& t, const std::vector<Cell>& row, const std::string& prefix) {
  const auto cell = [&](const std::string& column) -> std::pair<const Cell&, std::string> {
    const std::size_t c = t.column_index(prefix + column);
    return {row[c], cell_text(row[c], t.columns[c])};
  };
  const auto integer = [](const Cell& c) {
    return c.kind == Cell::Kind::Integer ? std::optional<std::int64_t>(c.i) : std::nullopt;
  };
  const auto real = [](const Cell& c) { return c.kind == Cell::Kind::Real ? std::optional<double>(c.d) : std::nullopt; };
  PublishedComparison p;
  const auto [now, now_text] = cell("");
  const auto [before, before_text] = cell("_before");
  p.now = integer(now);
  p.before = integer(before);
  p.now_text = now_text;
  p.before_text = before_text;
  p.change_pct = real(cell("_change_pct").first);
  p.target_pct = real(cell("_target_pct").first);
  const auto [status, status_text] = cell("_status");
  p.status = status.kind == Cell::Kind::Text ? rag_of(status.s) : Rag::None;
  p.status_text = status_text;
  return p;
}

}  // namespace

std::vector<ThemeTargets> published_targets(const Table& summary, const std::vector<Theme>& themes) {
  const std::size_t code = summary.column_index("ward_code"), name = summary.column_index("ward_name");
  std::vector<ThemeTargets> out;
  for (const Theme& theme : themes) {
    ThemeTargets t;
    t.theme = theme.id;
    for (std::size_t r = 0; r < summary.rows.size(); ++r) {  // the ALL row last
      const std::vector<Cell>& row = summary.rows[r];
      PlaceTargets place{row[code].s, row[name].s, comparison(summary, row, theme.id + "_ytd"),
                         comparison(summary, row, theme.id + "_rolling_12")};
      if (r + 1 == summary.rows.size()) t.area = std::move(place);
      else t.wards.push_back(std::move(place));
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace hotspot
