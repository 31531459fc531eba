#pragma once
// Why an input record could not be used. Every record read is accepted, dated
// outside the data window (counted, not a fault), or becomes one Reject, so
// read = accepted + outside window + rejected holds per file.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace hotspot {

enum class RejectReason : std::uint8_t {
  Unparseable,
  NoCoordinates,
  ImpossibleCoordinates,
  SwappedCoordinates,
  OutsideWards,
  DuplicateId,
  kCount
};

constexpr std::size_t kRejectReasonCount = static_cast<std::size_t>(RejectReason::kCount);

std::string_view reason_code(RejectReason r);  // snake_case, stable: used in files
std::string_view reason_help(RejectReason r);  // what it means and what to do

struct Reject {
  std::uint32_t source = 0;  // input file index
  std::uint32_t line = 0;    // line where the record starts (1 = header for CSV)
  RejectReason reason = RejectReason::Unparseable;
  std::string field;   // the field at fault, when there is one
  std::string detail;  // the offending value or a short explanation
  std::string raw;     // the record as read
};

using ReasonCounts = std::array<std::uint64_t, kRejectReasonCount>;

}  // namespace hotspot
