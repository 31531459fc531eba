// The console contract: --quiet keeps warnings and the final line only;
// progress is drawn only on a terminal, and any other line first clears it, so
// progress never shares a line with output.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <thread>

#include "app/context/progress.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

std::string contents(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Waits (up to 10 s, not a timing assertion) until the ticker has drawn the stage.
bool wait_for(const fs::path& p, const std::string& text) {
  for (int i = 0; i < 1000; ++i) {
    if (contents(p).find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

TEST_CASE("progress: on a terminal a stage is drawn in place and cleared before any other line", "[progress]") {
  test::TempDir dir("progress");
  std::FILE* sink = std::fopen((dir / "tty").c_str(), "w");
  REQUIRE(sink);
  std::ostringstream out;
  {
    Progress p(out, false, true, sink, std::chrono::milliseconds(0));
    REQUIRE(p.enabled());
    p.begin("ingest");
    p.update("ingest", 3, 12, "2017-04.csv");
    REQUIRE(wait_for(dir / "tty", "[ingest] 3/12 2017-04.csv"));
    p.console() << "Run Kingsmere\n";
    // The line was cleared before the output was written, and nothing was drawn over it since.
    const std::string tty = contents(dir / "tty");
    const std::size_t drawn = tty.rfind("[ingest] 3/12 2017-04.csv");
    REQUIRE(drawn != std::string::npos);
    CHECK(tty.find("\r\033[K", drawn) != std::string::npos);  // a clear after the last draw
    CHECK(out.str() == "Run Kingsmere\n");
    p.finish("ingest", "12 files");
    CHECK(contents(dir / "tty").substr(contents(dir / "tty").rfind("\r\033[K")) == "\r\033[K[ingest] 12 files\n");
  }
  std::fclose(sink);
}

TEST_CASE("progress: a stage under the threshold leaves nothing, and a pipe gets no progress", "[progress]") {
  test::TempDir dir("progress-short");
  std::FILE* sink = std::fopen((dir / "tty").c_str(), "w");
  REQUIRE(sink);
  std::ostringstream out;
  {
    Progress slow(out, false, true, sink, std::chrono::hours(1));
    slow.begin("wards");
    slow.finish("wards", "18 wards");
    Progress pipe(out, false, false, sink, std::chrono::milliseconds(0));
    CHECK_FALSE(pipe.enabled());
    pipe.begin("kde");
    pipe.update("kde", 1, 2);
    pipe.finish("kde", "2 surfaces");
    pipe.console() << "line\n";
  }
  std::fclose(sink);
  CHECK(contents(dir / "tty").empty());
  CHECK(out.str() == "line\n");
}

TEST_CASE("progress: --quiet keeps the final line and nothing else of the run's own lines", "[progress]") {
  std::ostringstream out;
  Progress p(out, true, true, stderr, std::chrono::milliseconds(0));
  CHECK_FALSE(p.enabled());  // no progress either, even on a terminal
  p.console() << "  VAWG 177 vs baseline +6.3%\n";
  p.always() << "Wrote out/sample (40 files)\n";
  CHECK(out.str() == "Wrote out/sample (40 files)\n");
}

TEST_CASE("progress: a counter only goes forward, whichever thread reports last", "[progress][issue26]") {
  test::TempDir dir("progress-forward");
  std::FILE* sink = std::fopen((dir / "tty").c_str(), "w");
  REQUIRE(sink);
  std::ostringstream out;
  {
    Progress p(out, false, true, sink, std::chrono::milliseconds(0));
    p.begin("evaluate");
    p.update("evaluate", 24, 42, "asb 2016-05");
    REQUIRE(wait_for(dir / "tty", "[evaluate] 24/42 asb 2016-05"));
    // A thread that finished earlier reports late: the counter stays at 24,
    // drawn again at the next tick (every 250 ms) instead of 3/42.
    const auto draws = [&] {
      const std::string tty = contents(dir / "tty");
      std::size_t n = 0;
      for (std::size_t at = tty.find("24/42"); at != std::string::npos; at = tty.find("24/42", at + 1)) ++n;
      return n;
    };
    const std::size_t before = draws();
    p.update("evaluate", 3, 42, "violence 2014-03");
    for (int i = 0; i < 1000 && draws() == before; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(draws() > before);
    p.update("evaluate", 25, 42, "asb 2016-06");
    REQUIRE(wait_for(dir / "tty", "[evaluate] 25/42 asb 2016-06"));
    // A count of another total (the next part of the stage) starts afresh.
    p.update("evaluate", 1, 7, "summary");
    REQUIRE(wait_for(dir / "tty", "[evaluate] 1/7 summary"));
    p.finish("evaluate", "done");
  }
  std::fclose(sink);
  CHECK(contents(dir / "tty").find("3/42") == std::string::npos);
}
