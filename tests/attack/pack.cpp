#include "attack/pack.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hotspot::attack {
namespace fs = std::filesystem;
using nlohmann::json;

MonthIndex parse_month(const std::string& s) {
  if (s.size() < 7 || s[4] != '-') throw std::runtime_error("not a month: " + s);
  return std::stoi(s.substr(0, 4)) * 12 + std::stoi(s.substr(5, 2)) - 1;
}

std::string month_text(MonthIndex m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m / 12, m % 12 + 1);
  return buf;
}

const ThemeInfo* Manifest::theme(const std::string& id) const {
  for (const ThemeInfo& t : themes)
    if (t.id == id) return &t;
  return nullptr;
}

namespace {

std::vector<std::string> strings(const json& j) {
  std::vector<std::string> out;
  if (j.is_string()) out.push_back(j.get<std::string>());
  else if (j.is_array())
    for (const json& e : j) out.push_back(e.get<std::string>());
  return out;
}

MonthRange range(const json& j) { return {parse_month(j.at("first").get<std::string>()), parse_month(j.at("last").get<std::string>())}; }

}  // namespace

Manifest read_manifest(const fs::path& pack) {
  Manifest m;
  m.raw = json::parse(read_text(pack / "manifest.json"));
  const json& r = m.raw;
  m.area = r.value("area_name", "");
  for (const json& t : r.at("themes")) {
    ThemeInfo info;
    info.id = t.at("id").get<std::string>();
    info.label = t.value("label", info.id);
    info.min_count = t.value("min_count", 0);
    for (const json& rule : t.at("match")) {
      ThemeRule tr;
      if (rule.contains("category")) tr.category = strings(rule.at("category"));
      if (rule.contains("subcategory")) tr.subcategory = strings(rule.at("subcategory"));
      if (rule.contains("flag")) tr.flag = rule.at("flag").get<std::string>();
      info.rules.push_back(std::move(tr));
    }
    m.themes.push_back(std::move(info));
  }
  const json& p = r.at("period");
  m.period = range(p);
  if (p.contains("previous")) m.previous = range(p.at("previous"));
  if (p.contains("year_earlier")) m.year_earlier = range(p.at("year_earlier"));
  if (p.contains("baseline")) m.baseline = range(p.at("baseline"));
  if (p.contains("year_to_date")) m.year_to_date = range(p.at("year_to_date"));
  if (p.contains("year_to_date_before")) m.year_to_date_before = range(p.at("year_to_date_before"));
  if (p.contains("rolling_12")) m.rolling_12 = range(p.at("rolling_12"));
  if (p.contains("rolling_12_before")) m.rolling_12_before = range(p.at("rolling_12_before"));
  if (r.contains("stages") && r.at("stages").contains("data"))
    for (const json& w : r.at("stages").at("data").value("months_without_rows", json::array()))
      for (const json& month : w.at("months")) m.months_without_rows.insert(parse_month(month.get<std::string>()));
  for (const json& w : r.value("warnings", json::array())) m.warnings.push_back(w.get<std::string>());
  return m;
}

std::string read_text(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + p.string());
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (ch == '"') quoted = false;
      else out.back() += ch;
    } else if (ch == '"') quoted = true;
    else if (ch == ',') out.emplace_back();
    else if (ch != '\r') out.back() += ch;
  }
  return out;
}

std::vector<Row> read_csv(const fs::path& p) {
  std::istringstream in(read_text(p));
  std::string line;
  std::getline(in, line);
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  const std::vector<std::string> head = split_csv_line(line);
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    const std::vector<std::string> f = split_csv_line(line);
    Row r;
    for (std::size_t i = 0; i < head.size() && i < f.size(); ++i) r[head[i]] = f[i];
    rows.push_back(std::move(r));
  }
  return rows;
}

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return *end == '\0';
}

bool is_withheld(const std::string& text) { return !text.empty() && (text[0] == '<' || text == "[c]"); }

bool count_bound(const std::string& text, int m, Bound& out) {
  if (text.size() > 1 && text[0] == '<' && is_number(text.substr(1))) {
    out = {1, std::stod(text.substr(1)) - 1};
    return true;
  }
  if (text == "[c]") {
    out = {static_cast<double>(std::max(m, 1)), kInf};
    return true;
  }
  if (!is_number(text)) return false;
  const double v = std::stod(text);
  out = {v, v};
  return true;
}

}  // namespace hotspot::attack
