#pragma once
// GEOS work on run.threads threads: a GEOS context is not safe to share, so
// each worker but the first (which uses the run's) gets its own, with its own
// view of the shared ward polygons (WardOverlap reads no prepared geometry,
// see geo/ward_set.hpp). What a worker makes in its context is handed to the
// run's context before the worker's dies (GeomDeleter{run.geos.get()}).
#include <memory>
#include <vector>

#include "app/context/run_context.hpp"
#include "core/parallel.hpp"
#include "geo/ward_overlap.hpp"

namespace hotspot {

class WorkerGeos {
 public:
  // Workers for `jobs` jobs: as many as run.threads allows, one below `min_jobs`.
  WorkerGeos(const RunInputs& run, const WardOverlap& overlap, std::size_t jobs, std::size_t min_jobs)
      : run_(run), overlap_(overlap), count_(jobs >= min_jobs ? worker_count(run.cfg.threads, jobs) : 1) {
    for (int w = 1; w < count_; ++w) {
      contexts_.push_back(std::make_unique<GeosContext>());
      overlaps_.push_back(std::make_unique<WardOverlap>(*contexts_.back(), *run.ward_set));
    }
  }
  int count() const { return count_; }
  const GeosContext& context(int worker) const { return worker == 0 ? run_.geos : *contexts_[index(worker)]; }
  const WardOverlap& overlap(int worker) const { return worker == 0 ? overlap_ : *overlaps_[index(worker)]; }

 private:
  static std::size_t index(int worker) { return static_cast<std::size_t>(worker - 1); }
  const RunInputs& run_;
  const WardOverlap& overlap_;
  int count_;
  std::vector<std::unique_ptr<GeosContext>> contexts_;
  std::vector<std::unique_ptr<WardOverlap>> overlaps_;
};

}  // namespace hotspot
