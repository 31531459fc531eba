// The run's folders: the pack holds only what may be shared, row-level files
// go to the restricted folder beside it, and a run replaces both whole or not
// at all (a rerun leaves no stale file, a killed run leaves the previous pack).
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cpl_json.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "io/sha256.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

const fs::path kSampleConfig = test::source_dir() / "data/sample/hotspot.toml";

int run_sample(const std::string& command, const fs::path& out, const fs::path& log) {
  return test::run_hotspot(command + " '" + kSampleConfig.string() + "' --quiet --out '" + out.string() + "'", log);
}

std::set<std::string> folder_listing(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

// The manifest's file list equals the folder listing and every SHA-256 matches.
// Returns what is wrong, empty when consistent.
std::string manifest_problem(const fs::path& folder, const char* list = "outputs") {
  CPLJSONDocument doc;
  if (!doc.Load((folder / "manifest.json").string())) return "no readable manifest.json in " + folder.string();
  const CPLJSONArray files = doc.GetRoot().GetArray(list);
  std::set<std::string> listed;
  for (int i = 0; i < files.Size(); ++i) {
    const std::string name = files[i].GetString("name");
    listed.insert(name);
    const std::string sha = files[i].GetString("sha256");
    if (!sha.empty() && sha256_file((folder / name).string()) != sha) return name + ": SHA-256 differs";
  }
  if (listed != folder_listing(folder)) {
    std::string text = "listed:";
    for (const auto& n : listed) text += " " + n;
    text += "\nin folder:";
    for (const auto& n : folder_listing(folder)) text += " " + n;
    return text;
  }
  return {};
}

// The sample config with absolute paths and points exported for one theme.
fs::path config_with_points(const test::TempDir& dir) {
  std::string toml = test::read_text(kSampleConfig);
  const std::string sample = (test::source_dir() / "data/sample").string() + "/";
  for (const std::string file : {"\"wards.geojson\"", "\"population.csv\"", "\"incidents/*.csv\"", "\"venues.csv\"",
                                 "\"../themes/force-extract.toml\""}) {
    const std::size_t at = toml.find(file);
    REQUIRE(at != std::string::npos);
    toml.insert(at + 1, sample);
  }
  const std::size_t asb = toml.find("[themes.asb]\n");
  REQUIRE(asb != std::string::npos);
  toml.insert(asb + 13, "export_points = true\n");
  test::write_text(dir / "points.toml", toml);
  return dir / "points.toml";
}

// The pack_id a folder's manifest records (app/run/pack_folders.hpp); empty without one.
std::string pack_id_of(const fs::path& folder) {
  CPLJSONDocument doc;
  if (!doc.Load((folder / "manifest.json").string())) return "";
  return doc.GetRoot().GetString("pack_id");
}

// A process id that is certainly not running: a child that has exited and been reaped.
pid_t dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return pid;
}

}  // namespace

TEST_CASE("run folders: a rerun replaces the pack whole and the manifest lists every file", "[e2e][folders]") {
  test::TempDir dir("folders-rerun");
  const fs::path pack = dir / "pack", restricted = dir / "pack-restricted";
  REQUIRE(run_sample("run", pack, dir / "1.log") == 0);
  // Files an earlier run (or an older version) left: gone after the rerun.
  test::write_text(pack / "points_vawg.geojson", "{}");
  test::write_text(pack / "tasking.gpkg", "old");
  test::write_text(pack / "rejects.csv", "old");
  test::write_text(restricted / "points_asb.geojson", "{}");
  const int rc = run_sample("run", pack, dir / "2.log");
  INFO(test::read_text(dir / "2.log"));
  REQUIRE(rc == 0);
  CHECK_FALSE(fs::exists(pack / "points_vawg.geojson"));
  CHECK_FALSE(fs::exists(pack / "tasking.gpkg"));
  CHECK_FALSE(fs::exists(pack / "rejects.csv"));
  CHECK_FALSE(fs::exists(restricted / "points_asb.geojson"));
  CHECK(manifest_problem(pack) == "");
  CHECK(manifest_problem(restricted, "files") == "");
  // Nothing else beside them: no staging folder, no temporary file.
  CHECK(folder_listing(dir.path()) == std::set<std::string>{"pack", "pack-restricted", "1.log", "2.log"});
  for (const fs::path& folder : {pack, restricted})
    for (const auto& name : folder_listing(folder)) {
      INFO(name);
      CHECK(name.find(".tmp") == std::string::npos);
      CHECK(name.find("staging") == std::string::npos);
    }
  // The pack's manifest names the restricted folder and what it holds.
  CPLJSONDocument doc;
  REQUIRE(doc.Load((pack / "manifest.json").string()));
  CHECK(doc.GetRoot().GetString("restricted/folder") == "../pack-restricted");
  CHECK(doc.GetRoot().GetArray("restricted/files").Size() == 1);  // rejects.csv

  SECTION("a one-stage command never replaces a pack, and replaces its own folder whole") {
    const std::string before = test::read_text(pack / "manifest.json");
    CHECK(run_sample("wards", pack, dir / "3.log") == 2);
    CHECK(test::read_text(dir / "3.log").find("holds the tasking pack for") != std::string::npos);
    CHECK(test::read_text(pack / "manifest.json") == before);
    CHECK(fs::exists(pack / "report.html"));
    const fs::path stage = dir / "stage";
    REQUIRE(run_sample("wards", stage, dir / "4.log") == 0);
    test::write_text(stage / "kde_asb.tif", "old");
    REQUIRE(run_sample("wards", stage, dir / "5.log") == 0);
    CHECK_FALSE(fs::exists(stage / "kde_asb.tif"));
    CHECK(fs::exists(stage / "wards.geojson"));
    CHECK(manifest_problem(stage) == "");
  }
  SECTION("validate writes nothing, not even where a pack exists") {
    const auto before = folder_listing(pack);
    REQUIRE(run_sample("validate", pack, dir / "3.log") == 0);
    CHECK(folder_listing(pack) == before);
    CHECK(folder_listing(dir.path()) == std::set<std::string>{"pack", "pack-restricted", "1.log", "2.log", "3.log"});
  }
}

TEST_CASE("run folders: row-level files only in the restricted folder, never named by the pack", "[e2e][folders]") {
  test::TempDir dir("folders-restricted");
  const fs::path cfg = config_with_points(dir);
  const fs::path pack = dir / "pack", restricted = dir / "pack-restricted";
  const int rc = test::run_hotspot("run '" + cfg.string() + "' --quiet --out '" + pack.string() + "'", dir / "run.log");
  INFO(test::read_text(dir / "run.log"));
  REQUIRE(rc == 0);
  CHECK(folder_listing(restricted) == std::set<std::string>{"manifest.json", "points_asb.geojson", "rejects.csv"});
  CHECK(manifest_problem(restricted, "files") == "");
  for (const auto& name : folder_listing(pack)) {
    INFO(name);
    CHECK(name.rfind("points_", 0) != 0);
    CHECK(name != "rejects.csv");
  }
  for (const char* file : {"report.html", "tasking.qgs"}) {
    INFO(file);
    const std::string text = test::read_text(pack / file);
    REQUIRE_FALSE(text.empty());
    CHECK(text.find("rejects.csv") == std::string::npos);
    CHECK(text.find("points_") == std::string::npos);
    CHECK(text.find("restricted") == std::string::npos);
  }
  // The pack keeps the account by file and reason, with no row content.
  const std::string summary = test::read_text(pack / "rejects_summary.csv");
  CHECK(summary.rfind("file,reason,count,help\r\n", 0) == 0);
  CHECK(summary.find("incidents/2025-12.csv,duplicate_id,") != std::string::npos);
  const std::string rejects = test::read_text(restricted / "rejects.csv");
  CHECK(rejects.rfind("file,line,reason,field,detail,raw\r\n", 0) == 0);
}

TEST_CASE("run folders: a folder hotspot did not write is refused, untouched", "[e2e][folders]") {
  test::TempDir dir("folders-foreign");
  fs::create_directories(dir / "mine");
  test::write_text(dir / "mine" / "notes.txt", "precious");
  CHECK(run_sample("run", dir / "mine", dir / "1.log") == 2);
  const std::string log = test::read_text(dir / "1.log");
  CHECK(log.find(fmt::format("'{}'", (dir / "mine").string())) != std::string::npos);
  CHECK(log.find("set run.output (or --out) to a new or empty folder") != std::string::npos);
  CHECK(test::read_text(dir / "mine" / "notes.txt") == "precious");
  // A manifest.json that hotspot did not write does not count.
  test::write_text(dir / "mine" / "manifest.json", "{\"software\": {\"name\": \"other\"}}");
  CHECK(run_sample("wards", dir / "mine", dir / "2.log") == 2);
  // Nor may the restricted folder beside it be someone else's.
  fs::create_directories(dir / "pack-restricted");
  test::write_text(dir / "pack-restricted" / "notes.txt", "precious");
  CHECK(run_sample("run", dir / "pack", dir / "3.log") == 2);
  CHECK(test::read_text(dir / "3.log").find("restricted folder") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "pack"));
  // An empty folder is fine.
  fs::create_directories(dir / "empty");
  CHECK(run_sample("wards", dir / "empty", dir / "4.log") == 0);
}

TEST_CASE("run folders: a run killed at any moment leaves the previous pack or the new one", "[e2e][folders][kill]") {
  test::TempDir dir("folders-kill");
  const fs::path out = dir / "runs" / "pack", restricted = dir / "runs" / "pack-restricted";
  const std::random_device::result_type seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  // The first kills land before any pack exists (the folder must stay absent);
  // then one complete run, timed, so the later kills span a whole run, the swap included.
  bool complete_before = false;
  std::set<std::string> killed_pids;
  int run_ms = 1500, killed = 0, finished = 0, replaced = 0, mismatched = 0;
  std::uniform_int_distribution<int> delay_ms(0, run_ms);
  for (int i = 0; i < 18; ++i) {
    if (i == 3) {
      const auto t0 = std::chrono::steady_clock::now();
      REQUIRE(run_sample("run", out, dir / "first.log") == 0);
      run_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - t0).count());
      delay_ms = std::uniform_int_distribution<int>(0, run_ms * 6 / 5);
    }
    const std::string timings_before = fs::exists(out) ? test::read_text(out / "timings.json") : "";
    const int delay = delay_ms(rng);
    // Two periods in turn, so each run's folders differ from the last run's.
    const char* period = i % 2 ? "2025-11" : "2025-12";
    INFO("iteration " << i << ", period " << period << ", kill after " << delay << " ms");
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execl(HOTSPOT_BINARY, HOTSPOT_BINARY, "run", kSampleConfig.c_str(), "--quiet", "--out", out.c_str(),
              "--period", period, static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ::kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    if (WIFSIGNALED(status)) ++killed;
    else {
      REQUIRE(WEXITSTATUS(status) == 0);
      ++finished;
    }
    // Whole or absent: never a half-written pack.
    if (fs::exists(out)) {
      CHECK(manifest_problem(out) == "");
      complete_before = true;
      replaced += test::read_text(out / "timings.json") != timings_before;
    } else {
      CHECK_FALSE(complete_before);
    }
    if (fs::exists(restricted)) CHECK(manifest_problem(restricted, "files") == "");
    // The restricted folder names its pack. Killed between the two swaps, the
    // run leaves the new restricted folder beside the previous pack: the ids
    // tell, and the new pack waits whole in the killed run's staging folder,
    // which the next run swaps in (finish_interrupted_swap).
    if (fs::exists(restricted) && pack_id_of(restricted) != pack_id_of(out)) {
      ++mismatched;
      const fs::path staged = out.parent_path() / (".pack.staging-" + std::to_string(pid));
      CHECK(pack_id_of(staged) == pack_id_of(restricted));
      CHECK(manifest_problem(staged) == "");
    }
    // Only the two folders and staging folders of killed runs (a run removes
    // them when it starts, unless it too is killed before).
    killed_pids.insert(std::to_string(pid));
    if (!fs::exists(dir / "runs")) continue;  // killed before it made the parent folder
    for (const auto& name : folder_listing(dir / "runs")) {
      INFO(name);
      const std::size_t at = name.find(".staging-");
      const bool staging = at != std::string::npos && killed_pids.count(name.substr(name.rfind('-') + 1));
      CHECK((name == "pack" || name == "pack-restricted" || staging));
    }
  }
  WARN("killed " << killed << " runs, " << finished << " finished before the kill; the pack was replaced "
                  << replaced << " times; " << mismatched << " kills fell between the two swaps; a whole run takes "
                  << run_ms << " ms");
  // The next run removes what the killed ones left and completes.
  REQUIRE(run_sample("run", out, dir / "last.log") == 0);
  CHECK(folder_listing(dir / "runs") == std::set<std::string>{"pack", "pack-restricted"});
  CHECK(manifest_problem(out) == "");
  CHECK(manifest_problem(restricted, "files") == "");
  CHECK(pack_id_of(out) == pack_id_of(restricted));
}

TEST_CASE("run folders: a kill between the two swaps is told by the pack ids and repaired by the next run", "[e2e][folders][kill]") {
  test::TempDir dir("folders-between");
  const fs::path runs = dir / "runs", out = runs / "pack", restricted = runs / "pack-restricted";
  const std::string cfg = kSampleConfig.string();
  // The previous pack (2025-12), kept aside, then the new run's (2025-11).
  REQUIRE(test::run_hotspot("run '" + cfg + "' --quiet --out '" + out.string() + "'", dir / "1.log") == 0);
  fs::create_directories(dir / "old");
  fs::copy(out, dir / "old" / "pack", fs::copy_options::recursive);
  fs::copy(restricted, dir / "old" / "pack-restricted", fs::copy_options::recursive);
  REQUIRE(test::run_hotspot("run '" + cfg + "' --quiet --period 2025-11 --out '" + out.string() + "'", dir / "2.log") == 0);
  const std::string new_id = pack_id_of(out), old_id = pack_id_of(dir / "old" / "pack");
  REQUIRE(new_id.size() == 64);
  REQUIRE(new_id != old_id);
  CHECK(pack_id_of(restricted) == new_id);
  // What a kill between the swaps leaves: the new restricted folder in place,
  // the previous one in its staging name, the new pack still in its staging
  // folder and the previous pack in place.
  const std::string staging = ".staging-" + std::to_string(dead_pid());
  fs::rename(out, runs / (".pack" + staging));
  fs::rename(dir / "old" / "pack", out);
  fs::rename(dir / "old" / "pack-restricted", runs / (".pack-restricted" + staging));
  CHECK(pack_id_of(out) == old_id);
  CHECK(pack_id_of(restricted) == new_id);  // a reader can tell they are not a pair
  // validate writes nothing and repairs nothing.
  REQUIRE(test::run_hotspot("validate '" + cfg + "' --quiet --out '" + out.string() + "'", dir / "3.log") == 0);
  CHECK(pack_id_of(out) == old_id);
  // The next run puts the pack in first, so even a run that then fails (no
  // rows in its period) leaves a matching pair, and nothing else.
  CHECK(test::run_hotspot("run '" + cfg + "' --quiet --period 2031-01 --out '" + out.string() + "'", dir / "4.log") == 1);
  CHECK(pack_id_of(out) == new_id);
  CHECK(pack_id_of(restricted) == new_id);
  CHECK(manifest_problem(out) == "");
  CHECK(manifest_problem(restricted, "files") == "");
  CHECK(folder_listing(runs) == std::set<std::string>{"pack", "pack-restricted"});
}
