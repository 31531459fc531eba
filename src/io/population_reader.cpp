#include "io/population_reader.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include "core/error.hpp"
#include "io/record_source.hpp"

namespace hotspot {

std::map<std::string, double> read_population_csv(const std::string& path, const std::string& code_column,
                                                  const std::string& value_column) {
  auto source = open_csv_source(path);
  const auto& header = source->header();
  auto column = [&](const std::string& name, const char* key) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw bad_input("population", fmt::format("{}: no column '{}' (wards.{}). The header has: {}.", path, name,
                                              key, fmt::join(header, ", ")));
  };
  const std::size_t code = column(code_column, "population_csv_code");
  const std::size_t value = column(value_column, "population_csv_value");
  std::map<std::string, double> out;
  SourceRecord rec;
  while (source->next(rec)) {
    if (rec.malformed)
      throw bad_input("population", fmt::format("{}:{}: {}. Fix the row.", path, rec.line, rec.problem));
    if (rec.fields.size() <= std::max(code, value))
      throw bad_input("population", fmt::format("{}:{}: the row has {} fields; expected {}.", path, rec.line,
                                                rec.fields.size(), header.size()));
    const std::string_view v = rec.fields[value];
    double pop = 0;
    const auto r = fast_float::from_chars(v.data(), v.data() + v.size(), pop);
    if (r.ec != std::errc() || r.ptr != v.data() + v.size() || !(pop > 0))
      throw bad_input("population", fmt::format("{}:{}: {} '{}' is not a positive number. Fix the row or "
                                                "leave the ward out of the file.", path, rec.line, value_column, v));
    if (!out.emplace(std::string(rec.fields[code]), pop).second)
      throw bad_input("population", fmt::format("{}:{}: ward {} appears twice.", path, rec.line, rec.fields[code]));
  }
  return out;
}

}  // namespace hotspot
