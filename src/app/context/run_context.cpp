#include "app/context/run_context.hpp"

#include "io/sha256.hpp"

namespace hotspot {

void StageTimer::start(std::string stage) {
  stage_ = std::move(stage);
  t0_ = std::chrono::steady_clock::now();
}

void StageTimer::stop() {
  const std::chrono::duration<double> d = std::chrono::steady_clock::now() - t0_;
  seconds.emplace_back(stage_, d.count());
}

void RunContext::record_output(const std::string& name) {
  outputs.push_back(OutputFile{name, sha256_file(output_path(name).string())});
}

void RunContext::record_restricted(const std::string& name) {
  restricted_outputs.push_back(OutputFile{name, sha256_file(restricted_path(name).string())});
}

std::vector<const Incident*> RunInputs::incidents_in(std::size_t theme, const Period& p) const {
  std::vector<const Incident*> out;
  const ThemeMask bit = ThemeMask{1} << theme;
  for (const Incident& inc : ingest.incidents)
    if ((inc.themes & bit) && p.contains(inc.month)) out.push_back(&inc);
  return out;
}

}  // namespace hotspot
