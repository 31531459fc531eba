#pragma once
// Attacks 1 and 2 on the ward table: theme sums within a pack, and the month
// series across consecutive packs, as one linear programme.
//
// Unknowns: x[ward][month][atom] >= 0, the incidents of one theme signature
// (theme_algebra.hpp) in a ward and month. Every ward_summary.csv cell of
// every pack added is a linear constraint on them:
//   count, previous, year_earlier  sum over the column's months (and the
//   ytd, ytd_before, rolling_12,   theme's atoms; the ALL row over every ward):
//   rolling_12_before
//                                  "12" = 12, "<m" in [1, m-1], "[c]" >= m;
//   baseline_mean v (1 decimal)    the baseline total T = sum over the 12 months
//                                  before the period lies in
//                                  [(v - 0.05) B / L, (v + 0.05) B / L]
//                                  (B = baseline_months, L = period months); with
//                                  B = 12, L = 1 that pins T to one or two integers;
//                                  a withheld baseline reads "[c]" for a primary
//                                  (1..m-1) and a secondary (>= m) alike: T >= 1;
//   months the manifest lists with no rows at all are zero.
// Optionally the report's trend charts (the area's monthly count over the 24
// months ending with the period, drawn to 0.1 px) add the ALL row month by month.
//
// Consecutive monthly packs then difference themselves: pack t's baseline
// total minus pack t-1's is month(t-1) - month(t-13), previous and
// year_earlier repeat months, pack t's year to date minus pack t-1's is month
// t (within a financial year), its rolling 12 months minus pack t-1's is
// month t - month(t-12), and the theme sums tie the themes together.
// Every withheld cell of every pack is a target.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "attack/lp_attack.hpp"
#include "attack/theme_algebra.hpp"

namespace hotspot::attack {

struct WardModelOptions {
  bool baseline = true;      // use baseline_mean
  bool comparisons = true;   // use previous and year_earlier
  bool trend_charts = false; // parse report.html's trend charts
  bool cumulative = true;    // use year to date and rolling 12 months, each with the year before
};

// A withheld cell as published.
struct WithheldCell {
  std::string pack, theme, row, column, text;  // row: ward code or "ALL"
  int target = -1;                             // index into the model's targets
};

// One quantity several cells may show (the same month's count in three packs).
struct Quantity {
  std::string theme, row;  // "ALL" for the area
  MonthRange months;
  Bound prior{0, kInf};  // what the published rule alone says (intersected over its cells)
  std::string describe() const;
};

// Truth for checking: one entry per incident, its ward, month and themes.
struct TruthIncident {
  MonthIndex month = 0;
  std::string ward;
  double x = 0, y = 0;
  std::vector<std::string> themes;
  std::string category, subcategory;  // as in the raw file, for themes a test adds
};

class WardTableAttack {
 public:
  WardTableAttack(ThemeAlgebra algebra, WardModelOptions options = {});

  // Adds one pack's published cells (wards are taken from the first pack).
  void add_pack(const std::filesystem::path& pack);

  const LinearModel& model();  // months without rows fixed to zero
  const ThemeAlgebra& algebra() const { return algebra_; }
  const std::vector<WithheldCell>& withheld() const { return withheld_; }
  const std::vector<Quantity>& quantities() const { return quantities_; }  // by target
  int trend_points() const { return trend_points_; }

  // The unknowns' true values; `unmodelled` counts incidents whose theme set is
  // no atom (the algebra would then be unsound).
  std::vector<double> truth_vector(const std::vector<TruthIncident>& truth, long* unmodelled = nullptr);

 private:
  int var(std::size_t ward, MonthIndex month, std::size_t atom);
  std::vector<Term> expression(const std::string& theme, const std::string& row, MonthRange months);
  int target(const std::string& theme, const std::string& row, MonthRange months);
  void add_trend_charts(const std::filesystem::path& pack, const Manifest& m);

  ThemeAlgebra algebra_;
  WardModelOptions options_;
  std::vector<std::string> wards_;
  std::map<std::tuple<std::size_t, MonthIndex, std::size_t>, int> vars_;
  std::vector<std::tuple<std::size_t, MonthIndex, std::size_t>> var_key_;
  std::set<MonthIndex> empty_months_;
  LinearModel model_;
  std::map<std::tuple<std::string, std::string, MonthIndex, MonthIndex>, int> target_of_;
  std::vector<Quantity> quantities_;
  std::vector<WithheldCell> withheld_;
  int trend_points_ = 0;
};

// The outcome of an attack on withheld cells, checked against the truth.
struct Outcome {
  int cells = 0;           // withheld cells published (over all packs)
  int quantities = 0;      // distinct withheld quantities
  int recovered = 0;       // quantities pinned to one value that is the truth
  int recovered_cells = 0; // published withheld cells whose quantity was recovered
  int false_claims = 0;    // pinned to a value that is not the truth (a bug in the attack)
  int outside = 0;         // truth outside the computed range (a bug in the attack)
  int narrowed = 0;        // not recovered, but narrower than the published rule says
  std::vector<std::string> examples;  // a few recovered cells, for messages
  std::map<std::string, int> by_theme;  // recovered quantities per theme
  std::vector<std::string> unsound;   // published constraints the truth violates (the model would be wrong)
  long unmodelled = 0;                // incidents whose theme set is no atom of the algebra
  SolveStats stats;
  std::string summary() const;
};

// `target_truth`: the true value of each target (empty: not scored).
Outcome score(const WardTableAttack& attack, const std::vector<Range>& ranges, const std::vector<double>& target_truth);

// Builds the model from `packs`, solves it and scores it against `truth`.
Outcome attack_ward_tables(const std::vector<std::filesystem::path>& packs, const ThemeAlgebra& algebra,
                           const WardModelOptions& options, const SolveOptions& solve,
                           const std::vector<TruthIncident>& truth);

}  // namespace hotspot::attack
