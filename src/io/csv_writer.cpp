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

std::string to_csv(const Table& table) {
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    out += (c ? "," : "") + csv_escape(table.columns[c].name);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      const Cell& cell = row[c];
      switch (cell.kind) {
        case Cell::Kind::Null: out += csv_escape(cell.suppressed); break;
        case Cell::Kind::Integer: out += std::to_string(cell.i); break;
        case Cell::Kind::Real: out += format_real(cell.d, table.columns[c].decimals); break;
        case Cell::Kind::Text: out += csv_escape(neutralise_formula(cell.s)); break;
        case Cell::Kind::Bool: out += cell.i ? "true" : "false"; break;
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace hotspot
