#include "io/population_reader.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/error.hpp"
#include "io/record_source.hpp"

namespace hotspot {
namespace {

// The columns to sum, each with the share of it to take.
std::vector<BandWeight> value_columns(const std::string& path, const std::vector<std::string>& header,
                                      const PopulationColumns& what, std::string& described) {
  if (what.ages) {
    try {
      std::vector<BandWeight> w = age_band_weights(header, what.prefix + "_", *what.ages);
      std::vector<std::string> parts;
      for (const BandWeight& b : w)
        parts.push_back(b.share == 1 ? header[b.column] : fmt::format("{:.3g} of {}", b.share, header[b.column]));
      described = fmt::format("ages {}: {}", what.ages->open ? fmt::format("{}+", what.ages->first)
                                                            : fmt::format("{}-{}", what.ages->first, what.ages->last),
                              fmt::join(parts, " + "));
      return w;
    } catch (const std::invalid_argument& e) {
      throw bad_input("population", fmt::format("{}: {}. Check population.ages and population.sex.", path, e.what()));
    }
  }
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == what.value_column) {
      described = what.value_column;
      return {{i, 1.0}};
    }
  throw bad_input("population", fmt::format("{}: no column '{}' ({}). The header has: {}.", path, what.value_column,
                                            what.value_key, fmt::join(header, ", ")));
}

}  // namespace

PopulationTable read_population_csv(const std::string& path, const PopulationColumns& what) {
  auto source = open_csv_source(path);
  const auto& header = source->header();
  std::size_t code = header.size();
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == what.code_column) code = i;
  if (code == header.size())
    throw bad_input("population", fmt::format("{}: no column '{}' ({}). The header has: {}.", path, what.code_column,
                                              what.code_key, fmt::join(header, ", ")));
  PopulationTable out;
  const std::vector<BandWeight> columns = value_columns(path, header, what, out.columns);
  SourceRecord rec;
  while (source->next(rec)) {
    if (rec.malformed)
      throw bad_input("population", fmt::format("{}:{}: {}. Fix the row.", path, rec.line, rec.problem));
    if (rec.fields.size() != header.size())
      throw bad_input("population", fmt::format("{}:{}: the row has {} fields; expected {}.", path, rec.line,
                                                rec.fields.size(), header.size()));
    double residents = 0;
    for (const BandWeight& c : columns) {
      const std::string_view v = rec.fields[c.column];
      double value = 0;
      const auto r = fast_float::from_chars(v.data(), v.data() + v.size(), value);
      if (r.ec != std::errc() || r.ptr != v.data() + v.size() || !std::isfinite(value) || value < 0)
        throw bad_input("population", fmt::format("{}:{}: {} '{}' is not a number of residents (0 or more). Fix the "
                                                  "row or leave the area out of the file.",
                                                  path, rec.line, header[c.column], v));
      residents += c.share * value;
    }
    if (!out.by_code.emplace(std::string(rec.fields[code]), residents).second)
      throw bad_input("population", fmt::format("{}:{}: code {} appears twice.", path, rec.line, rec.fields[code]));
  }
  return out;
}

}  // namespace hotspot
