#pragma once
// "Did you mean ...?" for misspelt keys and names.
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a small edit distance, or empty.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// " Did you mean 'x'?" or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace hotspot
