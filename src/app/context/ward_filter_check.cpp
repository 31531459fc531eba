#include "app/context/ward_filter_check.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

#include "app/config/suggest.hpp"
#include "core/error.hpp"
#include "io/ward_reader.hpp"

namespace hotspot {
namespace {

// A field with at most this many values is listed whole; one with more, by its nearest values.
constexpr std::size_t kListWhole = 40, kNearest = 8;

// The 'quoted' literals of an OGR SQL filter ('' is a quote inside one).
std::vector<std::string> quoted_values(const std::string& where) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < where.size(); ++i) {
    if (where[i] != '\'') continue;
    std::string v;
    for (++i; i < where.size(); ++i) {
      if (where[i] != '\'') v += where[i];
      else if (i + 1 < where.size() && where[i + 1] == '\'') v += where[++i];
      else break;
    }
    out.push_back(v);
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "'" : ", '") + v + "'";
  return out;
}

// What one field holds, said for someone whose filter missed: its values, or
// the nearest ones to the filter's literals, with "did you mean" for the nearest.
std::string field_text(const FieldValues& f, const std::vector<std::string>& literals) {
  const std::size_t n = f.values.size();
  std::string text = fmt::format(" {} has {} value{}", f.field, n, n == 1 ? "" : "s");
  for (const std::string& lit : literals)
    if (const std::string near = closest_match(lit, f.values); !near.empty() && near != lit) {
      text += fmt::format("; for '{}', did you mean '{}'?", lit, near);
      break;
    }
  if (n <= kListWhole) return text + fmt::format(" Its values: {}.", quoted_list(f.values));
  if (literals.empty())
    return text + fmt::format(" The first: {}.", quoted_list({f.values.begin(), f.values.begin() + kNearest}));
  std::vector<std::pair<std::size_t, std::string>> by_distance;
  for (const std::string& v : f.values) {
    std::size_t d = static_cast<std::size_t>(-1);
    for (const std::string& lit : literals) d = std::min(d, edit_distance(lit, v));
    by_distance.emplace_back(d, v);
  }
  std::sort(by_distance.begin(), by_distance.end());
  std::vector<std::string> nearest;
  for (std::size_t i = 0; i < kNearest; ++i) nearest.push_back(by_distance[i].second);
  return text + fmt::format(" The nearest: {}.", quoted_list(nearest));
}

}  // namespace

void require_wards_match(const std::string& path, const std::string& layer, const std::string& where,
                         const std::string& setting) {
  if (where.empty()) return;
  const std::vector<FieldValues> fields = fields_behind_empty_filter(path, layer, where);
  if (fields.empty()) return;
  const std::vector<std::string> literals = quoted_values(where);
  std::string text = fmt::format("{} \"{}\" selects no ward of {}.", setting, where, path);
  for (const FieldValues& f : fields) text += field_text(f, literals);
  throw bad_input("wards", text + fmt::format(" Check {}.", setting));
}

}  // namespace hotspot
