#pragma once
// A ward filter that selects nothing (wards.where, or `hotspot init --where`)
// is said with what the layer holds: the values of the fields it names, the
// nearest first, so a misspelt borough is one look away.
#include <string>

namespace hotspot {

// Throws a bad-input Error when `where`, set as `setting` (e.g. "wards.where"
// or "--where"), selects no feature of the ward layer: it names the filter and
// lists each named field's values (when there are many, the ones nearest to
// the filter's quoted values). Returns quietly otherwise, and when the source
// cannot be read, which the ward reader reports.
void require_wards_match(const std::string& path, const std::string& layer, const std::string& where,
                         const std::string& setting);

}  // namespace hotspot
