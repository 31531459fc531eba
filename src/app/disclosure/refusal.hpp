#pragma once
// Refusing what cannot be made safe (README "Disclosure control"): when the
// audit finds a withheld value an attacker could still work out, and nothing
// left can be withheld to stop it, the run stops before any file is written,
// with an error (exit 1) that names the output, the cells (theme, place,
// months) and what to change. A pack is never written with a warning instead.
#include <string>
#include <vector>

#include "core/error.hpp"

namespace hotspot {

// `outputs`: the files concerned; `cells`: each deducible cell in words ("vawg ward #3 of 2025-12").
Error disclosure_refusal(const std::string& outputs, const std::vector<std::string>& cells);

}  // namespace hotspot
