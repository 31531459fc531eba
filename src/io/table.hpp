#pragma once
// A typed attribute table shared by the CSV and vector writers, so a ward
// table and its layer carry the same numbers.
#include <cstdint>
#include <string>
#include <vector>

namespace hotspot {

enum class CellType { Integer, Real, Text, Bool };

struct Column {
  std::string name;
  CellType type;
  int decimals = 2;  // Real only: values are rounded to this many places when written
};

struct Cell {
  enum class Kind { Null, Integer, Real, Text, Bool } kind = Kind::Null;
  std::int64_t i = 0;
  double d = 0;
  std::string s;
  std::string suppressed;  // Null cells hidden by disclosure control show this in tables ("<5")

  static Cell null() { return {}; }
  static Cell integer(std::int64_t v) { Cell c; c.kind = Kind::Integer; c.i = v; return c; }
  static Cell real(double v) { Cell c; c.kind = Kind::Real; c.d = v; return c; }
  static Cell text(std::string v) { Cell c; c.kind = Kind::Text; c.s = std::move(v); return c; }
  static Cell boolean(bool v) { Cell c; c.kind = Kind::Bool; c.i = v; return c; }
  static Cell hidden(std::string shown) { Cell c; c.suppressed = std::move(shown); return c; }
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;

  std::size_t add_column(std::string name, CellType type, int decimals = 2);
  std::size_t column_index(const std::string& name) const;  // throws when absent
};

// What a cell shows for a theme whose rules cannot match the inputs.
constexpr const char* kNoData = "no data";

// Rounds half away from zero to `decimals` places, giving the same text on every platform.
double round_to(double v, int decimals);

}  // namespace hotspot
