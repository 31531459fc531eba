#include "io/source_sniffer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <set>

#include "core/ascii_case.hpp"
#include "core/error.hpp"
#include "io/date_parser.hpp"
#include "io/record_source.hpp"

namespace hotspot {
namespace {

bool contains_any(const std::string& name, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return name.find(w) != std::string::npos; });
}

// An ONS GSS code: one letter and eight digits (E05000310).
bool is_gss_code(std::string_view v) {
  return v.size() == 9 && std::isalpha(static_cast<unsigned char>(v[0])) &&
         std::all_of(v.begin() + 1, v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool has_letters(std::string_view v) {
  return std::count_if(v.begin(), v.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) >= 3;
}

// Scores a ward field as a code or a name from its values; the highest wins,
// and a score of 0 means it cannot serve. Unique, never-empty values are the
// precondition for both; the field name breaks ties between candidates.
struct FieldScores {
  int code = 0, name = 0;
};

FieldScores score_field(const std::string& field, const std::vector<std::string>& values) {
  const std::set<std::string> distinct(values.begin(), values.end());
  const bool unique = !values.empty() && distinct.size() == values.size();
  const bool filled = std::none_of(values.begin(), values.end(), [](const std::string& v) { return v.empty(); });
  if (!unique || !filled) return {};
  const std::string n = ascii_lower(field);
  const bool all_gss = std::all_of(values.begin(), values.end(), [](const std::string& v) { return is_gss_code(v); });
  const bool all_text = std::all_of(values.begin(), values.end(), [](const std::string& v) { return has_letters(v); });
  FieldScores s;
  s.code = (all_gss ? 4 : 1) + (contains_any(n, {"code", "cd", "gss", "id"}) ? 2 : 0);
  if (all_text && !all_gss) s.name = 1 + (contains_any(n, {"name", "nm"}) ? 3 : 0);
  return s;
}

bool looks_like_flag(const std::string& column, const std::vector<std::string>& values) {
  if (!contains_any(ascii_lower(column), {"flag", "_da", "domestic", "hate", "marker"})) return false;
  static const std::set<std::string> flag_values = {"", "y", "n", "yes", "no", "1", "0", "true", "false"};
  return std::all_of(values.begin(), values.end(), [](const std::string& v) { return flag_values.count(ascii_lower(v)); });
}

// The first header column named like one of `words` (in the order of the
// words), skipping columns already taken. Words of one or two letters must
// be the whole name ("x" is not "flag_exact"); longer ones may be a part.
std::string pick_column(const std::vector<std::string>& header, std::initializer_list<std::string_view> words,
                        const std::set<std::string>& taken) {
  for (std::string_view w : words)
    for (const std::string& h : header) {
      const std::string n = ascii_lower(h);
      const bool match = w.size() <= 2 ? n == w : n.find(w) != std::string::npos;
      if (match && !taken.count(h)) return h;
    }
  return {};
}

const std::vector<std::string> kPoliceUkHeader = {"Crime ID", "Month", "Reported by", "Falls within",
                                                  "Longitude", "Latitude", "Location", "LSOA code",
                                                  "LSOA name", "Crime type", "Last outcome category", "Context"};

}  // namespace

WardLayerGuess sniff_ward_layer(const std::string& path, const std::string& layer_name, const std::string& where) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw bad_input("init", fmt::format("cannot open ward boundaries '{}': {}", path, CPLGetLastErrorMsg()));
  OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
  if (!layer) throw bad_input("init", fmt::format("{}: no layer '{}'. Give --layer.", path, layer_name));
  if (!where.empty() && layer->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
    throw bad_input("init", fmt::format("{}: --where \"{}\" is not valid OGR SQL: {}", path, where, CPLGetLastErrorMsg()));

  WardLayerGuess guess;
  guess.layer = layer->GetName();
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    const char* auth = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    guess.crs_name = auth && code ? fmt::format("{}:{}", auth, code) : srs->GetName();
  }
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<std::vector<std::string>> values(static_cast<std::size_t>(defn->GetFieldCount()));
  for (const auto& feature : *layer) {
    ++guess.features;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      values[static_cast<std::size_t>(i)].emplace_back(feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "");
  }
  if (guess.features == 0)
    throw bad_input("init", fmt::format("{}: no ward {}. Check --where.", path,
                                        where.empty() ? "in the layer" : "matches \"" + where + "\""));
  int best_code = 0, best_name = 0;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const std::string field = defn->GetFieldDefn(i)->GetNameRef();
    const FieldScores s = score_field(field, values[static_cast<std::size_t>(i)]);
    if (s.code > best_code) best_code = s.code, guess.code_field = field;
    if (s.name > best_name) best_name = s.name, guess.name_field = field;
  }
  if (guess.code_field.empty())
    throw bad_input("init", fmt::format("{}: no field holds a unique, non-empty value for every ward, so none can "
                                        "serve as the ward code. Add one, or narrow --where.", path));
  if (guess.name_field.empty()) guess.name_field = guess.code_field;
  return guess;
}

IncidentGuess sniff_incident_csvs(const std::vector<std::string>& files, std::size_t sample_rows) {
  if (files.empty()) throw bad_input("init", "no incident file to look at");
  IncidentGuess guess;
  const auto first = open_csv_source(files.front());
  const std::vector<std::string>& header = first->header();
  if (header.empty()) throw bad_input("init", fmt::format("{}: no header line", files.front()));
  guess.police_uk = header == kPoliceUkHeader;
  if (!guess.police_uk) {
    std::set<std::string> taken;
    auto take = [&](std::initializer_list<std::string_view> words) {
      std::string c = pick_column(header, words, taken);
      if (!c.empty()) taken.insert(c);
      return c;
    };
    guess.x = take({"easting", "x_coord", "longitude", "lon", "x"});
    guess.y = take({"northing", "y_coord", "latitude", "lat", "y"});
    guess.date = take({"datetime", "occurred", "date", "committed", "from"});
    guess.time = take({"time"});
    guess.id = take({"ref", "crime id", "incident id", "urn", "id"});
    guess.category = take({"group", "category", "crime type", "major", "offence", "type"});
    guess.subcategory = take({"offence", "subcategory", "minor", "description"});
    guess.street = take({"street", "location_desc", "location", "address", "block", "road"});
  }

  // Sample rows for coordinate ranges, months and flag columns.
  const std::size_t ncol = header.size();
  std::vector<std::vector<std::string>> samples(ncol);
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::string date_col = guess.police_uk ? "Month" : guess.date;
  const std::string x_col = guess.police_uk ? "Longitude" : guess.x;
  for (const std::string& file : files) {
    const auto src = file == files.front() ? nullptr : open_csv_source(file);
    RecordSource& s = src ? *src : *first;
    if (s.header() != header)
      throw bad_input("init", fmt::format("{}: its header differs from {}; give files of one layout per run.", file,
                                          files.front()));
    SourceRecord rec;
    for (std::size_t n = 0; n < sample_rows && s.next(rec); ++n) {
      if (rec.fields.size() != ncol) continue;
      for (std::size_t c = 0; c < ncol; ++c) samples[c].emplace_back(rec.fields[c]);
    }
  }
  if (const std::size_t c = column(date_col); c < ncol) {
    // The format that reads the most sampled dates, if it reads most of them:
    // extracts carry a few broken dates, which the reader rejects row by row.
    std::size_t best = 0;
    for (const char* format : {"auto", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y"}) {
      const auto reads = static_cast<std::size_t>(std::count_if(samples[c].begin(), samples[c].end(), [&](const std::string& v) {
        ParsedDate d;
        return parse_date(v, format, d);
      }));
      if (reads > best && reads * 2 > samples[c].size()) {
        best = reads;
        guess.datetime_format = format;
      }
    }
    for (const std::string& v : samples[c]) {
      ParsedDate d;
      if (guess.datetime_format.empty() || !parse_date(v, guess.datetime_format, d)) continue;
      const std::string m = format_month(d.month);
      if (guess.first_month.empty() || m < guess.first_month) guess.first_month = m;
      if (m > guess.last_month) guess.last_month = m;
    }
  }
  bool geographic = false;
  if (const std::size_t c = column(x_col); c < ncol) {
    geographic = !samples[c].empty() && std::all_of(samples[c].begin(), samples[c].end(), [](const std::string& v) {
      try {
        return v.empty() || std::abs(std::stod(v)) <= 180.0;
      } catch (...) {
        return true;  // unparseable values are the reader's to reject, not evidence either way
      }
    });
  }
  guess.crs = geographic ? "EPSG:4326" : "EPSG:27700";
  if (!guess.police_uk)
    for (std::size_t c = 0; c < ncol; ++c)
      if (looks_like_flag(header[c], samples[c])) guess.flag_columns.push_back(header[c]);
  return guess;
}

}  // namespace hotspot

namespace hotspot {
namespace {

// The field names of the first layer of an OGR source.
std::vector<std::string> layer_fields(const std::string& path) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds || ds->GetLayerCount() == 0)
    throw bad_input("init", fmt::format("cannot open small-area polygons '{}': {}", path, CPLGetLastErrorMsg()));
  const OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
  std::vector<std::string> out;
  for (int i = 0; i < defn->GetFieldCount(); ++i) out.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  return out;
}

}  // namespace

PopulationGuess sniff_population(const std::string& csv, const std::string& areas) {
  const std::vector<std::string> header = open_csv_source(csv)->header();
  PopulationGuess g;
  if (!areas.empty()) {
    const std::vector<std::string> fields = layer_fields(areas);
    for (const std::string& h : header)  // the first CSV column the polygons also have, e.g. LSOA11CD
      if (g.code_column.empty() && std::find(fields.begin(), fields.end(), h) != fields.end()) g.code_column = g.areas_code = h;
  }
  for (const std::string& h : header)
    if (g.code_column.empty() && ascii_lower(h).find("code") != std::string::npos) g.code_column = h;
  const auto named = [&](const char* part) {
    for (const std::string& h : header)
      if (ascii_lower(h).find(part) != std::string::npos) return h;
    return std::string();
  };
  g.value_column = named("all-ages");
  if (g.value_column.empty()) g.value_column = named("all ages");
  if (g.value_column.empty()) g.value_column = named("pop");
  g.age_bands = std::any_of(header.begin(), header.end(), [](const std::string& h) {
    const std::string l = ascii_lower(h);
    return l.rfind("persons_", 0) == 0 && l.find('-') != std::string::npos && l.find("all") == std::string::npos;
  });
  return g;
}

}  // namespace hotspot
