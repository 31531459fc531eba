// The rejects stage: every input row not used, as read, in the restricted
// folder (rejects.csv), and the pack's account of them by file and reason
// (rejects_summary.csv), which holds no row content.
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "app/stages/stages.hpp"
#include "app/tables/rejects_table.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"

namespace hotspot {
namespace fs = std::filesystem;

void publish_rejects(RunContext& run) {
  std::vector<std::string> file_names;
  for (const auto& f : run.ingest.files) file_names.push_back(display_path(run.cfg, f.path));
  for (const auto& f : run.venue_files) file_names.push_back(display_path(run.cfg, f.path));
  {
    // Streamed a chunk of rows at a time: a one-borough run on a London-wide
    // extract rejects most of its rows (outside every ward), and building the
    // whole table and text at once took 2.7 GB for 750 k rejects.
    const fs::path path = run.restricted_path("rejects.csv");
    AtomicOutput out(path);
    {
      std::ofstream f(out.temp_path(), std::ios::binary | std::ios::trunc);
      if (!f) throw bad_input("write", fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
      constexpr std::size_t kChunk = 20000;
      const std::size_t n = run.ingest.rejects.size() + run.venue_rejects.size();
      std::vector<Reject> chunk;
      std::size_t i = 0;
      do {  // at least once: the header
        chunk.clear();
        for (; i < n && chunk.size() < kChunk; ++i)
          chunk.push_back(i < run.ingest.rejects.size() ? run.ingest.rejects[i]
                                                        : run.venue_rejects[i - run.ingest.rejects.size()]);
        std::string text = to_csv(rejects_table(chunk, file_names));
        std::size_t from = 0;
        if (f.tellp() > 0) from = text.find("\r\n") + 2;  // the header once
        f.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
      } while (i < n);
      f.flush();
      if (!f) throw bad_input("write", fmt::format("writing {} failed: {}", path.string(), std::strerror(errno)));
    }
    out.commit();
  }
  run.record_restricted("rejects.csv");

  // The pack's account: how many rows each file lost and why, never the rows.
  std::vector<FileRejects> files;
  for (const auto& f : run.ingest.files) files.push_back({.file = display_path(run.cfg, f.path), .counts = f.rejected});
  for (const auto& f : run.venue_files) files.push_back({.file = display_path(run.cfg, f.path), .counts = f.rejected});
  write_file_atomically(run.output_path("rejects_summary.csv"), to_csv(rejects_summary_table(files)));
  run.record_output("rejects_summary.csv");
}

}  // namespace hotspot
