#include "attack/ward_model.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <stdexcept>

namespace hotspot::attack {
namespace fs = std::filesystem;

std::string Quantity::describe() const {
  const std::string when = months.first == months.last ? month_text(months.first)
                                                       : month_text(months.first) + ".." + month_text(months.last);
  return theme + " " + row + " " + when;
}

WardTableAttack::WardTableAttack(ThemeAlgebra algebra, WardModelOptions options)
    : algebra_(std::move(algebra)), options_(options) {}

int WardTableAttack::var(std::size_t ward, MonthIndex month, std::size_t atom) {
  const auto key = std::make_tuple(ward, month, atom);
  const auto it = vars_.find(key);
  if (it != vars_.end()) return it->second;
  const int v = model_.add_var(wards_[ward] + " " + month_text(month) + " atom " + std::to_string(atom));
  vars_[key] = v;
  var_key_.push_back(key);
  return v;
}

std::vector<Term> WardTableAttack::expression(const std::string& theme, const std::string& row, MonthRange months) {
  const int t = algebra_.theme_index(theme);
  if (t < 0) throw std::runtime_error("theme " + theme + " is not in the algebra");
  std::vector<std::size_t> wards;
  if (row == "ALL") {
    for (std::size_t w = 0; w < wards_.size(); ++w) wards.push_back(w);
  } else {
    const auto it = std::find(wards_.begin(), wards_.end(), row);
    if (it == wards_.end()) throw std::runtime_error("ward " + row + " is not in the first pack");
    wards.push_back(static_cast<std::size_t>(it - wards_.begin()));
  }
  std::vector<Term> terms;
  for (std::size_t w : wards)
    for (MonthIndex m = months.first; m <= months.last; ++m)
      for (int a : algebra_.atoms_of(t)) terms.push_back({var(w, m, static_cast<std::size_t>(a)), 1.0});
  return terms;
}

int WardTableAttack::target(const std::string& theme, const std::string& row, MonthRange months) {
  const auto key = std::make_tuple(theme, row, months.first, months.last);
  const auto it = target_of_.find(key);
  if (it != target_of_.end()) return it->second;
  const int t = model_.add_target(expression(theme, row, months));
  target_of_[key] = t;
  quantities_.push_back({theme, row, months});
  return t;
}

void WardTableAttack::add_pack(const fs::path& pack) {
  const Manifest m = read_manifest(pack);
  empty_months_.insert(m.months_without_rows.begin(), m.months_without_rows.end());
  const std::vector<Row> rows = read_csv(pack / "ward_summary.csv");
  if (wards_.empty())
    for (const Row& r : rows)
      if (r.at("ward_code") != "ALL") wards_.push_back(r.at("ward_code"));
  const std::string name = pack.filename().string() + " (" + month_text(m.period.first) + ")";
  const double period_months = m.period.size();
  for (const ThemeInfo& th : m.themes) {
    if (algebra_.theme_index(th.id) < 0) continue;
    const int mc = th.min_count;
    struct Column {
      const char* name;
      MonthRange months;
      bool use;
    };
    const Column columns[] = {{"count", m.period, true},
                              {"previous", m.previous, options_.comparisons},
                              {"year_earlier", m.year_earlier, options_.comparisons},
                              {"baseline_mean", m.baseline, options_.baseline},
                              {"ytd", m.year_to_date, options_.cumulative},
                              {"ytd_before", m.year_to_date_before, options_.cumulative},
                              {"rolling_12", m.rolling_12, options_.cumulative},
                              {"rolling_12_before", m.rolling_12_before, options_.cumulative}};
    for (const Row& r : rows) {
      const std::string& row = r.at("ward_code");
      for (const Column& c : columns) {
        if (!c.use || c.months.size() == 0) continue;
        const auto f = r.find(th.id + "_" + c.name);
        if (f == r.end()) continue;
        const std::string& text = f->second;
        Bound b;
        const std::string label = name + " " + th.id + "_" + c.name + " " + row + " = '" + text + "'";
        if (std::string(c.name) == "baseline_mean" && is_number(text)) {
          const auto months = r.find(th.id + "_baseline_months");
          if (months == r.end() || !is_number(months->second)) continue;
          const double B = std::stod(months->second), v = std::stod(text);
          b = {std::max(0.0, std::ceil((v - 0.05) * B / period_months - 1e-9)),
               std::floor((v + 0.05) * B / period_months + 1e-9)};
        } else if (std::string(c.name) == "baseline_mean" && text == "[c]") {
          b = {1, kInf};  // a withheld baseline reads [c] whether primary (1..m-1) or secondary (>= m)
        } else if (!count_bound(text, mc, b)) {
          continue;
        } else if (text == "[c]" && c.months.size() > 1) {
          b = {1, kInf};  // a sum of months withheld with a withheld month (year to date, rolling 12): at least 1
        }
        model_.add_constraint(expression(th.id, row, c.months), b, label);
        if (is_withheld(text)) {
          const int t = target(th.id, row, c.months);
          Quantity& q = quantities_[static_cast<std::size_t>(t)];
          q.prior = {std::max(q.prior.lo, b.lo), std::min(q.prior.hi, b.hi)};
          withheld_.push_back({name, th.id, row, c.name, text, t});
        }
      }
    }
  }
  if (options_.trend_charts) add_trend_charts(pack, m);
}

const LinearModel& WardTableAttack::model() {
  for (std::size_t v = 0; v < var_key_.size(); ++v)
    if (empty_months_.count(std::get<1>(var_key_[v]))) model_.var_hi[v] = 0;
  return model_;
}

std::vector<double> WardTableAttack::truth_vector(const std::vector<TruthIncident>& truth, long* unmodelled) {
  std::vector<double> x(model_.var_lo.size(), 0.0);
  long missing = 0;
  for (const TruthIncident& inc : truth) {
    const auto w = std::find(wards_.begin(), wards_.end(), inc.ward);
    if (w == wards_.end()) continue;
    const std::size_t ward = static_cast<std::size_t>(w - wards_.begin());
    Signature s = 0;
    for (const std::string& th : inc.themes) {
      const int t = algebra_.theme_index(th);
      if (t >= 0) s |= Signature{1} << t;
    }
    if (s == 0) continue;
    std::vector<Signature> parts;
    if (algebra_.independent) {
      for (std::size_t t = 0; t < algebra_.themes.size(); ++t)
        if (s & (Signature{1} << t)) parts.push_back(Signature{1} << t);
    } else {
      parts.push_back(s);
    }
    for (Signature p : parts) {
      const int a = algebra_.atom_of(p);
      if (a < 0) {
        ++missing;
        continue;
      }
      const auto it = vars_.find(std::make_tuple(ward, inc.month, static_cast<std::size_t>(a)));
      if (it != vars_.end()) x[static_cast<std::size_t>(it->second)] += 1;
    }
  }
  if (unmodelled) *unmodelled = missing;
  return x;
}

// ---- the report's trend charts ---------------------------------------------------

namespace {

double attr(const std::string& tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const std::size_t at = tag.find(key);
  if (at == std::string::npos) return NAN;
  return std::stod(tag.substr(at + key.size()));
}

std::string attr_text(const std::string& tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const std::size_t at = tag.find(key);
  if (at == std::string::npos) return "";
  const std::size_t end = tag.find('"', at + key.size());
  return tag.substr(at + key.size(), end - at - key.size());
}

}  // namespace

void WardTableAttack::add_trend_charts(const fs::path& pack, const Manifest& m) {
  const std::string html = read_text(pack / "report.html");
  std::size_t at = 0;
  while ((at = html.find("<figure class=\"trend\">", at)) != std::string::npos) {
    const std::size_t end = html.find("</figure>", at);
    const std::string fig = html.substr(at, end - at);
    at = end;
    const std::size_t svg = fig.find("<svg");
    const std::string label = attr_text(fig.substr(svg, fig.find('>', svg) - svg), "aria-label");
    const ThemeInfo* theme = nullptr;
    for (const ThemeInfo& t : m.themes)
      if (t.label == label) theme = &t;
    if (!theme || algebra_.theme_index(theme->id) < 0) continue;
    // Gridlines with their values, month labels with their x, and the incident points.
    std::vector<std::pair<double, double>> ticks;  // (y, value)
    std::vector<std::pair<double, MonthIndex>> months;
    std::vector<std::pair<double, double>> points;  // (cx, cy)
    std::size_t p = 0;
    while ((p = fig.find('<', p)) != std::string::npos) {
      const std::size_t q = fig.find('>', p);
      const std::string tag = fig.substr(p, q - p + 1);
      if (tag.rfind("<line", 0) == 0 && attr_text(tag, "stroke") == "#ddd") {
        const std::size_t t0 = fig.find("<text", q), t1 = fig.find('>', t0), t2 = fig.find("</text>", t1);
        ticks.emplace_back(attr(tag, "y1"), std::stod(fig.substr(t1 + 1, t2 - t1 - 1)));
      } else if (tag.rfind("<text", 0) == 0 && attr_text(tag, "text-anchor") == "middle") {
        const std::size_t t2 = fig.find("</text>", q);
        const std::string text = fig.substr(q + 1, t2 - q - 1);
        if (std::regex_match(text, std::regex("[0-9]{4}-[0-9]{2}"))) months.emplace_back(attr(tag, "x"), parse_month(text));
      } else if (tag.rfind("<circle", 0) == 0 && attr_text(tag, "fill") == "#d7301f") {
        points.emplace_back(attr(tag, "cx"), attr(tag, "cy"));
      }
      p = q;
    }
    if (ticks.size() < 2 || months.size() < 2) continue;
    const auto [y0, v0] = ticks.front();
    const auto [y1, v1] = ticks.back();
    const double step = (months[1].first - months[0].first) / (months[1].second - months[0].second);
    for (const auto& [cx, cy] : points) {
      const MonthIndex month = months[0].second + static_cast<int>(std::lround((cx - months[0].first) / step));
      // Every coordinate is printed to 0.1 px: bound the value over +-0.05 px of each.
      double lo = kInf, hi = -kInf;
      for (double a : {y0 - 0.05, y0 + 0.05})
        for (double b : {y1 - 0.05, y1 + 0.05})
          for (double c : {cy - 0.05, cy + 0.05}) {
            const double v = v0 + (v1 - v0) * (a - c) / (a - b);
            lo = std::min(lo, v), hi = std::max(hi, v);
          }
      const Bound b{std::max(0.0, std::ceil(lo - 1e-9)), std::floor(hi + 1e-9)};
      model_.add_constraint(expression(theme->id, "ALL", {month, month}), b,
                            pack.filename().string() + " trend chart " + theme->id + " " + month_text(month));
      ++trend_points_;
    }
  }
}

// ---- scoring ----------------------------------------------------------------------

Outcome score(const WardTableAttack& attack, const std::vector<Range>& ranges, const std::vector<double>& truth) {
  Outcome o;
  o.cells = static_cast<int>(attack.withheld().size());
  o.quantities = static_cast<int>(attack.quantities().size());
  std::vector<bool> recovered(ranges.size(), false);
  for (std::size_t t = 0; t < ranges.size(); ++t) {
    const Range& r = ranges[t];
    // truth is only used to score; the attack itself never reads it
    const Quantity& q = attack.quantities()[t];
    const double real = truth.empty() ? NAN : truth[t];
    if (!truth.empty() && !r.partial && (real < r.lo - 1e-9 || real > r.hi + 1e-9)) ++o.outside;
    if (r.exact()) {
      if (truth.empty() || std::fabs(real - r.lo) < 1e-9) {
        ++o.recovered;
        ++o.by_theme[q.theme];
        recovered[t] = true;
        if (o.examples.size() < 12) o.examples.push_back(q.describe() + " = " + std::to_string(static_cast<long>(r.lo)));
      } else {
        ++o.false_claims;
      }
    } else if (!r.partial && (r.lo > q.prior.lo || r.hi < q.prior.hi)) {
      ++o.narrowed;
    }
  }
  for (const WithheldCell& c : attack.withheld()) o.recovered_cells += recovered[static_cast<std::size_t>(c.target)];
  return o;
}

std::string Outcome::summary() const {
  std::string s = std::to_string(recovered) + " of " + std::to_string(quantities) + " withheld quantities recovered exactly (" +
                  std::to_string(recovered_cells) + " of " + std::to_string(cells) + " withheld cells), " +
                  std::to_string(narrowed) + " narrowed, " + std::to_string(false_claims) + " false claims, " +
                  std::to_string(outside) + " truths outside the range; " + std::to_string(stats.columns) + " unknowns (" + std::to_string(stats.fixed_zero) + " fixed at 0 by published zeros), " +
                  std::to_string(stats.lp_solves) + " LPs (" + std::to_string(stats.skipped) + " targets shown to vary without one), " +
                  std::to_string(stats.mip_solves) + " IPs (" + std::to_string(stats.mip_tightened) + " tightened), " +
                  std::to_string(stats.seconds).substr(0, 5) + " s";
  if (!by_theme.empty()) {
    s += "; by theme:";
    for (const auto& [theme, n] : by_theme) s += " " + theme + " " + std::to_string(n);
  }
  for (const std::string& e : examples) s += "\n  recovered: " + e;
  return s;
}

Outcome attack_ward_tables(const std::vector<fs::path>& packs, const ThemeAlgebra& algebra, const WardModelOptions& options,
                           const SolveOptions& solve, const std::vector<TruthIncident>& truth) {
  WardTableAttack a(algebra, options);
  for (const fs::path& p : packs) a.add_pack(p);
  const LinearModel& model = a.model();
  long unmodelled = 0;
  const std::vector<double> x = a.truth_vector(truth, &unmodelled);
  const std::vector<std::string> unsound = violations(model, x);
  if (!unsound.empty()) {  // the truth breaks a published constraint: report, do not solve
    Outcome o;
    o.unsound = unsound;
    o.unmodelled = unmodelled;
    return o;
  }
  SolveStats stats;
  const std::vector<Range> ranges = solve_ranges(model, solve, &stats);
  std::vector<double> target_truth;
  for (const auto& t : model.targets) target_truth.push_back(evaluate(t, x));
  Outcome o = score(a, ranges, target_truth);
  o.unmodelled = unmodelled;
  o.stats = stats;
  return o;
}

}  // namespace hotspot::attack
