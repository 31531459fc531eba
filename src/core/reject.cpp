#include "core/reject.hpp"

namespace hotspot {
namespace {

// Each reason's code and help, side by side, in the enum's order.
struct ReasonText {
  RejectReason reason;
  std::string_view code, help;
};

constexpr std::array<ReasonText, kRejectReasonCount> kReasons = {{
    {RejectReason::Unparseable, "unparseable",
     "a field could not be read (bad date, number or column count); fix the source row"},
    {RejectReason::NoCoordinates, "no_coordinates",
     "the record has no location; police.uk publishes some crimes without one"},
    {RejectReason::ImpossibleCoordinates, "impossible_coordinates",
     "the coordinates lie outside the area of use of the input CRS; check the crs setting"},
    {RejectReason::SwappedCoordinates, "likely_swapped_coordinates",
     "x and y (or lon and lat) look swapped: swapping them puts the point in the study area"},
    {RejectReason::OutsideWards, "outside_every_ward",
     "the point lies outside every ward; normal near a boundary, check the ward filter if many"},
    {RejectReason::DuplicateId, "duplicate_id", "an earlier record had the same id; the first one is kept"},
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kReasons.size(); ++i)
    if (static_cast<std::size_t>(kReasons[i].reason) != i) return false;
  return true;
}
static_assert(in_enum_order(), "kReasons lists every RejectReason once, in the enum's order");

}  // namespace

std::string_view reason_code(RejectReason r) {
  const auto i = static_cast<std::size_t>(r);
  return i < kReasons.size() ? kReasons[i].code : "unknown";
}

std::string_view reason_help(RejectReason r) {
  const auto i = static_cast<std::size_t>(r);
  return i < kReasons.size() ? kReasons[i].help : "";
}

}  // namespace hotspot
