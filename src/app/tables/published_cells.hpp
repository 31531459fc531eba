#pragma once
// Reading a published table back, as the CSV shows it: the report's pages
// quote only these texts, so they can say nothing disclosure control withheld.
#include <optional>
#include <string>

#include "io/table.hpp"

namespace hotspot {

// The text of a cell by column name ("<5" and "[c]" for withheld values).
std::string published_text(const Table& t, std::size_t row, const std::string& column);

// A number, when the text is one (not "<5", "[c]", "no data" or empty).
std::optional<double> published_number(const std::string& text);

}  // namespace hotspot
