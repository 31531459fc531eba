// Incident rows: police.uk files as published, mapped extracts, OGR layers.
#include <catch2/catch.hpp>

#include <map>

#include "core/error.hpp"
#include "io/incident_reader.hpp"
#include "test_support.hpp"

using namespace hotspot;
using Catch::Matchers::Contains;

namespace {

Taxonomy police_taxonomy() {
  Taxonomy t;
  t.themes.push_back(test::theme("asb", "ASB", {{{"Anti-social behaviour"}, {}, ""}}));
  t.themes.push_back(test::theme("violence", "Violence", {{{"Violence and sexual offences", "Robbery"}, {}, ""}}));
  t.known_categories = {"Burglary"};
  return t;
}

// A mapped CSV with columns ref, <date>, group, e, n in British National Grid.
IncidentSource mapped_columns(const std::string& date) {
  IncidentSource spec;
  spec.crs = "EPSG:27700";
  spec.id = "ref";
  spec.date = date;
  spec.x = "e";
  spec.y = "n";
  spec.category = "group";
  return spec;
}

// One theme, "violence", of the category Violence.
Taxonomy violence_only() {
  Taxonomy tax;
  tax.themes.push_back(test::theme("violence", "Violence", {{{"Violence"}, {}, ""}}));
  return tax;
}

// Reads one file for the month 2017-04 (with the window its statistics need).
FileReadResult read_april(const std::filesystem::path& file, const IncidentSource& spec, const Taxonomy& tax) {
  auto src = open_csv_source(file.string());
  DuplicateIdFilter ids;
  return read_incident_rows(*src, file.filename().string(), 0, spec, tax, parse_period("2017-04").needed_window(), ids);
}

std::map<RejectReason, int> reasons(const FileReadResult& r) {
  std::map<RejectReason, int> out;
  for (const auto& j : r.rejects) ++out[j.reason];
  return out;
}

}  // namespace

TEST_CASE("police.uk street CSV as published", "[incidents]") {
  test::TempDir dir("policeuk");
  const std::string header =
      "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
      "Last outcome category,Context\r\n";
  test::write_text(dir / "f.csv",
                   "\xEF\xBB\xBF" + header +
                   ",2017-04,Metropolitan Police Service,Metropolitan Police Service,0.181,51.575,On or near X,E01,Havering 1,Anti-social behaviour,,\r\n"
                   ",2017-04,Metropolitan Police Service,Metropolitan Police Service,0.182,51.576,On or near Y,E01,Havering 1,Anti-social behaviour,,\r\n"
                   "abc,2017-04,British Transport Police,British Transport Police,0.19,51.55,Station,E01,Havering 2,Robbery,Status update unavailable,\r\n"
                   "abc,2017-04,Metropolitan Police Service,Metropolitan Police Service,0.19,51.55,Station,E01,Havering 2,Robbery,,\r\n"
                   "def,2017-04,Metropolitan Police Service,Metropolitan Police Service,,,No Location,,,Burglary,,\r\n"
                   "ghi,2016-01,Metropolitan Police Service,Metropolitan Police Service,0.2,51.5,On or near Z,E01,H,Burglary,,\r\n"
                   "jkl,2017-04,Metropolitan Police Service\r\n"
                   "mno,2017-04,Metropolitan Police Service,Metropolitan Police Service,0.2,51.5,\"On or near A, B\",E01,H,Fraud,,\r\n");
  auto src = open_csv_source((dir / "f.csv").string());
  DuplicateIdFilter ids;
  const FileReadResult r = read_incident_rows(*src, "f.csv", 0, IncidentSource::police_uk(), police_taxonomy(),
                                              parse_period("2017-04").needed_window(), ids);
  CHECK(r.read == 8);
  REQUIRE(r.incidents.size() == 4);
  CHECK(r.incidents.size() + r.outside_window + r.rejects.size() == r.read);
  CHECK(r.incidents[0].x == 0.181);  // lon
  CHECK(r.incidents[0].y == 51.575);
  CHECK(r.incidents[0].incident.themes == 0b01);
  CHECK(r.incidents[0].incident.month == make_month(2017, 4));
  CHECK(r.incidents[0].incident.day == 0);  // police.uk gives the month only
  CHECK(r.incidents[1].incident.line == 3);  // a second ASB row without an id is not a duplicate
  CHECK(r.incidents[2].incident.themes == 0b10);
  CHECK(r.incidents[3].unknown_category == 0);
  CHECK(r.unknown_categories == std::vector<std::string>{"Fraud"});
  const auto why = reasons(r);
  CHECK(why.at(RejectReason::DuplicateId) == 1);
  CHECK(why.at(RejectReason::NoCoordinates) == 1);
  CHECK(r.outside_window == 1);  // counted, not a reject
  CHECK(why.at(RejectReason::Unparseable) == 1);
  for (const auto& j : r.rejects) {
    if (j.reason == RejectReason::DuplicateId) {
      CHECK(j.line == 5);
      CHECK(j.field == "Crime ID");
      CHECK(j.raw.rfind("abc,2017-04,Metropolitan", 0) == 0);
    }
    if (j.reason == RejectReason::NoCoordinates) CHECK(j.field == "Longitude");
  }
}

TEST_CASE("mapped extract: date-times, flags, weights, quoting, trailing columns", "[incidents]") {
  test::TempDir dir("mapped");
  test::write_text(dir / "x.csv",
                   "ref,when,group,offence,e,n,DA,harm,where,\n"
                   "1,2017-04-01 22:30,Violence,Assault,530000,180000,Y,2.5,\"Near A, B\",\n"
                   "2,2017-04-02 01:10,Violence,Assault,530010,180010,N,1,\"line one\nline two\",\n"
                   "3,2017-04-03 09:00,Burglary,Residential,530020,180020,,1,x,\n"
                   "4,2017-04-03 09:00,Burglary,Residential,530020,180020,,lots,x,\n"
                   "5,31/31/2017,Burglary,Residential,530020,180020,,1,x,\n"
                   "6,2017-04-04 10:00,Burglary,Residential,0,0,,1,x,\n"
                   "7,2017-04-04 10:00,Burglary,Residential,abc,180000,,1,x,\n");
  IncidentSource spec = mapped_columns("when");
  spec.subcategory = "offence";
  spec.weight = "harm";
  spec.flags = {{"domestic_abuse", "DA"}};
  Taxonomy tax;
  tax.flag_names = {"domestic_abuse"};
  tax.themes.push_back(test::theme("vawg", "VAWG", {{{}, {}, "domestic_abuse"}}));
  auto src = open_csv_source((dir / "x.csv").string());
  DuplicateIdFilter ids;
  const FileReadResult r = read_incident_rows(*src, "x.csv", 3, spec, tax, parse_period("2017-04").needed_window(), ids);
  CHECK(r.read == 7);
  REQUIRE(r.incidents.size() == 3);
  CHECK(r.incidents[0].incident.minute == 22 * 60 + 30);
  CHECK(r.incidents[0].incident.weight == 2.5f);
  CHECK(r.incidents[0].incident.themes == 1);
  CHECK(r.incidents[0].incident.source == 3);
  CHECK(r.incidents[1].incident.themes == 0);  // DA = N
  CHECK(r.incidents[1].incident.day == 2);
  CHECK(r.incidents[2].incident.line == 5);  // the quoted newline took a line
  REQUIRE(r.rejects.size() == 4);
  CHECK(r.rejects[0].reason == RejectReason::Unparseable);
  CHECK(r.rejects[0].field == "harm");
  CHECK_THAT(r.rejects[0].detail, Contains("'lots'"));
  CHECK(r.rejects[1].field == "when");
  CHECK(r.rejects[2].reason == RejectReason::NoCoordinates);  // 0,0 placeholder
  CHECK(r.rejects[3].field == "e");

  // A second file repeating an id is a duplicate across files.
  test::write_text(dir / "y.csv", "ref,when,group,offence,e,n,DA,harm,where\n1,2017-04-09 10:00,Violence,A,1,1,N,1,x\n");
  auto src2 = open_csv_source((dir / "y.csv").string());
  const FileReadResult r2 = read_incident_rows(*src2, "y.csv", 4, spec, tax, parse_period("2017-04").needed_window(), ids);
  REQUIRE(r2.rejects.size() == 1);
  CHECK(r2.rejects[0].reason == RejectReason::DuplicateId);
}

TEST_CASE("a missing mapped column is an error naming it", "[incidents]") {
  test::TempDir dir("badmap");
  test::write_text(dir / "x.csv", "ref,when\n1,2017-04-01\n");
  IncidentSource spec;
  spec.crs = "EPSG:27700";
  spec.date = "when";
  spec.x = "easting";
  spec.y = "northing";
  spec.category = "group";
  auto src = open_csv_source((dir / "x.csv").string());
  DuplicateIdFilter ids;
  try {
    read_incident_rows(*src, "x.csv", 0, spec, Taxonomy{}, parse_period("2017-04"), ids);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::BadInput);
    CHECK_THAT(e.what(), Contains("'easting'") && Contains("x.csv") && Contains("ref, when"));
  }
}

TEST_CASE("OGR point layers read through the same mapping", "[incidents]") {
  test::TempDir dir("ogr");
  test::write_text(dir / "p.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"id":"a","date":"2017-04-02","cat":"Robbery"},"geometry":{"type":"Point","coordinates":[-0.1,51.5]}},
 {"type":"Feature","properties":{"id":"b","date":"2017-04-03","cat":"Robbery"},"geometry":null},
 {"type":"Feature","properties":{"id":"c","date":"2017-04-03","cat":"Robbery"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]})");
  IncidentSource spec;
  spec.format = IncidentFormat::Ogr;
  spec.id = "id";
  spec.date = "date";
  spec.category = "cat";
  auto src = open_ogr_source((dir / "p.geojson").string(), "");
  CHECK_FALSE(src->native_crs().empty());
  DuplicateIdFilter ids;
  const FileReadResult r = read_incident_rows(*src, "p.geojson", 0, spec, police_taxonomy(), parse_period("2017-04"), ids);
  CHECK(r.read == 3);
  for (const auto& j : r.rejects) UNSCOPED_INFO(reason_code(j.reason) << ": " << j.detail << " | " << j.raw);
  REQUIRE(r.incidents.size() == 1);
  CHECK(r.incidents[0].x == -0.1);
  CHECK(r.incidents[0].y == 51.5);
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].reason == RejectReason::NoCoordinates);
  CHECK(r.rejects[1].reason == RejectReason::Unparseable);
}

TEST_CASE("duplicate-id filter keeps exact ids", "[incidents]") {
  DuplicateIdFilter f;
  for (int i = 0; i < 5000; ++i) CHECK(f.first_time("id-" + std::to_string(i)));
  for (int i = 0; i < 5000; i += 7) CHECK_FALSE(f.first_time("id-" + std::to_string(i)));
  CHECK(f.first_time("id-5000"));
  CHECK(f.size() == 5001);
}

TEST_CASE("duplicate ids settled after reading match the filter applied while reading", "[incidents]") {
  // Ingest parses files on several threads without the filter, then applies it
  // file by file in order (reject_duplicate_ids): the same rows must be kept and
  // the same rejects made as reading in order with the filter. Quoted ids are
  // unescaped into the parser's buffer, so they must survive the next record.
  test::TempDir dir("dupdefer");
  test::write_text(dir / "a.csv",
                   "ref,when,group,e,n\n"
                   "1,2017-04-01,Violence,530000,180000\n"
                   "\"q\"\"1\",2017-04-01,Violence,530000,180000\n"
                   "1,2017-04-02,Violence,530000,180000\n"
                   "2,31/31/2017,Violence,530000,180000\n"  // rejected for its date: id 2 not taken
                   "2,2017-04-03,Violence,530000,180000\n"
                   ",2017-04-03,Violence,530000,180000\n"
                   ",2017-04-03,Violence,530000,180000\n"
                   "\"q\"\"1\",2017-04-04,Violence,530000,180000\n");
  test::write_text(dir / "b.csv",
                   "ref,when,group,e,n\n"
                   "2,2017-04-05,Violence,530000,180000\n"
                   "3,2017-04-05,Violence,530000,180000\n"
                   "\"q\"\"1\",2017-04-06,Violence,530000,180000\n"
                   "3,2017-04-06,Violence,530000,180000\n");
  const IncidentSource spec = mapped_columns("when");
  const Taxonomy tax = police_taxonomy();
  const Period window = parse_period("2017-04").needed_window();
  auto lines_of = [](const FileReadResult& r) {
    std::vector<std::uint32_t> v;
    for (const RawIncident& i : r.incidents) v.push_back(i.incident.line);
    return v;
  };
  auto rejects_of = [](const FileReadResult& r) {
    std::map<std::uint32_t, std::string> m;
    for (const Reject& j : r.rejects)
      m[j.line] = std::string(reason_code(j.reason)) + "|" + j.field + "|" + j.detail + "|" + j.raw;
    return m;
  };
  DuplicateIdFilter inline_ids, later_ids;
  std::vector<std::unique_ptr<RecordSource>> keep_alive;
  std::uint32_t index = 0;
  for (const char* name : {"a.csv", "b.csv"}) {
    INFO(name);
    auto s1 = open_csv_source((dir / name).string());
    const FileReadResult in_order = read_incident_rows(*s1, name, index, spec, tax, window, inline_ids);
    keep_alive.push_back(open_csv_source((dir / name).string()));
    FileReadResult later = read_incident_rows(*keep_alive.back(), name, index, spec, tax, window, nullptr);
    // Another file read in between reuses the parser's buffers.
    auto other = open_csv_source((dir / "b.csv").string());
    DuplicateIdFilter scratch;
    (void)read_incident_rows(*other, "b.csv", 9, spec, tax, window, scratch);
    std::vector<char> keep;
    reject_duplicate_ids(later, index, later_ids, keep);
    CHECK(lines_of(later) == lines_of(in_order));
    CHECK(rejects_of(later) == rejects_of(in_order));
    CHECK(keep.size() == lines_of(later).size() + static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 0)));
    ++index;
  }
  CHECK(inline_ids.size() == later_ids.size());
  CHECK(inline_ids.size() == 4);  // 1, q"1, 2, 3
}

TEST_CASE("times: 00:00 is unknown by default, from/to records get a span, an end before the start is rejected",
          "[incidents][time]") {
  test::TempDir dir("times");
  test::write_text(dir / "t.csv",
                   "ref,from,to,group,e,n\n"
                   "1,2017-04-07 23:00,2017-04-08 01:00,Violence,530000,180000\n"
                   "2,2017-04-07 00:00,,Violence,530000,180000\n"
                   "3,2017-04-07 22:15,,Violence,530000,180000\n"
                   "4,2017-04-07 22:15,2017-04-09,Violence,530000,180000\n"
                   "5,2017-04-07 22:15,2017-04-06 10:00,Violence,530000,180000\n");
  IncidentSource spec = mapped_columns("from");
  spec.date_to = "to";
  const FileReadResult r = read_april(dir / "t.csv", spec, violence_only());
  REQUIRE(r.incidents.size() == 4);
  CHECK(r.incidents[0].incident.minute == 23 * 60);
  CHECK(r.incidents[0].incident.span == 120);
  CHECK(r.incidents[1].incident.minute == -1);  // 00:00: unknown
  CHECK(r.incidents[1].incident.day == 7);
  CHECK(r.incidents[2].incident.span == 0);     // no end: a moment
  CHECK(r.incidents[3].incident.span == 1440 + 1440 - 22 * 60 - 15 + 1439);  // to the end of the 9th
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 6);
  CHECK(r.rejects[0].detail.find("before the record's start") != std::string::npos);

  IncidentSource keep_midnight = spec;
  keep_midnight.midnight_unknown = false;
  const FileReadResult k = read_april(dir / "t.csv", keep_midnight, violence_only());
  REQUIRE(k.incidents.size() == 4);
  CHECK(k.incidents[1].incident.minute == 0);
}

TEST_CASE("streets: police.uk's Location and a force extract's street column, interned per file", "[incidents][streets]") {
  test::TempDir dir("streets");
  SECTION("police.uk") {
    test::write_text(dir / "p.csv",
                     "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
                     "Last outcome category,Context\n"
                     ",2017-04,M,M,0.181,51.575,On or near Market Place,E01,H,Anti-social behaviour,,\n"
                     ",2017-04,M,M,0.182,51.576,On or near South Street,E01,H,Anti-social behaviour,,\n"
                     ",2017-04,M,M,0.183,51.577,on or near market place,E01,H,Anti-social behaviour,,\n"
                     ",2017-04,M,M,0.184,51.578,No Location,E01,H,Anti-social behaviour,,\n"
                     ",2017-04,M,M,0.185,51.579,,E01,H,Anti-social behaviour,,\n"
                     ",2017-04,M,M,0.186,51.580,\"On or near A, B\",E01,H,Anti-social behaviour,,\n");
    auto src = open_csv_source((dir / "p.csv").string());
    DuplicateIdFilter ids;
    const FileReadResult r = read_incident_rows(*src, "p.csv", 0, IncidentSource::police_uk(), police_taxonomy(),
                                                parse_period("2017-04").needed_window(), ids);
    REQUIRE(r.incidents.size() == 6);
    CHECK(r.has_street);
    const auto name = [&](std::size_t i) {
      const std::uint32_t s = r.incidents[i].incident.street;
      return s == kNoStreet ? std::string("-") : r.streets.name(s);
    };
    CHECK(name(0) == "Market Place");
    CHECK(name(1) == "South Street");
    CHECK(r.incidents[2].incident.street == r.incidents[0].incident.street);  // one name in any case
    CHECK(name(3) == "-");  // No Location
    CHECK(name(4) == "-");  // missing
    CHECK(name(5) == "A, B");
    CHECK(r.streets.size() == 3);
  }
  SECTION("a force extract's column (incidents.street)") {
    test::write_text(dir / "f.csv",
                     "ref,when,group,e,n,block\n"
                     "1,2017-04-01,Violence,530000,180000,001XX W MADISON ST\n"
                     "2,2017-04-01,Violence,530010,180000,\n"
                     "3,2017-04-01,Violence,530020,180000,001XX W MADISON ST\n");
    IncidentSource spec = mapped_columns("when");
    spec.street = "block";
    const FileReadResult r = read_april(dir / "f.csv", spec, violence_only());
    REQUIRE(r.incidents.size() == 3);
    CHECK(r.streets.name(r.incidents[0].incident.street) == "001XX W MADISON ST");
    CHECK(r.incidents[1].incident.street == kNoStreet);
    CHECK(r.incidents[2].incident.street == r.incidents[0].incident.street);
    spec.street = "address";  // a mapped column that is not there is an error naming it
    CHECK_THROWS_WITH(read_april(dir / "f.csv", spec, violence_only()), Contains("incidents.street"));
  }
}
