#pragma once
// Work split over threads without changing the result: body(i, worker) runs once
// for every i in [0, n), on up to `threads` threads (worker 0 is the calling
// thread), each worker taking the next i. Callers write each i's result to its
// own slot, so what comes out does not depend on the thread count or on timing.
// The first exception (lowest i) is rethrown after every thread has stopped.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace hotspot {

inline int worker_count(int threads, std::size_t n) {
  return static_cast<int>(std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), n)));
}

template <class Body>
void parallel_for(std::size_t n, int threads, Body&& body) {
  const int workers = worker_count(threads, n);
  if (workers == 1) {
    for (std::size_t i = 0; i < n; ++i) body(i, 0);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(n);
  std::atomic<bool> failed{false};
  auto work = [&](int worker) {
    for (std::size_t i; !failed && (i = next.fetch_add(1)) < n;) {
      try {
        body(i, worker);
      } catch (...) {
        errors[i] = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < workers; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace hotspot
