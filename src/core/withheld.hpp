#pragma once
// The vocabulary of disclosure control, used by every output: whether a
// published value is withheld and why, the one test of the primary rule, and
// the one way a withheld value is shown in a table. The suppression itself
// (which cells, and why they are then safe) is analysis/disclosure.hpp.
#include <cstdint>
#include <string>

namespace hotspot {

// Why a value is not published.
//  - Primary: a count from 1 to m-1 (m = its theme's min_count), shown "<m".
//  - Secondary: a count withheld so that no other withheld count can be worked
//    out from what is published (complementary suppression), shown "[c]". It is
//    never zero and never under m: an attacker may know it is at least max(m, 1).
//  - Derived: a value computed from a withheld count (a change, a rate, a
//    baseline of withheld months, a rank ...), shown "[c]".
enum class Withheld : std::uint8_t { No, Primary, Secondary, Derived };

// The primary rule, the one place it is written: a count (or, for hours spread
// over a from/to record, a fractional count) greater than 0 and less than
// min_count is withheld. Zero is published: a true zero discloses nothing about
// a person, and hiding zeros would make every empty ward look like a small
// count. A min_count of 0 or 1 withholds nothing.
constexpr bool primary_suppressed(double count, int min_count) {
  return min_count > 1 && count > 0 && count < min_count;
}

// The text a table shows for a withheld value: "<m" for a primary, "[c]" otherwise.
std::string withheld_text(Withheld w, int min_count);
inline constexpr const char* kConfidential = "[c]";  // ONS convention for a confidential value

}  // namespace hotspot
