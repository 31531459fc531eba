#include "app/config/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <numeric>

namespace hotspot {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d || (d == best_d && c < best)) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string m = closest_match(word, candidates);
  return m.empty() ? std::string() : " Did you mean '" + m + "'?";
}

namespace {

bool is_pattern(const std::string& part) { return part.find_first_of("*?[") != std::string::npos; }

// Up to `n` names of `folder`, sorted, and how many it holds.
std::pair<std::vector<std::string>, std::size_t> some_names(const std::filesystem::path& folder, std::size_t n) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(folder, ec)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  const std::size_t total = names.size();
  if (names.size() > n) names.resize(n);
  return {names, total};
}

// The name of `names` nearest to `name`: by spelling (closest_match), else
// the one sharing the longest beginning with it, when that is most of it
// ("boundary" finds "boundaries", "2017-04.csv" finds "2017-04-street.csv").
std::string nearest_name(const std::string& name, const std::vector<std::string>& names) {
  if (std::string near = closest_match(name, names); !near.empty()) return near;
  std::string best;
  std::size_t best_len = std::max<std::size_t>(4, (name.size() * 3 + 4) / 5) - 1;  // at least 60% of it, and 4
  for (const std::string& n : names) {
    const auto [a, b] = std::mismatch(name.begin(), name.end(), n.begin(), n.end());
    const std::size_t len = static_cast<std::size_t>(a - name.begin());
    if (len > best_len) {
      best = n;
      best_len = len;
    }
  }
  return best;
}

std::string listing(const std::filesystem::path& folder) {
  const auto [names, total] = some_names(folder, 6);
  if (total == 0) return fmt::format(" The folder {} is empty.", folder.string());
  return fmt::format(" The folder {} holds {}{}.", folder.string(), fmt::join(names, ", "),
                     total > names.size() ? fmt::format(" and {} more", total - names.size()) : "");
}

}  // namespace

std::string missing_path_hint(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path full = fs::absolute(path, ec).lexically_normal();
  fs::path folder;  // the deepest existing folder along the path
  for (const fs::path& part : full) {
    const std::string name = part.string();
    const fs::path next = folder / part;
    if (folder.empty() || fs::exists(next, ec)) {
      if (fs::exists(next, ec) && !fs::is_directory(next, ec) && next != full)
        return fmt::format(" {} is a file, not a folder.", next.string());
      folder = next;
      continue;
    }
    if (is_pattern(name)) return fmt::format(" Nothing in {} matches '{}'.{}", folder.string(), name, listing(folder));
    std::vector<std::string> names = some_names(folder, static_cast<std::size_t>(-1)).first;
    const std::string near = nearest_name(name, names);
    const std::string what = next == full ? "" : fmt::format(" The folder {} does not exist.", next.string());
    if (!near.empty()) return fmt::format("{} Did you mean '{}'?", what, (folder / near).string());
    return what + listing(folder);
  }
  return {};
}

}  // namespace hotspot
