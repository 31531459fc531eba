#pragma once
// A typed attribute table shared by the CSV and vector writers, so a ward
// table and its layer carry the same numbers.
#include <cstdint>
#include <string>
#include <vector>

#include "core/withheld.hpp"

namespace hotspot {

enum class CellType { Integer, Real, Text, Bool };

struct Column {
  std::string name;
  CellType type;
  int decimals = 2;  // Real only: values are rounded to this many places when written
};

// A cell a table does not publish is Null, and says why as data: withheld by
// disclosure control (and for which minimum), or "no data" (its theme cannot be
// counted from the inputs). Tables show the reason's text (withheld_text, or
// kNoData), layers a null; whoever reads a table back reads these fields, never
// the text.
struct Cell {
  enum class Kind { Null, Integer, Real, Text, Bool } kind = Kind::Null;
  std::int64_t i = 0;
  double d = 0;
  std::string s;
  Withheld withheld = Withheld::No;  // Null only: withheld by disclosure control
  int min_count = 0;                 // the minimum of the rule that withheld it ("<m")
  bool no_data = false;              // Null only: the theme cannot be counted from the inputs

  static Cell null() { return {}; }
  static Cell integer(std::int64_t v) { Cell c; c.kind = Kind::Integer; c.i = v; return c; }
  static Cell real(double v) { Cell c; c.kind = Kind::Real; c.d = v; return c; }
  static Cell text(std::string v) { Cell c; c.kind = Kind::Text; c.s = std::move(v); return c; }
  static Cell boolean(bool v) { Cell c; c.kind = Kind::Bool; c.i = v; return c; }
  static Cell hidden(Withheld why, int min_count = 0) { Cell c; c.withheld = why; c.min_count = min_count; return c; }
  static Cell missing() { Cell c; c.no_data = true; return c; }

  bool is_withheld() const { return withheld != Withheld::No; }
  // What a table shows for a Null cell: "<m", "[c]", "no data", or nothing.
  std::string null_text() const;
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
