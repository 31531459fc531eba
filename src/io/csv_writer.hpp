#pragma once
// CSV text for spreadsheets: RFC 4180 quoting, CRLF, and text cells that
// start with = + - @ (or tab/CR) prefixed with an apostrophe so Excel does not
// run them as formulas. Numbers are written as numbers and never altered.
#include <string>

#include "io/table.hpp"

namespace hotspot {

std::string to_csv(const Table& table);
std::string csv_escape(const std::string& text);     // quoting only
std::string neutralise_formula(const std::string& text);  // Excel-safe text
std::string format_real(double v, int decimals);      // "12.5", "-3", "0.04"
// A cell as text, exactly as the CSV shows it (before quoting): the one
// formatting path for tables in CSV files and in the HTML report.
std::string cell_text(const Cell& cell, const Column& column);

}  // namespace hotspot
