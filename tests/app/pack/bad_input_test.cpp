// Bad input gets a clear error (exit 1 bad input, 2 usage), never a crash, a
// hang or silence. Most cases run the real binary on a tiny area of two
// 1 km square wards with files written here; the rest call the unit directly.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <thread>

#include <fmt/format.h>
#include <ogr_geometry.h>
#include <pugixml.hpp>

#include "app/config/config.hpp"
#include "core/error.hpp"
#include "core/period.hpp"
#include "core/text.hpp"
#include "core/grid_budget.hpp"
#include "geo/crs_transform.hpp"
#include "geo/ward_set.hpp"
#include "io/csv_parser.hpp"
#include "io/geometry_check.hpp"
#include "io/incident_reader.hpp"
#include "io/json_writer.hpp"
#include "io/sha256.hpp"
#include "io/ward_reader.hpp"
#include "app/support/small_scene.hpp"
#include "test_support.hpp"

using namespace hotspot;
using Catch::Matchers::Contains;
using test::good_rows;
using test::kHeader;
using test::Result;
using test::Scene;
using test::wards_geojson;
namespace fs = std::filesystem;

namespace {

// A run of the binary itself (no shell), with its peak resident memory.
struct Measured {
  int rc = -1;
  long peak_kb = 0;  // ru_maxrss of the hotspot process
  std::string log;
};

Measured run_measured(const fs::path& log, std::vector<std::string> args, int timeout_s = 120) {
  args.insert(args.begin(), HOTSPOT_BINARY);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execv(HOTSPOT_BINARY, argv.data());
    ::_exit(127);
  }
  Measured m;
  struct rusage usage {};
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::wait4(pid, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  m.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.peak_kb = usage.ru_maxrss;
  m.log = test::read_text(log);
  return m;
}

std::string error_of(const std::function<void()>& f, ErrorKind* kind = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (kind) *kind = e.kind();
    return e.what();
  }
  return "";
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("the scene itself runs cleanly", "[bad-input]") {
  Scene s("clean");
  const Result r = s.run("validate", "--verbose");  // --verbose: a line for every file
  INFO(r.log);
  CHECK(r.rc == 0);
  CHECK_THAT(r.log, Contains("read 20, accepted 20, outside the data window 0, rejected 0"));
}

TEST_CASE("1. a KDE or Gi* grid over the memory budget is an error naming the setting and the memory", "[bad-input]") {
  Scene s("grid");
  SECTION("kde.cell = 0.001") {
    const Result r = s.run("kde", "", s.config("[kde]\ncell = 0.001\n"));
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("the KDE surface of burglary (kde.cell, kde.bandwidth and kde.gaussian_truncation): "
                               "grids of"));
    CHECK_THAT(r.log, Contains("cells of 0.001 m over the wards' extent, 2.0 x 1.0 km from (530000, 180000) to "
                               "(532000, 181000) would need about"));
    CHECK_THAT(r.log, Contains("over the limit kde.memory_budget_mb = 1024"));
  }
  SECTION("--bandwidth 1e9") {
    const Result r = s.run("kde", "--bandwidth 1e9");
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("MB, over the limit kde.memory_budget_mb"));
  }
  SECTION("kde.gaussian_truncation = inf, kde.cell = 1e9 and --cell inf are range errors") {
    Result r = s.run("kde", "", s.config("[kde]\nkernel = \"gaussian\"\ngaussian_truncation = inf\n"));
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("kde.gaussian_truncation = inf is out of range: it must be greater than 0 and at most 10"));
    r = s.run("kde", "", s.config("[kde]\ncell = 1e9\n"));
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("kde.cell = 1000000000 is out of range: it must be greater than 0 and at most 10000"));
    r = s.run("kde", "--cell inf");
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("--cell = inf is out of range"));  // the flag set it, not the file
  }
  SECTION("clusters.gistar_cell = 0.001") {
    const Result r = s.run("clusters", "", s.config("[clusters]\ngistar_cell = 0.001\n"));
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("the Gi* grid of burglary (clusters.gistar_cell): grids of"));
  }
  SECTION("the forecast's grids: evaluate.cell = 10 within 2 MB") {
    const Result r = s.run("kde", "", s.config("[evaluate]\ncell = 10\n[kde]\nmemory_budget_mb = 2\n"));
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("the hotspot forecast's 10 m grids (12 months for each of 1 theme, and their "
                               "backtest) (evaluate.cell and the look-back of kde.forecast): grids of 201 x 101 "
                               "cells of 10 m"));
    CHECK_THAT(r.log, Contains("over the limit kde.memory_budget_mb = 2."));
  }
  SECTION("the check itself: MB in the message, nothing thrown within budget") {
    GridBudget budget;
    budget.extent = "the test box";
    CHECK_NOTHROW(budget.check(grid_size(10000, 10000, 0, 25), 25, 13, "kde", "kde.cell"));  // 401 x 401 cells, 2 MB
    ErrorKind kind{};
    budget.limit_mb = 1;
    const std::string msg = error_of([&] { budget.check(grid_size(10000, 10000, 0, 1), 1, 13, "kde", "kde.cell"); }, &kind);
    CHECK(kind == ErrorKind::Usage);
    CHECK_THAT(msg, Contains("kde (kde.cell): grids of 10001 x 10001 cells of 1 m over the test box would need about "
                             "1300 MB, over the limit kde.memory_budget_mb = 1"));
    budget.limit_mb = 1024;
    CHECK_FALSE(error_of([&] { budget.check(grid_size(10000, 10000, HUGE_VAL, 25), 25, 13, "x", "x"); }).empty());
    // 1e10 columns of one row: 130,000 MB is within this budget, but not an int.
    budget.limit_mb = 1e6;
    CHECK_THAT(error_of([&] { budget.check(grid_size(10000, 0, 0, 1e-6), 1e-6, 13, "x", "x"); }),
               Contains("10000000001 x 1 cells"));
    // A ward that is a spike to a stray vertex is named, and the error is the input's.
    budget.limit_mb = 1;
    budget.outlier = "ward E01 (Alpha) spans 531.0 x 181.0 km";
    CHECK_THAT(error_of([&] { budget.check(grid_size(10000, 10000, 0, 1), 1, 13, "kde", "kde.cell"); }, &kind),
               Contains("ward E01 (Alpha) spans 531.0 x 181.0 km: kde (kde.cell): grids of"));
    CHECK(kind == ErrorKind::BadInput);
  }
}

TEST_CASE("2. a command-line override onto a key that is not a table", "[bad-input]") {
  Scene s("override");
  const std::string toml = "run = 5\n" + s.config().substr(s.config().find("[wards]"));
  const Result r = s.run("validate", "--period 2017-04", toml);
  INFO(r.log);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("run.toml:1: run: 'run' must be a table ([run]), so --"));
  const fs::path file = s.dir / "run.toml";
  CHECK_THAT(error_of([&] { load_config(file, {Override{"run", "period", "2017-04"}}); }),
             Contains("'run' must be a table ([run]), so --period cannot set run.period"));
  CHECK_THAT(error_of([&] { load_config(file, {}); }), Contains("run.toml:1: run must be a [run] table"));
}

TEST_CASE("3. a FIFO, /dev/zero or a directory among the inputs is a usage error naming the key, not a hang", "[bad-input]") {
  Scene s("fifo");
  SECTION("a FIFO matched by the incident glob") {
    REQUIRE(::mkfifo((s.dir / "incidents" / "b.csv").c_str(), 0600) == 0);
    const Result r = s.run("validate");
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("incidents[0].paths: '" + (s.dir / "incidents" / "b.csv").string() +
                               "' is a FIFO (named pipe); give a regular file."));
  }
  SECTION("/dev/zero as the wards") {
    const Result r = s.run("validate", "--wards /dev/zero");
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("wards.path: '/dev/zero' is a character device"));
  }
  SECTION("a directory as venues and as the population CSV") {
    fs::create_directories(s.dir / "venues.csv");
    Result r = s.run("validate", "", s.config("[[venues]]\npaths = [\"venues.csv\"]\nx = \"x\"\ny = \"y\"\n"));
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("venues[0].paths: '" + (s.dir / "venues.csv").string() + "' is a directory"));
    std::string toml = s.config();
    toml.replace(toml.find("[[incidents]]"), 0, "population_csv = \"venues.csv\"\n");
    r = s.run("validate", "", toml);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("wards.population_csv: '" + (s.dir / "venues.csv").string() + "' is a directory"));
  }
}

TEST_CASE("4. an unclosed quote costs one row, not the rest of the file", "[bad-input]") {
  SECTION("end to end: 39 good rows survive a stray quote") {
    Scene s("quote");
    std::string rows = good_rows(40);
    const std::size_t second = rows.find('\n') + 1;
    rows.insert(rows.find("Burglary", second), "\"");  // row 2 (line 3): "Burglary,... never closed
    test::write_text(s.dir / "incidents" / "a.csv", kHeader + rows);
    const Result r = s.run("wards");
    INFO(r.log);
    CHECK(r.rc == 0);
    CHECK_THAT(r.log, Contains("read 40, accepted 39, outside the data window 0, rejected 1"));
    const std::string rejects = test::read_text(s.dir / "out-restricted" / "rejects.csv");
    CHECK_THAT(rejects, Contains("incidents/a.csv,3,unparseable,,a quote opened on this line is never closed"));
  }
  SECTION("the parser cuts the record at its first line and resumes on the next") {
    CsvParser p("a,b\n1,\"open\n2,x\n3,y\n");
    CsvRecord r;
    REQUIRE(p.next(r));
    REQUIRE(p.next(r));
    CHECK(r.line == 2);
    CHECK(r.unterminated_quote);
    CHECK(r.raw == "1,\"open");
    REQUIRE(p.next(r));
    CHECK_FALSE(r.unterminated_quote);
    CHECK(r.line == 3);
    CHECK(r.fields == std::vector<std::string_view>{"2", "x"});
    REQUIRE(p.next(r));
    CHECK(r.line == 4);
    CHECK_FALSE(p.next(r));
  }
  SECTION("a quote closed only after more than kMaxRecordLines lines is a stray quote too") {
    std::string data = "a,b\n1,\"open\n";
    for (std::uint32_t i = 0; i < CsvParser::kMaxRecordLines + 5; ++i) data += fmt::format("{},x\n", i + 10);
    data += "\",end\n";
    CsvParser p(data);
    CsvRecord r;
    REQUIRE(p.next(r));
    REQUIRE(p.next(r));
    CHECK(r.unterminated_quote);
    REQUIRE(p.next(r));
    CHECK(r.line == 3);
    CHECK(r.fields[0] == "10");
    // A legitimate multi-line field well under the limit stays one record.
    CsvParser q("a,b\n1,\"three\nline\nnote\"\n2,x\n");
    REQUIRE(q.next(r));
    REQUIRE(q.next(r));
    CHECK_FALSE(r.unterminated_quote);
    CHECK(r.fields[1] == "three\nline\nnote");
    REQUIRE(q.next(r));
    CHECK(r.line == 5);
  }
}

TEST_CASE("5. run.crs must be projected and in metres", "[bad-input]") {
  Scene s("crs");
  const Result r = s.run("validate", "--crs EPSG:4326");
  INFO(r.log);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("run.crs = 'EPSG:4326' is a geographic CRS (degrees)"));
  CHECK_THAT(r.log, Contains("e.g. EPSG:27700"));
  // Massachusetts State Plane in US survey feet: projected, but not metres.
  CHECK_THAT(error_of([] { require_projected_metric_crs("EPSG:2249", "run.crs"); }), Contains("has axes in US survey foot"));
  CHECK_THAT(error_of([] { require_projected_metric_crs("EPSG:99999999", "run.crs"); }), Contains("is not a CRS PROJ knows"));
  CHECK(error_of([] { require_projected_metric_crs("EPSG:27700", "run.crs"); }).empty());
  CHECK(error_of([] { require_projected_metric_crs("EPSG:32630", "run.crs"); }).empty());  // UTM 30N
}

TEST_CASE("6. a weight that is not finite or overflows rejects the row with a reason", "[bad-input]") {
  test::TempDir dir("bad-weight");
  test::write_text(dir / "w.csv", std::string(kHeader) +
                                      "R1,2017-04-01,Burglary,530100,180100,2.5\n"
                                      "R2,2017-04-01,Burglary,530100,180100,inf\n"
                                      "R3,2017-04-01,Burglary,530100,180100,nan\n"
                                      "R4,2017-04-01,Burglary,530100,180100,1e400\n"
                                      "R5,2017-04-01,Burglary,530100,180100,1e300\n"
                                      "R6,2017-04-01,Burglary,530100,180100,-1\n"
                                      "R7,2017-04-01,Burglary,530100,180100,1e9\n");
  IncidentSource spec;
  spec.crs = "EPSG:27700";
  spec.id = "ref", spec.date = "date", spec.category = "category", spec.x = "x", spec.y = "y", spec.weight = "weight";
  Taxonomy tax;
  tax.themes.push_back(test::theme("burglary", "Burglary", {{{"Burglary"}, {}, ""}}));
  auto src = open_csv_source((dir / "w.csv").string());
  DuplicateIdFilter ids;
  const FileReadResult r =
      read_incident_rows(*src, "w.csv", 0, spec, tax, parse_period("2017-04").needed_window(), ids);
  REQUIRE(r.incidents.size() == 2);
  CHECK(r.incidents[0].incident.weight == 2.5f);
  CHECK(r.incidents[1].incident.weight == 1e9f);
  REQUIRE(r.rejects.size() == 5);
  for (const auto& j : r.rejects) {
    CHECK(j.reason == RejectReason::Unparseable);
    CHECK(j.field == "weight");
    CHECK_THAT(j.detail, Contains("is not a weight from 0 to 1e+09 (finite)"));
  }
  CHECK(r.rejects[0].detail == "'inf' is not a weight from 0 to 1e+09 (finite)");
  CHECK(r.rejects[3].line == 6);  // 1e300: finite as a double, but not as the float weight
}

TEST_CASE("7. overlapping wards: a warning naming them, and the overlap goes to the lowest code", "[bad-input]") {
  Scene s("overlap", true);
  // Points in the overlap (530500..531000), well inside it, and one in Beta only.
  test::write_text(s.dir / "incidents" / "a.csv", std::string(kHeader) +
                                                      "R1,2017-04-01,Burglary,530700,180500,1\n"
                                                      "R2,2017-04-02,Burglary,530800,180400,1\n"
                                                      "R3,2017-04-03,Burglary,531300,180500,1\n");
  const Result r = s.run("wards");
  INFO(r.log);
  CHECK(r.rc == 0);
  CHECK_THAT(r.log, Contains("warning: 1 pair of wards overlap: E01 (Alpha) and E02 (Beta) share 500000 m2"));
  CHECK_THAT(r.log, Contains("lowest code"));
  const std::string summary = test::read_text(s.dir / "out" / "ward_summary.csv");
  INFO(summary);
  // ward_summary.csv: code, name, label, population, area_km2, burglary_count, ...
  CHECK_THAT(summary, Contains("\nE01,Alpha,Alpha,,1,2,"));
  CHECK_THAT(summary, Contains("\nE02,Beta,Beta,,1,1,"));
}

TEST_CASE("8. integer options that overflow an int are usage errors naming the key and the range", "[bad-input]") {
  Scene s("int");
  Result r = s.run("validate", "", s.config("[clusters]\ndbscan_min_points = 4294967297\n"));
  INFO(r.log);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("clusters.dbscan_min_points = 4294967297 is out of range: it must be from 1 to 1000000"));
  r = s.run("validate", "--venues-k 99999999999999999999");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("--venues-k: '99999999999999999999' is not an integer"));
}

TEST_CASE("9. periods with impossible years are usage errors", "[bad-input]") {
  ErrorKind kind{};
  CHECK_THAT(error_of([] { parse_period("2710-Q4"); }, &kind), Contains("the year 2710 is outside 1900..2100"));
  CHECK(kind == ErrorKind::Usage);
  CHECK_THAT(error_of([] { parse_period("-001-Q4"); }), Contains("'-001-Q4' is not a period"));
  CHECK_THAT(error_of([] { parse_period("FY2101"); }), Contains("outside 1900..2100"));
  CHECK_THAT(error_of([] { parse_period("1899-12..2017-01"); }), Contains("the year 1899"));
  CHECK(parse_period("2100-Q4").last == make_month(2100, 12));
  Scene s("period");
  const Result r = s.run("validate", "--period 2710-Q4");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("the year 2710 is outside 1900..2100"));
}

TEST_CASE("10. a file name longer than the system allows is a usage error", "[bad-input]") {
  Scene s("longname");
  const std::string longname(300, 'n');
  Result r = s.run("run", "--out '" + (s.dir / longname).string() + "'");
  INFO(r.log);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("run.output: the name '" + std::string(24, 'n') +
                             "...' in the path is 300 characters long; this system allows 255"));
  std::string toml = s.config();
  toml.replace(toml.find("incidents/*.csv"), 15, longname + "/*.csv");
  r = s.run("validate", "", toml);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("incidents[0].paths: the name"));
}

TEST_CASE("11. non-UTF-8 categories keep the manifest valid UTF-8", "[bad-input]") {
  CHECK(JsonWriter::quote("Caf\xE9") == "\"Caf\xEF\xBF\xBD\"");
  CHECK(JsonWriter::quote("Caf\xC3\xA9 \xE2\x82\xAC") == "\"Caf\xC3\xA9 \xE2\x82\xAC\"");  // valid UTF-8 untouched
  std::string five;  // an overlong '/' and a surrogate: five bytes, five replacements
  for (int i = 0; i < 5; ++i) five += "\xEF\xBF\xBD";
  CHECK(valid_utf8("\xC0\xAF\xED\xA0\x80") == five);
  Scene s("latin1");
  test::write_text(s.dir / "incidents" / "a.csv",
                   std::string(kHeader) + good_rows(5) + "X1,2017-04-02,Caf\xE9 disorder,530300,180300,1\n");
  // Only categories outside known_categories are listed as unthemed.
  test::write_text(s.dir / "tax.toml", "[taxonomy]\nknown_categories = [\"Burglary\"]\n");
  const Result r = s.run("wards", "", s.config("", "taxonomy = \"tax.toml\"\n"));
  INFO(r.log);
  REQUIRE(r.rc == 0);
  const std::string manifest = test::read_text(s.dir / "out" / "manifest.json");
  CHECK(is_valid_utf8(manifest));
  CHECK_THAT(manifest, Contains("\"Caf\xEF\xBF\xBD disorder\": 1"));
}

TEST_CASE("12. control bytes from a binary header are escaped in the message", "[bad-input]") {
  CHECK(printable("a\x01" "b\x1b[2Jc\n") == "a\\x01b\\x1b[2Jc\n");
  CHECK(printable("Caf\xE9") == "Caf\\xe9");
  Scene s("binary");
  test::write_text(s.dir / "incidents" / "a.csv", std::string("\x01\x02ref\x1b[31m,da\x7fte\n1,2\n"));
  const Result r = s.run("validate");
  INFO(r.log);
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("The header has: \\x01\\x02ref\\x1b[31m, da\\x7fte"));
  CHECK(r.log.find('\x01') == std::string::npos);
  CHECK(r.log.find('\x1b') == std::string::npos);
}

TEST_CASE("13. the output folder must be apart from the input folders", "[bad-input]") {
  Scene s("outdir");
  const std::string input = (s.dir / "incidents" / "a.csv").string();
  Result r = s.run("validate", "--out '" + (s.dir / "incidents").string() + "'");
  INFO(r.log);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("is the folder of the input '" + input + "'"));
  r = s.run("validate", "--out '" + s.dir.path().parent_path().string() + "'");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("contains the input"));
  // Inside an input folder: refused where a pattern would read the outputs.
  fs::create_directories(s.dir / "incidents" / "2017");
  test::write_text(s.dir / "incidents" / "2017" / "b.csv", std::string(kHeader) + good_rows(2, 100));
  std::string toml = s.config();
  toml.replace(toml.find("\"incidents/*.csv\""), 17, "\"incidents/*/*.csv\"");
  r = s.run("validate", "--out '" + (s.dir / "incidents" / "out").string() + "'", toml);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("is where incidents[0].paths 'incidents/*/*.csv' would read its rejects.csv next run"));
  // out/ beside the config, the wards and the month files (the default layout) is fine.
  r = s.run("validate", "--out '" + (s.dir / "incidents" / "out").string() + "'");
  CHECK(r.rc == 0);
  r = s.run("validate", "--out '" + (s.dir / "out").string() + "'");
  CHECK(r.rc == 0);
}

TEST_CASE("14. every numeric setting is checked against its documented range", "[bad-input]") {
  Scene s("ranges");
  const auto message = [&](const std::string& extra, const std::string& run_extra = "") {
    test::write_text(s.dir / "run.toml", s.config(extra, run_extra));
    ErrorKind kind{};
    const std::string msg = error_of([&] { load_config(s.dir / "run.toml", {}); }, &kind);
    if (!msg.empty()) CHECK(kind == ErrorKind::Usage);
    return msg;
  };
  CHECK_THAT(message("target = 1.5\n"), Contains("themes.burglary.target = 1.5 is out of range: it must be from -1 to 1"));
  CHECK_THAT(message("", "significance = 1\n"), Contains("run.significance = 1 is out of range: it must be greater than 0 and less than 1"));
  CHECK_THAT(message("[kde]\nmin_incidents = -1\n"), Contains("kde.min_incidents = -1 is out of range: it must be from 0 to 1000000"));
  CHECK_THAT(message("[kde]\ntop_percent = [10, 150]\n"), Contains("kde.top_percent = 150 is out of range"));
  CHECK_THAT(message("[kde]\ncell = nan\n"), Contains("kde.cell = nan is out of range"));
  CHECK_THAT(message("[kde]\nmemory_budget_mb = 0\n"), Contains("kde.memory_budget_mb = 0 is out of range"));
  CHECK_THAT(message("[clusters]\nnnh_p = 0.5\n"), Contains("less than 0.5"));
  CHECK_THAT(message("[clusters]\nconcave_ratio = 1.2\n"), Contains("from 0 to 1"));
  CHECK_THAT(message("[programme]\nk = 0\n"), Contains("programme.k = 0 is out of range: it must be from 1 to 1000"));
  CHECK_THAT(message("[programme]\nmix = { burglary = inf }\n"),
             Contains("programme.mix.burglary = inf is out of range: it must be greater than 0"));
  CHECK(message("[kde]\ncell = 10000\n[clusters]\nconcave_ratio = 0\n").empty());  // the ends are allowed
}

TEST_CASE("15. the bad-input corpus: each file gets its exit code and its reason", "[bad-input][corpus]") {
  struct Case {
    const char* name;
    std::string second_file;  // written beside the 20 good rows as incidents/b.csv
    int rc;
    const char* message;
  };
  const std::string h = kHeader;
  std::string binary;
  for (int i = 0; i < 1024; ++i) binary += static_cast<char>(i % 256);
  const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("r\0e\0f\0,\0", 8);
  const std::vector<Case> cases = {
      {"empty file", "", 1, "b.csv: the file is empty; expected a header row"},
      {"header only", h, 0, "incidents/b.csv: read 0, accepted 0, outside the data window 0, rejected 0"},
      {"binary", binary, 1, "column 'ref' (incidents.id) is not in the header"},
      {"UTF-16 text", utf16, 1, "b.csv: the file is UTF-16 text; save it as UTF-8"},
      {"truncated last row", h + "X1,2017-04-02,Burglary,530200,1801", 0, "unparseable                         1"},
      {"a 10 MB field", h + "X1,2017-04-02,Burglary,530200,180100," + std::string(10'000'000, '9') + "\n", 0,
       "incidents/b.csv: read 1, accepted 0, outside the data window 0, rejected 1"},
      {"swapped coordinates", h + "X1,2017-04-02,Burglary,180100,530200,1\n", 0, "likely_swapped_coordinates          1"},
      {"NaN coordinate", h + "X1,2017-04-02,Burglary,nan,180100,1\n", 0, "rejected 1"},
      {"infinite coordinate", h + "X1,2017-04-02,Burglary,inf,180100,1\n", 0, "rejected 1"},
      {"1e308 coordinate", h + "X1,2017-04-02,Burglary,1e308,180100,1\n", 0, "impossible_coordinates              1"},
      {"impossible date", h + "X1,2017-02-30,Burglary,530200,180100,1\n", 0, "unparseable                         1"},
      {"an id already in another file", h + "R1,2017-04-02,Burglary,530200,180100,1\n", 0,
       "duplicate_id                        1"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Scene s("corpus");
    test::write_text(s.dir / "incidents" / "b.csv", c.second_file);
    const Result r = s.run("validate");
    INFO(r.log);
    CHECK(r.rc == c.rc);
    CHECK_THAT(r.log, Contains(c.message));
    if (c.rc == 0) CHECK_THAT(r.log, Contains("Rows read"));  // and the account balances (checked in ingest)
  }
}

TEST_CASE("17. an input file that cannot be read is a bad-input error naming its key", "[bad-input][corpus]") {
  Scene s("corpus-unreadable");
  test::write_text(s.dir / "incidents" / "b.csv", std::string(kHeader) + good_rows(3));
  fs::permissions(s.dir / "incidents" / "b.csv", fs::perms::none);
  test::write_text(s.dir / "run.toml", s.config());
  // Permission bits do not bind root (as CI runs), so the binary then runs as nobody.
  const bool root = ::geteuid() == 0;
  if (root && std::system("command -v setpriv > /dev/null") != 0) {
    WARN("skipped: running as root without setpriv, so no file is unreadable");
    return;
  }
  const fs::path log = s.dir / "log.txt";
  const std::string cmd = fmt::format("timeout 60 {} {} validate '{}' > '{}' 2>&1",
                                      root ? "setpriv --reuid=nobody --regid=nogroup --clear-groups" : "", HOTSPOT_BINARY,
                                      (s.dir / "run.toml").string(), log.string());
  const int rc = std::system(cmd.c_str());
  const std::string text = test::read_text(log);
  INFO(text);
  CHECK((WIFEXITED(rc) ? WEXITSTATUS(rc) : -1) == 1);
  CHECK_THAT(text, Contains("run.toml:6: incidents[0].paths: '" + (s.dir / "incidents" / "b.csv").string() +
                            "' cannot be read (Permission denied). Give the user running hotspot read permission"));
}

TEST_CASE("16. the corpus for wards and paths: duplicate codes, junk, a glob matching nothing", "[bad-input][corpus]") {
  Scene s("corpus-wards");
  const std::string good = test::read_text(s.dir / "wards.geojson");
  std::string dup = good;
  dup.replace(dup.find("\"E02\""), 5, "\"E01\"");
  test::write_text(s.dir / "dup.geojson", dup);
  test::write_text(s.dir / "junk.geojson", "{\"type\": \"FeatureCollection\", \"features\": [");
  const auto with_wards = [&](const std::string& file) {
    std::string toml = s.config();
    toml.replace(toml.find("wards.geojson"), 13, file);
    return toml;
  };
  Result r = s.run("validate", "", with_wards("dup.geojson"));
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("ward code E01 appears twice; codes must be unique"));
  r = s.run("validate", "", with_wards("junk.geojson"));
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("cannot open ward boundaries"));
  CHECK_THAT(r.log, Contains("Check wards.path"));
  test::write_text(s.dir / "empty.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}");
  r = s.run("validate", "", with_wards("empty.geojson"));
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("empty.geojson: layer 'empty' has no features, so there are no wards. Check wards.path, "
                             "wards.layer."));
  r = s.run("validate", "", s.config("", "").replace(s.config().find("[wards]\n"), 8,
                                                      "[wards]\nwhere = \"code = 'E99'\"\n"));
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("wards.where \"code = 'E99'\" selects no ward of"));
  CHECK_THAT(r.log, Contains("code has 2 values; for 'E99', did you mean 'E01'? Its values: 'E01', 'E02'."));
  std::string no_match = s.config();
  no_match.replace(no_match.find("incidents/*.csv"), 15, "nothing/*.csv");
  r = s.run("validate", "", no_match);
  CHECK(r.rc == 1);  // the input is missing: bad input, not a usage error
  CHECK_THAT(r.log, Contains("incidents[0].paths: no file matches 'nothing/*.csv'"));
}

// Issue 24: inputs that still broke a run. Each case: the exit code, the
// message naming the file, line, feature or key and what to do, the memory
// bound where size is the danger, and the account where rows are involved.

TEST_CASE("18. a stray ward vertex at (0, 0): exit 1 naming the ward and the memory, before any grid", "[bad-input][issue24]") {
  Scene s("vertex");
  std::string wards = test::read_text(s.dir / "wards.geojson");
  const std::string corner = "[531000,181000],[530000,181000]";
  REQUIRE(wards.find(corner) != std::string::npos);
  wards.replace(wards.find(corner), corner.size(), "[531000,181000],[0,0],[530000,181000]");
  test::write_text(s.dir / "wards.geojson", wards);
  test::write_text(s.dir / "run.toml", s.config());
  const Measured m = run_measured(s.dir / "log.txt", {"run", (s.dir / "run.toml").string(), "--out", (s.dir / "out").string()});
  INFO(m.log);
  CHECK(m.rc == 1);
  CHECK_THAT(m.log, Contains("ward E01 (Alpha) spans 531.0 x 181.0 km from (0, 0) to (531000, 181000)"));
  CHECK_THAT(m.log, Contains("the hotspot forecast's 100 m grids (12 months for each of 1 theme, and their backtest)"));
  CHECK_THAT(m.log, Contains("over the limit kde.memory_budget_mb = 1024. Fix that ward's geometry (a stray vertex?) "
                             "or leave it out with wards.where"));
  // Refused before any grid: far under what one month of the grids would take (5321 x 1811 doubles, 77 MB).
  CHECK(m.peak_kb < 2 * 1024 * 1024);
  WARN("peak memory with a ward vertex at (0, 0): " << m.peak_kb / 1024 << " MiB");
  CHECK_FALSE(fs::exists(s.dir / "out"));

  SECTION("the same wards without the stray vertex name no ward") {
    const fs::path file = s.dir / "wards.geojson";
    test::write_text(file, wards_geojson(false));
    const GeosContext geos;
    Diagnostics diag;
    WardSource src;
    src.path = file.string();
    const WardReadResult read = read_wards(geos, src, "EPSG:27700", diag);
    const WardSet set(geos, read.wards);
    const GridBudget budget = ward_grid_budget(set, read.wards, 1024);
    CHECK(budget.extent == "the wards' extent, 2.0 x 1.0 km from (530000, 180000) to (532000, 181000)");
    CHECK(budget.outlier.empty());
  }
}

TEST_CASE("19. a CR-only (classic Mac) file among LF files is read row by row", "[bad-input][issue24]") {
  Scene s("cr-only");
  std::string rows = good_rows(5, 100);
  std::replace(rows.begin(), rows.end(), '\n', '\r');
  test::write_text(s.dir / "incidents" / "b.csv", std::string("ref,date,category,x,y,weight\r") + rows);
  const Result r = s.run("wards", "--verbose");
  INFO(r.log);
  CHECK(r.rc == 0);
  CHECK_THAT(r.log, Contains("incidents/b.csv: read 5, accepted 5, outside the data window 0, rejected 0"));
  CHECK_THAT(r.log, Contains("Rows read 25 = accepted 25 + outside the data window 0 + rejected 0"));
  // Its rows count in the wards: 25 burglaries in all.
  CHECK_THAT(test::read_text(s.dir / "out" / "ward_summary.csv"), Contains("\nALL,"));
  const std::string manifest = test::read_text(s.dir / "out" / "manifest.json");
  CHECK_THAT(manifest, Contains("\"accepted\": 25"));
}

TEST_CASE("20. a file of NULs: the row and field limits bound the memory, not the file", "[bad-input][issue24]") {
  Scene s("nul");
  test::write_text(s.dir / "run.toml", s.config());
  const Measured clean = run_measured(s.dir / "clean.txt", {"validate", (s.dir / "run.toml").string()});
  // Sparse files: the holes read as NULs, and nothing is written to disk.
  const auto sparse = [](const fs::path& p, const std::string& head, std::size_t nuls, const std::string& tail) {
    test::write_text(p, head);
    fs::resize_file(p, head.size() + nuls);
    std::ofstream f(p, std::ios::binary | std::ios::app);
    f << tail;
  };
  REQUIRE(clean.rc == 0);
  constexpr std::size_t kGiB = std::size_t{1} << 30;
  SECTION("1 GiB of NULs and nothing else: not a CSV file, named") {
    sparse(s.dir / "incidents" / "b.csv", "", kGiB, "");
    const Measured m = run_measured(s.dir / "log.txt", {"validate", (s.dir / "run.toml").string()});
    INFO(m.log);
    CHECK(m.rc == 1);
    CHECK_THAT(m.log, Contains((s.dir / "incidents" / "b.csv").string() + ": the first line is 1073741824 bytes long, "
                               "over the limit of 1048576 for a row: this is not a CSV file"));
    CHECK(m.peak_kb < clean.peak_kb + 32 * 1024);
    WARN("peak memory, 1 GiB of NULs: " << m.peak_kb / 1024 << " MiB (clean run " << clean.peak_kb / 1024 << " MiB)");
  }
  SECTION("a 1 GiB row of NULs between good rows: one reject, the rows after it read, the account reconciled") {
    std::string tail = "\n";  // step by step: GCC 12 -Wrestrict misfires on "..." + string&&
    tail += good_rows(3, 200);
    sparse(s.dir / "incidents" / "b.csv", std::string(kHeader) + good_rows(2, 100), kGiB, tail);
    const Measured m = run_measured(s.dir / "log.txt", {"wards", (s.dir / "run.toml").string(), "--out",
                                                        (s.dir / "out").string()});
    INFO(m.log);
    CHECK(m.rc == 0);
    CHECK_THAT(m.log, Contains("incidents/b.csv: read 6, accepted 5, outside the data window 0, rejected 1"));
    CHECK_THAT(m.log, Contains("Rows read 26 = accepted 25 + outside the data window 0 + rejected 1"));
    const std::string rejects = test::read_text(s.dir / "out-restricted" / "rejects.csv");
    CHECK_THAT(rejects, Contains("incidents/b.csv,4,unparseable,,\"the row is 1073741824 bytes long, over the limit of "
                                 "1048576 (1 MiB) for a row: not a CSV record"));
    CHECK(rejects.size() < 4096);  // the raw row is cut to its first 200 bytes
    // The pages of the skipped row are let go as they are passed.
    CHECK(m.peak_kb < clean.peak_kb + 64 * 1024);
    WARN("peak memory, a 1 GiB row of NULs: " << m.peak_kb / 1024 << " MiB (clean run " << clean.peak_kb / 1024 << " MiB)");
  }
  SECTION("a 100 KB field: rejected naming the column") {
    test::write_text(s.dir / "incidents" / "b.csv", std::string(kHeader) + "X1,2017-04-02," + std::string(100000, 'B') +
                                                        ",530200,180100,1\n" + good_rows(1, 300));
    const Result r = s.run("wards");
    INFO(r.log);
    CHECK(r.rc == 0);
    CHECK_THAT(test::read_text(s.dir / "out-restricted" / "rejects.csv"),
               Contains("incidents/b.csv,2,unparseable,category,\"the field is 100000 bytes long, over the limit of "
                        "65536 (64 KiB) for a field"));
  }
}

TEST_CASE("21. a file given twice (a symlink, a second download) is read once, with a warning naming both", "[bad-input][issue24]") {
  Scene s("copies");
  // No ids, as police.uk ASB: only the content can tell the copies from new rows.
  std::istringstream lines(good_rows(20));
  std::string rows;
  for (std::string line; std::getline(lines, line);) rows += line.substr(line.find(',')) + "\n";
  test::write_text(s.dir / "incidents" / "a.csv", kHeader + rows);
  fs::create_symlink(s.dir / "incidents" / "a.csv", s.dir / "incidents" / "b.csv");
  fs::copy_file(s.dir / "incidents" / "a.csv", s.dir / "incidents" / "c.csv");
  const Result r = s.run("wards");
  INFO(r.log);
  CHECK(r.rc == 0);
  CHECK_THAT(r.log, Contains("warning: incidents/b.csv has the same content as incidents/a.csv (SHA-256 "));
  CHECK_THAT(r.log, Contains("warning: incidents/c.csv has the same content as incidents/a.csv"));
  CHECK_THAT(r.log, Contains("it is skipped, so its rows count once. Remove the copy, or narrow the paths that match it."));
  CHECK_THAT(r.log, Contains("incidents/c.csv: read 0, accepted 0, outside the data window 0, rejected 0 (skipped: a "
                             "copy of incidents/a.csv)"));
  CHECK_THAT(r.log, Contains("Rows read 20 = accepted 20 + outside the data window 0 + rejected 0"));
  const std::string manifest = test::read_text(s.dir / "out" / "manifest.json");
  CHECK_THAT(manifest, Contains("\"duplicate_of\": \"incidents/a.csv\""));
  CHECK_THAT(manifest, Contains("has the same content as incidents/a.csv"));
  CHECK_THAT(manifest, Contains("\"reconciles\": true"));
}

TEST_CASE("22. bad ward geometry and a context layer without a CRS: exit 1 naming file and feature, before the analysis", "[bad-input][issue24]") {
  Scene s("geometry");
  const auto no_stage_ran = [&](const Result& r) {
    CHECK(r.log.find("QGIS project") == std::string::npos);
    CHECK(r.log.find("vs baseline") == std::string::npos);  // the ward stage's line
    CHECK_FALSE(fs::exists(s.dir / "out"));
  };
  SECTION("an unclosed ward ring") {
    std::string wards = test::read_text(s.dir / "wards.geojson");
    const std::string tail = ",[530000,181000],[530000,180000]]]";
    REQUIRE(wards.find(tail) != std::string::npos);
    wards.replace(wards.find(tail), tail.size(), ",[530000,181000]]]");
    test::write_text(s.dir / "wards.geojson", wards);
    const Result r = s.run("run");
    INFO(r.log);
    CHECK(r.rc == 1);
    CHECK_THAT(r.log, Contains((s.dir / "wards.geojson").string() + ": ward E01 (Alpha) [feature 0]: the outer ring is "
                               "not closed: it starts at (530000, 180000) and ends at (530000, 181000). Fix the geometry"));
    no_stage_ran(r);
  }
  SECTION("a context layer without a CRS") {
    test::write_text(s.dir / "ctx.csv", "WKT,name\n\"LINESTRING (530100 180500,531900 180500)\",High Road\n");
    const Result r = s.run("run", "", s.config("[context]\npath = \"ctx.csv\"\nkind = \"roads\"\n"));
    INFO(r.log);
    CHECK(r.rc == 1);
    CHECK_THAT(r.log, Contains((s.dir / "ctx.csv").string() + ": the context layer 'ctx' has no CRS. Set context.crs"));
    no_stage_ran(r);
    // With context.crs it draws.
    const Result ok = s.run("run", "", s.config("[context]\npath = \"ctx.csv\"\nkind = \"roads\"\ncrs = \"EPSG:27700\"\n"));
    INFO(ok.log);
    CHECK(ok.rc == 0);
  }
  SECTION("a context layer whose coordinates are not in its CRS, and one with an unclosed ring") {
    // GeoJSON without a crs member is WGS 84: eastings and northings cannot be transformed.
    test::write_text(s.dir / "ctx.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                                            R"("geometry":{"type":"LineString","coordinates":[[530100,180500],[531900,180500]]}}]})");
    Result r = s.run("run", "", s.config("[context]\npath = \"ctx.geojson\"\nkind = \"roads\"\n"));
    INFO(r.log);
    CHECK(r.rc == 1);
    CHECK_THAT(r.log, Contains("ctx.geojson: feature 0: its coordinates cannot be transformed from the layer's CRS "
                               "(WGS 84) to EPSG:27700. If they are in another CRS, set context.crs to it."));
    no_stage_ran(r);
    test::write_text(s.dir / "area.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":)"
                     R"({"type":"Polygon","coordinates":[[[-0.1,51.5],[-0.09,51.5],[-0.09,51.51]]]}}]})");
    r = s.run("run", "", s.config("[context]\npath = \"area.geojson\"\nkind = \"area\"\n"));
    CHECK(r.rc == 1);
    CHECK_THAT(r.log, Contains("area.geojson: feature 0: the outer ring has 3 points; a ring needs at least 4"));
    no_stage_ran(r);
  }
  SECTION("the check itself: holes, parts and coordinates") {
    const auto problem = [](const char* wkt) {
      OGRGeometry* g = nullptr;
      REQUIRE(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g) == OGRERR_NONE);
      const std::string p = geometry_problem(*g);
      OGRGeometryFactory::destroyGeometry(g);
      return p;
    };
    CHECK(problem("POLYGON ((0 0,1 0,1 1,0 0))").empty());
    CHECK(problem("POLYGON ((0 0,10 0,10 10,0 0),(1 1,2 1,2 2,1 2))") ==
          "hole 1 is not closed: it starts at (1, 1) and ends at (1, 2)");
    CHECK(problem("MULTIPOLYGON (((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6)))") ==
          "part 2: the outer ring has 3 points; a ring needs at least 4, the first repeated at the end");
    OGRLineString line;
    line.addPoint(0, 0);
    line.addPoint(std::nan(""), 1);
    CHECK(geometry_problem(line) == "point 2 is not a finite number");
  }
}

TEST_CASE("23. duplicate theme or window ids are refused, naming the key and both places", "[bad-input][issue24]") {
  Scene s("dup-ids");
  const std::string window = "[[windows]]\nid = \"nte\"\ndays = [\"Fri\", \"Sat\"]\nstart = \"22:00\"\nend = \"03:00\"\n";
  SECTION("two [[windows]] with one id") {
    const std::string toml = s.config(window + window);
    const Result r = s.run("validate", "", toml);
    INFO(r.log);
    CHECK(r.rc == 2);
    const auto line_of = [&](std::size_t nth) {  // the line of the nth [[windows]]
      std::size_t at = 0;
      for (std::size_t k = 0; k <= nth; ++k) at = toml.find("[[windows]]", k ? at + 1 : 0);
      return 1 + std::count(toml.begin(), toml.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    };
    const std::string file = (s.dir / "run.toml").string();
    CHECK_THAT(r.log, Contains(fmt::format("{}:{}: windows[1].id = 'nte' is already the id of {}:{}: windows[0].id. "
                                           "Give each window its own id.", file, line_of(1), file, line_of(0))));
  }
  SECTION("a window theme with the id of a theme") {
    const Result r = s.run("validate", "", s.config("[themes.burglary_nte]\nmatch = [{ category = \"Robbery\" }]\n" + window));
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("windows[0].id: the window theme 'burglary_nte' (theme 'burglary' in window 'nte') has "
                               "the id of another theme, so their files would overwrite each other. Rename the window "
                               "or the theme 'burglary_nte'."));
  }
  SECTION("a theme listed twice") {
    Result r = s.run("validate", "", s.config("", "themes = [\"burglary\", \"burglary\"]\n"));
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("run.themes: 'burglary' is listed twice. List each theme once."));
    r = s.run("validate", "", s.config(window + "themes = [\"burglary\", \"burglary\"]\n"));
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("windows[0].themes: themes lists 'burglary' twice."));
    r = s.run("validate", "", s.config("[programme]\nthemes = [\"burglary\", \"burglary\"]\n"));
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("programme.themes"));
    CHECK_THAT(r.log, Contains("'burglary' is listed twice. List each theme once."));
  }
  SECTION("a theme table twice in one file is a TOML error naming the line") {
    const std::string toml = s.config("[themes.burglary]\nlabel = \"Again\"\n");
    const Result r = s.run("validate", "", toml);
    INFO(r.log);
    CHECK(r.rc == 2);
    const auto second = 1 + std::count(toml.begin(), toml.begin() + static_cast<std::ptrdiff_t>(toml.rfind("[themes.burglary]")), '\n');
    CHECK_THAT(r.log, Contains(fmt::format("run.toml:{}:", second)));
  }
}

TEST_CASE("24. a metric CRS that distorts the study area is refused with its factor", "[bad-input][issue24]") {
  Scene s("distortion");
  const Result r = s.run("validate", "--crs EPSG:3857");
  INFO(r.log);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("run.crs = 'EPSG:3857' misstates distances and areas over the study area: at "));
  CHECK_THAT(r.log, Contains("its areal scale factor is 2.578"));
  CHECK_THAT(r.log, Contains("(areas 157.8% too large) and its linear scale 1.60"));
  CHECK_THAT(r.log, Contains("the limit is 1% either way"));
  CHECK_THAT(r.log, Contains("or its UTM zone, EPSG:32630."));
  // The same wards in British National Grid or their UTM zone pass.
  CHECK(s.run("validate").rc == 0);
  CHECK(s.run("validate", "--crs EPSG:32630").rc == 0);
  // The factors themselves: BNG over the whole of Great Britain, Web Mercator on the equator.
  const CrsDistortion gb = crs_distortion("EPSG:27700", Bounds{0, 0, 700000, 1250000});
  CHECK(gb.worst < 0.004);
  CHECK(gb.worst > 0.0005);
  CHECK_NOTHROW(require_true_scale("EPSG:27700", Bounds{0, 0, 700000, 1250000}, "run.crs"));
  const CrsDistortion london = crs_distortion("EPSG:27700", Bounds{503000, 155000, 562000, 201000});
  CHECK(london.worst < 0.0015);
  // Singapore: on the equator even Web Mercator is within the limit, though its spherical formulas on
  // ellipsoidal coordinates stretch north-south by 0.7% there.
  const CrsDistortion equator = crs_distortion("EPSG:3857", Bounds{11550000, 140000, 11570000, 160000});
  CHECK(equator.worst < kMaxCrsDistortion);
  CHECK(equator.meridional == Approx(1.0070).epsilon(0.0005));
  CHECK(equator.parallel == Approx(1.0003).epsilon(0.0002));
}

TEST_CASE("25. control bytes from the config are escaped on the terminal, in tasking.qgs and in the report", "[bad-input][issue24]") {
  Scene s("control");
  std::string toml = s.config("label = \"Bur\\u0001glary\\u001b[31m\"\n[report]\nmarking = \"OFFICIAL\\u0007\"\n",
                              "area_name = \"Evil\\u001b[2JTown\"\n");
  const Result r = s.run("run", "", toml);
  INFO(r.log);
  REQUIRE(r.rc == 0);
  const auto raw_controls = [](const std::string& text) {
    return std::count_if(text.begin(), text.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7F;
    });
  };
  CHECK(raw_controls(r.log) == 0);
  CHECK_THAT(r.log, Contains("Run Evil\\x1b[2JTown: 2 wards"));
  for (const char* file : {"tasking.qgs", "report.html"}) {
    INFO(file);
    const std::string text = test::read_text(s.dir / "out" / file);
    REQUIRE_FALSE(text.empty());
    CHECK(raw_controls(text) == 0);
    CHECK(text.find("&#1;") == std::string::npos);  // pugixml's reference for \x01, which no XML parser accepts
    CHECK(text.find("&#27;") == std::string::npos);
    CHECK_THAT(text, Contains("Bur\\x01glary\\x1b[31m"));
  }
  CHECK_THAT(test::read_text(s.dir / "out" / "report.html"), Contains("OFFICIAL\\x07"));
  pugi::xml_document qgs;
  CHECK(qgs.load_file((s.dir / "out" / "tasking.qgs").c_str()));
}

TEST_CASE("26. run --areas: a bad area value fails that area only, the others are written, exit 1 naming it", "[bad-input][issue24]") {
  Scene s("areas");
  // Three wards by name: Alpha, Beta and ALPHA, whose folder name is Alpha's too; rows in each.
  std::string wards = wards_geojson(false);
  const std::string beta = wards.substr(wards.find(",{\"type\":\"Feature\"") + 1);
  std::string third = beta.substr(0, beta.size() - 2);
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"\"E02\"", "\"E03\""}, {"\"Beta\"", "\"ALPHA\""},
                                 {"532000", "533000"}, {"531000", "532000"}})
    for (std::size_t at = 0; (at = third.find(from, at)) != std::string::npos; at += to.size()) third.replace(at, from.size(), to);
  wards.insert(wards.size() - 2, "," + third);
  test::write_text(s.dir / "wards.geojson", wards);
  std::string rows = kHeader;
  for (int i = 0; i < 30; ++i) rows += fmt::format("R{},2017-04-{:02d},Burglary,{},180500,1\n", i, 1 + i % 28, 530100 + (i % 3) * 1000 + i * 10);
  test::write_text(s.dir / "incidents" / "a.csv", rows);
  const Result r = s.run("run", "", s.config("[areas]\nfield = \"name\"\nonly = [\"Alpha\", \"ALPHA\", \"Beta\", \"Gamma\"]\n"));
  INFO(r.log);
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("Gamma: FAILED: no ward has name = 'Gamma'."));
  CHECK_THAT(r.log, Contains("Alpha: FAILED: its folder name 'alpha' is that of the area 'ALPHA'. Leave one of them "
                             "out with areas.only."));
  CHECK_THAT(r.log, Contains("Wrote 2 areas to"));
  CHECK_THAT(r.log, Contains("hotspot: error in areas: 2 of 4 areas failed, the other 2 were written (see " +
                             (s.dir / "out" / "index.html").string() + "): Alpha: its folder name 'alpha'"));
  CHECK_THAT(r.log, Contains(" | Gamma: no ward has name = 'Gamma'."));
  for (const char* area : {"alpha", "beta"}) {
    INFO(area);
    CHECK(fs::exists(s.dir / "out" / area / "report.html"));
    CHECK(fs::exists(s.dir / "out-restricted" / area / "rejects.csv"));
  }
  CHECK_FALSE(fs::exists(s.dir / "out" / "gamma"));
  CHECK(test::read_text(s.dir / "out" / "alpha" / "manifest.json").find("\"area_name\": \"ALPHA\"") != std::string::npos);
  const std::string index = test::read_text(s.dir / "out" / "index.json");
  CHECK_THAT(index, Contains("\"area\": \"Gamma\",\n      \"folder\": \"gamma\",\n      \"status\": \"failed\""));
}

TEST_CASE("27. --gpkg reruns are byte-identical: no process id in any warning or file", "[bad-input][issue24]") {
  Scene s("gpkg");
  std::map<std::string, std::string> first;
  for (int run = 0; run < 2; ++run) {
    const Result r = s.run("run", "--gpkg");
    INFO(r.log);
    REQUIRE(r.rc == 0);
    CHECK(r.log.find(".tmp") == std::string::npos);
    CHECK(r.log.find("GPKG specification") == std::string::npos);
    for (const fs::path& folder : {s.dir / "out", s.dir / "out-restricted"})
      for (const auto& e : fs::directory_iterator(folder)) {
        const std::string name = folder.filename().string() + "/" + e.path().filename().string();
        if (e.path().filename() == "timings.json") continue;
        const std::string sha = sha256_file(e.path().string());
        if (run == 0) first[name] = sha;
        else CHECK(first[name] == sha);
      }
  }
  CHECK(first.count("out/tasking.gpkg") == 1);
  CHECK(first.size() > 8);
}
