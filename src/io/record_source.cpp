#include "io/record_source.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/mapped_file.hpp"
#include "io/srs_text.hpp"

namespace hotspot {

namespace {

class CsvRecordSource final : public RecordSource {
 public:
  explicit CsvRecordSource(const std::string& path)
      : file_(path),
        parser_(file_.bytes(), ',', [this](std::size_t from, std::size_t to) { file_.release(from, to); }) {
    // Excel's "Unicode text" is UTF-16: its header would only show as bytes.
    const std::string_view bytes = file_.bytes();
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
      throw bad_input("read", fmt::format("{}: the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8) "
                                          "and run again.", path));
    CsvRecord rec;
    if (!parser_.next(rec))
      throw bad_input("read", fmt::format("{}: the file is empty; expected a header row.", path));
    if (rec.too_long)
      throw bad_input("read", rec.long_field < 0
                                  ? fmt::format("{}: the first line is {} bytes long, over the limit of {} for a row: "
                                                "this is not a CSV file (binary data, or no line breaks?). Check "
                                                "that the path names the right file.",
                                                path, rec.too_long, CsvParser::kMaxRecordBytes)
                                  : fmt::format("{}: column {} of the header is {} bytes long, over the limit of {} "
                                                "for a field: this is not a CSV header. Check that the path names "
                                                "the right file.",
                                                path, rec.long_field + 1, rec.too_long, CsvParser::kMaxFieldBytes));
    // A trailing empty column (a line ending in a comma) is not a field name.
    while (!rec.fields.empty() && rec.fields.back().empty()) rec.fields.pop_back();
    for (auto f : rec.fields) {
      while (!f.empty() && (f.front() == ' ')) f.remove_prefix(1);
      while (!f.empty() && (f.back() == ' ')) f.remove_suffix(1);
      header_.emplace_back(f);
    }
  }
  const std::vector<std::string>& header() const override { return header_; }
  bool next(SourceRecord& record) override {
    if (!parser_.next(rec_)) return false;
    record.fields.swap(rec_.fields);
    record.raw = rec_.raw;
    record.line = rec_.line;
    record.malformed = rec_.unterminated_quote || rec_.too_long;
    record.problem_field = rec_.long_field;
    record.problem.clear();
    if (rec_.too_long && rec_.long_field < 0)
      record.problem = fmt::format("the row is {} bytes long, over the limit of {} (1 MiB) for a row: not a CSV "
                                   "record (binary data, or a lost line break?); it is skipped and reading resumes "
                                   "on the next line",
                                   rec_.too_long, CsvParser::kMaxRecordBytes);
    else if (rec_.too_long)
      record.problem = fmt::format("the field is {} bytes long, over the limit of {} (64 KiB) for a field",
                                   rec_.too_long, CsvParser::kMaxFieldBytes);
    else if (rec_.unterminated_quote)
      record.problem = "a quote opened on this line is never closed (or only after 100 lines); the row is skipped "
                       "and reading resumes on the next line";
    return true;
  }
  std::uint64_t skipped_blank_lines() const override { return parser_.blank_lines(); }

 private:
  MappedFile file_;
  CsvParser parser_;
  CsvRecord rec_;
  std::vector<std::string> header_;
};

// A field as text. OGR prints dates as YYYY/MM/DD; extracts and the date
// parser use ISO 8601, so dates and date-times are written that way.
std::string field_text(OGRFeature& f, int i) {
  if (!f.IsFieldSetAndNotNull(i)) return "";
  const OGRFieldType type = f.GetFieldDefnRef(i)->GetType();
  if (type == OFTDate || type == OFTDateTime) {
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
    float ss = 0;
    f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
    return type == OFTDate ? fmt::format("{:04d}-{:02d}-{:02d}", y, m, d)
                           : fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", y, m, d, hh, mm, static_cast<int>(ss));
  }
  return f.GetFieldAsString(i);
}

class OgrRecordSource final : public RecordSource {
 public:
  OgrRecordSource(const std::string& path, const std::string& layer_name)
      : ds_(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY)) {
    if (!ds_) throw bad_input("read", fmt::format("cannot open '{}' as a vector source: {}", path,
                                                  CPLGetLastErrorMsg()));
    layer_ = layer_name.empty() ? ds_->GetLayer(0) : ds_->GetLayerByName(layer_name.c_str());
    if (!layer_) throw bad_input("read", fmt::format("{}: no layer '{}'", path, layer_name));
    const OGRFeatureDefn* defn = layer_->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) header_.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    header_.emplace_back(kGeometryX);
    header_.emplace_back(kGeometryY);
    if (const OGRSpatialReference* srs = layer_->GetSpatialRef()) crs_ = srs_wkt2(*srs);
    layer_->ResetReading();
  }
  const std::vector<std::string>& header() const override { return header_; }
  std::string native_crs() const override { return crs_; }

  bool next(SourceRecord& record) override {
    OGRFeatureUniquePtr f(layer_->GetNextFeature());
    if (!f) return false;
    // Field texts live as long as the source so rejects can quote them later.
    std::vector<std::string>& texts = store_.emplace_back();
    const int n = f->GetFieldCount();
    for (int i = 0; i < n; ++i) texts.push_back(field_text(*f, i));
    const OGRGeometry* g = f->GetGeometryRef();
    const OGRPoint* p = g && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty()
                            ? g->toPoint() : nullptr;
    texts.emplace_back(p ? fmt::format("{}", p->getX()) : "");  // shortest text that reads back exactly
    texts.emplace_back(p ? fmt::format("{}", p->getY()) : "");
    std::string& raw = raws_.emplace_back();
    for (std::size_t i = 0; i < texts.size(); ++i) raw += (i ? "," : "") + texts[i];
    record.fields.assign(texts.begin(), texts.end());
    record.raw = raw;
    record.line = static_cast<std::uint32_t>(f->GetFID());
    record.malformed = g && !p;  // a non-point geometry cannot be an incident location
    record.problem = record.malformed ? "the feature's geometry is not a point" : "";
    record.problem_field = -1;
    return true;
  }

 private:
  GDALDatasetUniquePtr ds_;
  OGRLayer* layer_ = nullptr;
  std::vector<std::string> header_;
  std::string crs_;
  std::deque<std::vector<std::string>> store_;
  std::deque<std::string> raws_;
};

}  // namespace

std::unique_ptr<RecordSource> open_csv_source(const std::string& path) {
  return std::make_unique<CsvRecordSource>(path);
}

std::unique_ptr<RecordSource> open_ogr_source(const std::string& path, const std::string& layer) {
  return std::make_unique<OgrRecordSource>(path, layer);
}

}  // namespace hotspot
