#include "core/reject.hpp"

namespace hotspot {

std::string_view reason_code(RejectReason r) {
  switch (r) {
    case RejectReason::Unparseable: return "unparseable";
    case RejectReason::NoCoordinates: return "no_coordinates";
    case RejectReason::ImpossibleCoordinates: return "impossible_coordinates";
    case RejectReason::SwappedCoordinates: return "likely_swapped_coordinates";
    case RejectReason::OutsideWards: return "outside_every_ward";
    case RejectReason::DuplicateId: return "duplicate_id";
    case RejectReason::kCount: break;
  }
  return "unknown";
}

std::string_view reason_help(RejectReason r) {
  switch (r) {
    case RejectReason::Unparseable:
      return "a field could not be read (bad date, number or column count); fix the source row";
    case RejectReason::NoCoordinates:
      return "the record has no location; police.uk publishes some crimes without one";
    case RejectReason::ImpossibleCoordinates:
      return "the coordinates lie outside the area of use of the input CRS; check the crs setting";
    case RejectReason::SwappedCoordinates:
      return "x and y (or lon and lat) look swapped: swapping them puts the point in the study area";
    case RejectReason::OutsideWards:
      return "the point lies outside every ward; normal near a boundary, check the ward filter if many";
    case RejectReason::DuplicateId:
      return "an earlier record had the same id; the first one is kept";
    case RejectReason::kCount: break;
  }
  return "";
}

}  // namespace hotspot
