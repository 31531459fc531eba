#include "app/disclosure/time_disclosure.hpp"

#include <fmt/format.h>

#include <map>

#include "analysis/time_profile.hpp"
#include "core/time_window.hpp"

namespace hotspot {

TimeDisclosure time_disclosure(const std::vector<Theme>& themes, const std::vector<const Incident*>& incidents,
                               const std::vector<bool>& table_theme, const PeriodWardCells& wards) {
  // The atoms: each signature's profile (hours and unknown), and its incidents per ward.
  std::map<ThemeMask, std::vector<const Incident*>> by_signature;
  for (const Incident* inc : incidents)
    if (inc->themes) by_signature[inc->themes].push_back(inc);
  LinkedTables t;
  bool spread = false;
  struct SignatureAtoms {
    ThemeMask signature;
    TimeProfile profile;
    std::uint32_t first_slot;            // kTimeSlots hours, then unknown
    std::vector<std::uint64_t> in_ward;  // incidents per ward
    std::uint32_t first_ward;
  };
  std::vector<SignatureAtoms> atoms;
  bool all_in_wards = true;
  for (const auto& [signature, list] : by_signature) {
    SignatureAtoms a{signature, time_profile(list), static_cast<std::uint32_t>(t.atoms), {}, 0};
    t.atoms += kTimeSlots + 1;
    spread = spread || a.profile.spread > 0;
    a.in_ward.assign(wards.wards, 0);
    for (const Incident* inc : list) {
      if (inc->ward < wards.wards) ++a.in_ward[inc->ward];
      else all_in_wards = false;
    }
    atoms.push_back(std::move(a));
  }
  const bool linked = !wards.cells.empty() && all_in_wards;
  if (linked)
    for (SignatureAtoms& a : atoms) {
      a.first_ward = static_cast<std::uint32_t>(t.atoms);
      t.atoms += wards.wards;
    }

  TimeDisclosure out;
  out.cells.assign(themes.size(), std::vector<Withheld>(kTimeCells, Withheld::No));
  std::vector<std::vector<std::size_t>> cell(themes.size(), std::vector<std::size_t>(kTimeCells, SIZE_MAX));
  auto slot_value = [](const SignatureAtoms& a, std::size_t slot) {
    return slot == kTimeSlots ? static_cast<double>(a.profile.unknown) : a.profile.cells[slot];
  };
  for (std::size_t th = 0; th < themes.size(); ++th) {
    if (!table_theme[th]) continue;
    const ThemeMask bit = ThemeMask{1} << th;
    std::vector<LinkedCell> cells(kTimeCells);
    for (const SignatureAtoms& a : atoms) {
      if (!(a.signature & bit)) continue;
      for (std::size_t slot = 0; slot <= kTimeSlots; ++slot) {
        const AtomTerm term{a.first_slot + static_cast<std::uint32_t>(slot), 1};
        const double v = slot_value(a, slot);
        const std::size_t c = slot == kTimeSlots ? kUnknownTime : slot;
        cells[c].terms.push_back(term);
        cells[c].value += v;
        if (slot < kTimeSlots) {
          cells[kDayTotal + slot / 24].terms.push_back(term);
          cells[kDayTotal + slot / 24].value += v;
        }
      }
    }
    for (std::size_t c = 0; c < kTimeCells; ++c) {
      cells[c].min_count = themes[th].min_count;
      cells[c].integer = !spread || c == kUnknownTime;
      cell[th][c] = t.add(std::move(cells[c]));
    }
  }
  if (linked) {
    // The ward table's cells of the period, fixed as published.
    for (std::size_t th = 0; th < themes.size(); ++th) {
      if (wards.cells[th].empty()) continue;
      const ThemeMask bit = ThemeMask{1} << th;
      for (std::size_t r = 0; r <= wards.wards; ++r) {
        LinkedCell c;
        for (const SignatureAtoms& a : atoms) {
          if (!(a.signature & bit)) continue;
          for (std::size_t w = 0; w < wards.wards; ++w)
            if (r == wards.wards || r == w) {
              c.terms.push_back({a.first_ward + static_cast<std::uint32_t>(w), 1});
              c.value += static_cast<double>(a.in_ward[w]);
            }
        }
        c.min_count = themes[th].min_count;
        c.state = wards.cells[th][r];
        c.fixed = true;
        t.add(std::move(c));
      }
    }
    // A signature's incidents are the same in its wards and in its hours.
    for (const SignatureAtoms& a : atoms) {
      LinkedCell same;
      for (std::size_t w = 0; w < wards.wards; ++w) same.terms.push_back({a.first_ward + static_cast<std::uint32_t>(w), 1});
      for (std::size_t slot = 0; slot <= kTimeSlots; ++slot)
        same.terms.push_back({a.first_slot + static_cast<std::uint32_t>(slot), -1});
      same.fixed = true;
      same.integer = false;
      t.add(std::move(same));
    }
  }
  if (spread) {  // hours spread over a from/to record are fractions of an incident
    t.continuous.assign(t.atoms, 0);
    for (const SignatureAtoms& a : atoms)
      for (std::size_t slot = 0; slot < kTimeSlots; ++slot) t.continuous[a.first_slot + slot] = 1;
  }
  const Protection p = protect(t);
  out.stats = p.stats;
  for (std::size_t th = 0; th < themes.size(); ++th)
    for (std::size_t c = 0; c < kTimeCells; ++c)
      if (cell[th][c] != SIZE_MAX) out.cells[th][c] = p.cells[cell[th][c]];
  for (std::size_t c : p.unprotected) {
    std::string what = "a ward table cell of the period, through the hours";
    for (std::size_t th = 0; th < themes.size(); ++th)
      for (std::size_t k = 0; k < kTimeCells; ++k)
        if (cell[th][k] == c)
          what = fmt::format("{} {}", themes[th].id,
                             k < kTimeSlots     ? fmt::format("{} {:02}:00", weekday_name(static_cast<int>(k / 24)), k % 24)
                             : k < kUnknownTime ? fmt::format("{} total", weekday_name(static_cast<int>(k - kDayTotal)))
                                                : std::string("time unknown"));
    out.unprotected.push_back(what);
  }
  return out;
}

}  // namespace hotspot
