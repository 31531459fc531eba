#include "analysis/age_bands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace hotspot {
namespace {

std::optional<int> parse_int(const std::string& s) {
  if (s.empty() || s.size() > 3 || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  return std::stoi(s);
}

}  // namespace

std::optional<AgeRange> parse_age_range(const std::string& text) {
  if (!text.empty() && text.back() == '+') {
    const auto first = parse_int(text.substr(0, text.size() - 1));
    if (!first) return std::nullopt;
    return AgeRange{*first, *first + kOpenBandYears - 1, true};
  }
  const std::size_t dash = text.find('-');
  if (dash == std::string::npos) return std::nullopt;
  const auto first = parse_int(text.substr(0, dash)), last = parse_int(text.substr(dash + 1));
  if (!first || !last || *last < *first) return std::nullopt;
  return AgeRange{*first, *last, false};
}

std::vector<BandWeight> age_band_weights(const std::vector<std::string>& header, const std::string& prefix,
                                         const AgeRange& wanted) {
  std::vector<BandWeight> out;
  std::vector<std::string> found;
  int covered = 0;  // years of `wanted` that some band holds
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c].rfind(prefix, 0) != 0) continue;
    const auto band = parse_age_range(header[c].substr(prefix.size()));
    if (!band) continue;  // "All-Ages" and anything else that is not a band
    found.push_back(header[c].substr(prefix.size()));
    const int lo = std::max(band->first, wanted.first), hi = std::min(band->last, wanted.last);
    if (hi < lo) continue;
    covered += hi - lo + 1;
    out.push_back({c, static_cast<double>(hi - lo + 1) / static_cast<double>(band->last - band->first + 1)});
  }
  if (covered != wanted.last - wanted.first + 1)
    throw std::invalid_argument(fmt::format(
        "the age bands of columns '{}*' ({}) do not cover ages {}{}", prefix, found.empty() ? "none" : fmt::format("{}", fmt::join(found, ", ")),
        wanted.first, wanted.open ? "+" : fmt::format("-{}", wanted.last)));
  return out;
}

}  // namespace hotspot
