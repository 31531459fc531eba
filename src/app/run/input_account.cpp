#include "app/run/input_account.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <ostream>

#include "core/reject.hpp"

namespace hotspot {
namespace {

// At most this many files get a line on the default console: past that, the
// lines would bury the totals they explain.
constexpr std::size_t kFileLines = 10;

// Whether a file's line belongs on the default console: it lost rows, was
// skipped as a copy of another, or held no row at all.
bool worth_a_line(const InputFileReport& f) {
  return f.rejected_total() > 0 || !f.duplicate_of.empty() || f.read == 0;
}

void print_file(std::ostream& out, const RunConfig& cfg, const InputFileReport& f) {
  fmt::print(out, "  {}: read {}, accepted {}, outside the data window {}, rejected {}{}{}\n", display_path(cfg, f.path),
             f.read, f.accepted, f.outside_window, f.rejected_total(),
             f.unthemed ? fmt::format(" ({} unthemed)", f.unthemed) : "",
             f.duplicate_of.empty() ? "" : fmt::format(" (skipped: a copy of {})", display_path(cfg, f.duplicate_of)));
}

}  // namespace

void print_input_account(std::ostream& out, const RunConfig& cfg, const IngestResult& in, bool verbose) {
  const InputTotals t = input_totals(in.files);
  fmt::print(out, "Rows read {} = accepted {} + outside the data window {} + rejected {}, from {} file{}{}\n", t.read,
             t.accepted, t.outside_window, t.rejected_total(), in.files.size(), in.files.size() == 1 ? "" : "s",
             t.reconciles() ? "" : "  (DOES NOT RECONCILE)");
  for (std::size_t r = 0; r < kRejectReasonCount; ++r)
    if (t.rejected[r])
      fmt::print(out, "  {:<28} {:>8}  {}\n", reason_code(static_cast<RejectReason>(r)), t.rejected[r],
                 reason_help(static_cast<RejectReason>(r)));
  if (verbose) {
    for (const InputFileReport& f : in.files) print_file(out, cfg, f);
    return;
  }
  std::size_t notable = 0, shown = 0;
  for (const InputFileReport& f : in.files) notable += worth_a_line(f);
  if (notable == 0) return;
  fmt::print(out, "{} of the {} files need a look (rows rejected, a copy skipped, or no rows){}:\n", notable,
             in.files.size(),
             notable > kFileLines ? fmt::format(", the first {}", kFileLines) : "");
  for (const InputFileReport& f : in.files) {
    if (!worth_a_line(f) || shown == kFileLines) continue;
    print_file(out, cfg, f);
    ++shown;
  }
  if (notable > shown)
    fmt::print(out, "  ... and {} more; --verbose lists every file (manifest.json has each file's account)\n",
               notable - shown);
}

}  // namespace hotspot
