#pragma once
// "Did you mean ...?" for misspelt keys and names.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a small edit distance, or empty.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// " Did you mean 'x'?" or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// For a path (or glob pattern) that names nothing, what is there instead: the
// first part of it that does not exist, and the nearest existing name in the
// folder above it (" Did you mean '.../wards.geojson'?"), or some of that
// folder's names when none is near; for a pattern that matches nothing in an
// existing folder, some of the names it holds. Begins with a space; empty
// when the path exists.
std::string missing_path_hint(const std::filesystem::path& path);

}  // namespace hotspot
