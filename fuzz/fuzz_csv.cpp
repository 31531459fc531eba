// libFuzzer harness: the CSV parser over raw bytes, then the same bytes as a
// file through the CSV record source (header handling, memory map).
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "io/csv_parser.hpp"
#include "io/record_source.hpp"

namespace {

using hotspot::fuzz::fail;

// Reading every byte lets ASan check that each view points at live memory.
unsigned touch(std::string_view s) {
  unsigned sum = 0;
  for (char c : s) sum += static_cast<unsigned char>(c);
  return sum;
}

bool inside(std::string_view part, std::string_view whole) {
  return part.empty() || (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

void parse(std::string_view text, char delimiter) {
  hotspot::CsvParser parser(text, delimiter);
  hotspot::CsvRecord rec;
  std::uint32_t last_line = 0;
  volatile unsigned sink = 0;
  while (parser.next(rec)) {
    if (rec.fields.empty()) fail("a record has no fields");
    if (rec.line <= last_line) fail("record lines must increase");
    if (!inside(rec.raw, text)) fail("raw is not a slice of the input");
    last_line = rec.line;
    for (auto f : rec.fields) sink = sink + touch(f);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = hotspot::fuzz::as_text(data, size);
  parse(text, ',');
  parse(text, ';');

  const auto path = hotspot::fuzz::scratch_dir() / "input.csv";
  hotspot::fuzz::write_file(path, text);
  try {
    auto source = hotspot::open_csv_source(path.string());
    volatile unsigned sink = 0;
    for (const auto& h : source->header()) sink = sink + touch(h);
    hotspot::SourceRecord rec;
    while (source->next(rec)) {
      sink = sink + touch(rec.raw);
      for (auto f : rec.fields) sink = sink + touch(f);
    }
  } catch (const hotspot::Error&) {
    // An empty file: a documented bad-input error.
  }
  return 0;
}
