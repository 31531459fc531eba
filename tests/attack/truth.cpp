#include "attack/truth.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>
#include <stdexcept>

namespace hotspot::attack {
namespace fs = std::filesystem;

namespace {

struct WardShape {
  std::string code;
  std::unique_ptr<OGRGeometry> geom;
  OGREnvelope box;
};

std::vector<WardShape> read_wards(const fs::path& file, const std::string& where, const std::string& code_field) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
  if (!ds) throw std::runtime_error("cannot open " + file.string());
  OGRLayer* l = ds->GetLayer(0);
  if (!where.empty()) l->SetAttributeFilter(where.c_str());
  std::vector<WardShape> out;
  for (auto& f : *l) {
    WardShape w{f->GetFieldAsString(code_field.c_str()), std::unique_ptr<OGRGeometry>(f->GetGeometryRef()->clone()), {}};
    w.geom->getEnvelope(&w.box);
    out.push_back(std::move(w));
  }
  std::sort(out.begin(), out.end(), [](const WardShape& a, const WardShape& b) { return a.code < b.code; });
  return out;
}

std::string ward_of(const std::vector<WardShape>& wards, double x, double y) {
  const OGRPoint p(x, y);
  for (const WardShape& w : wards)
    if (x >= w.box.MinX && x <= w.box.MaxX && y >= w.box.MinY && y <= w.box.MaxY && w.geom->Intersects(&p))
      return w.code;
  return "";
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<TruthIncident> police_uk_truth(const fs::path& folder, const std::string& borough, const CategoryThemes& themes) {
  const fs::path shp = folder.parent_path().parent_path() / "boundaries/london-wards-2014/London_Ward.shp";
  const auto wards = read_wards(shp, "BOROUGH = '" + borough + "'", "GSS_CODE");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.path().extension() == ".csv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<TruthIncident> out;
  read_police_uk(files, [&](const PoliceUkRow& row) {
    TruthIncident inc;
    inc.ward = ward_of(wards, row.x, row.y);
    if (inc.ward.empty()) return;
    inc.month = parse_month(row.month);
    inc.x = row.x, inc.y = row.y;
    inc.category = row.type;
    for (const auto& [theme, types] : themes)
      if (std::find(types.begin(), types.end(), row.type) != types.end()) inc.themes.push_back(theme);
    out.push_back(std::move(inc));
  });
  return out;
}

std::vector<std::vector<std::string>> csv_records(const fs::path& p) {
  std::string text = read_text(p);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> rec(1);
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') rec.back() += '"', ++i;
      else if (ch == '"') quoted = false;
      else rec.back() += ch;
    } else if (ch == '"') quoted = any = true;
    else if (ch == ',') rec.emplace_back(), any = true;
    else if (ch == '\n') {
      if (any || !rec.back().empty()) out.push_back(rec);
      rec.assign(1, "");
      any = false;
    } else if (ch != '\r') rec.back() += ch, any = true;
  }
  if (any || !rec.back().empty()) out.push_back(rec);
  return out;
}

std::vector<TruthIncident> sample_truth(const fs::path& sample) {
  const auto wards = read_wards(sample / "wards.geojson", "", "ward_code");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(sample / "incidents")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  auto flag = [](const std::string& v) {
    const std::string l = lower(v);
    return !(l.empty() || l == "n" || l == "no" || l == "false" || l == "f" || l == "0");
  };
  auto number = [](const std::string& s, double& v) {
    if (s.empty()) return false;
    char* end = nullptr;
    v = std::strtod(s.c_str(), &end);
    return *end == '\0';
  };
  std::set<std::string> ids;
  std::vector<TruthIncident> out;
  for (const fs::path& file : files) {
    const auto records = csv_records(file);
    if (records.empty()) continue;
    const std::vector<std::string>& head = records[0];
    auto col = [&](const char* name) {
      return static_cast<std::size_t>(std::find(head.begin(), head.end(), name) - head.begin());
    };
    const std::size_t c_ref = col("incident_ref"), c_when = col("occurred_at"), c_group = col("offence_group"),
                      c_off = col("offence"), c_x = col("easting"), c_y = col("northing"), c_da = col("da_flag"),
                      c_hate = col("hate_flag");
    for (std::size_t r = 1; r < records.size(); ++r) {
      const auto& f = records[r];
      if (f.size() != head.size()) continue;  // unparseable
      const std::string& when = f[c_when];
      int Y, M, D, h, mi;
      char tail;
      if (when.size() != 16 || std::sscanf(when.c_str(), "%4d-%2d-%2d %2d:%2d%c", &Y, &M, &D, &h, &mi, &tail) != 5)
        continue;
      using namespace std::chrono;
      const year_month_day ymd{year{Y}, month{static_cast<unsigned>(M)}, day{static_cast<unsigned>(D)}};
      if (!ymd.ok() || h > 23 || mi > 59) continue;
      double x, y;
      if (!number(f[c_x], x) || !number(f[c_y], y) || (x == 0 && y == 0)) continue;
      if (!f[c_ref].empty() && !ids.insert(f[c_ref]).second) continue;
      TruthIncident inc;
      inc.ward = ward_of(wards, x, y);
      if (inc.ward.empty()) continue;
      inc.month = Y * 12 + M - 1;
      inc.x = x, inc.y = y;
      const std::string group = lower(f[c_group]), offence = lower(f[c_off]);
      inc.category = f[c_group];
      inc.subcategory = f[c_off];
      const bool asb = group == "anti-social behaviour";
      const bool violence = group == "violence against the person" || group == "robbery" || group == "possession of weapons";
      if (asb) inc.themes.push_back("asb");
      if (violence) inc.themes.push_back("violence");
      if (flag(f[c_da]) || group == "sexual offences" || offence.rfind("stalking", 0) == 0 ||
          offence.rfind("harassment", 0) == 0)
        inc.themes.push_back("vawg");
      if (flag(f[c_hate]) || offence.rfind("racially or religiously aggravated", 0) == 0) inc.themes.push_back("hate");
      // The default windows: Fri, Sat 22:30-03:30 (the night it starts on) for
      // violence; Mon-Fri 15:00-19:00 for ASB; 00:00 is an unknown time.
      const int minute = h * 60 + mi;
      if (minute != 0) {
        const unsigned wd = weekday{sys_days{ymd}}.iso_encoding();  // 1 = Monday .. 7 = Sunday
        const unsigned night = minute < 210 ? (wd == 1 ? 7 : wd - 1) : wd;
        if (violence && ((minute >= 1350 && (wd == 5 || wd == 6)) || (minute < 210 && (night == 5 || night == 6))))
          inc.themes.push_back("violence_nte");
        if (asb && wd <= 5 && minute >= 900 && minute < 1140) inc.themes.push_back("asb_after_school");
      }
      out.push_back(std::move(inc));
    }
  }
  return out;
}

}  // namespace hotspot::attack
