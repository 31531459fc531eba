#include "app/context/run_context.hpp"

namespace hotspot {

void StageTimer::start(std::string stage) {
  stage_ = std::move(stage);
  t0_ = std::chrono::steady_clock::now();
}

void StageTimer::stop() {
  const std::chrono::duration<double> d = std::chrono::steady_clock::now() - t0_;
  seconds.emplace_back(stage_, d.count());
}

// Names only: the manifests list and checksum each folder as it is at the end
// (write_manifests), so a file is read for its checksum once. Hashing here too
// read every restricted rejects.csv twice (`run --areas`: 33 x 20 MB).
void RunContext::record_output(const std::string& name) { outputs.push_back(OutputFile{name, ""}); }

void RunContext::record_restricted(const std::string& name) { restricted_outputs.push_back(OutputFile{name, ""}); }

std::vector<const Incident*> RunInputs::incidents_in(std::size_t theme, const Period& p) const {
  std::vector<const Incident*> out;
  const ThemeMask bit = ThemeMask{1} << theme;
  for (const Incident& inc : ingest.incidents)
    if ((inc.themes & bit) && p.contains(inc.month)) out.push_back(&inc);
  return out;
}

}  // namespace hotspot
