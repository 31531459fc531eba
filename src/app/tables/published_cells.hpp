#pragma once
// Reading a published table back, as the CSV shows it: the report's pages
// quote only these, so they can say nothing disclosure control withheld.
// Whether a cell is withheld is read from the cell (Cell::withheld), never
// from its text.
#include <optional>
#include <string>

#include "io/table.hpp"

namespace hotspot {

struct PublishedCell {
  std::string text;               // as the CSV shows it ("<5" and "[c]" for withheld values)
  std::optional<double> number;   // its value, when it is a published number
  bool withheld = false;          // withheld by disclosure control
  bool no_data = false;           // its theme cannot be counted from the inputs
};

PublishedCell published_cell(const Table& t, std::size_t row, const std::string& column);

// The text of a cell by column name.
std::string published_text(const Table& t, std::size_t row, const std::string& column);

// Its number, when it is a published number (not withheld, "no data" or empty).
std::optional<double> published_number(const Table& t, std::size_t row, const std::string& column);

}  // namespace hotspot
