#include "io/csv_writer.hpp"

#include <fmt/format.h>

namespace hotspot {

std::string csv_escape(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string neutralise_formula(const std::string& text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r'))
    return "'" + text;
  return text;
}

std::string format_real(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", round_to(v, decimals), decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string cell_text(const Cell& cell, const Column& column) {
  switch (cell.kind) {
    case Cell::Kind::Null: return cell.null_text();
    case Cell::Kind::Integer: return std::to_string(cell.i);
    case Cell::Kind::Real: return format_real(cell.d, column.decimals);
    case Cell::Kind::Text: return cell.s;
    case Cell::Kind::Bool: return cell.i ? "true" : "false";
  }
  return "";
}

std::string to_csv(const Table& table) {
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += ',';
    out += csv_escape(table.columns[c].name);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      const Cell& cell = row[c];
      const std::string text = cell_text(cell, table.columns[c]);
      out += csv_escape(cell.kind == Cell::Kind::Text ? neutralise_formula(text) : text);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace hotspot
