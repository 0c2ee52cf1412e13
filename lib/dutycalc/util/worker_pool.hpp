// A fixed set of threads that run a loop body over [0, count) together: each takes one
// contiguous part, the calling thread the first, and run() returns when all parts are done. The
// threads live as long as the pool, so what they keep per thread (caches, scratch buffers) lasts
// from one batch of work to the next. The body must be safe to run concurrently for different
// indices.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dutycalc {

class WorkerPool {
public:
  // `threads` counts the calling thread: 1 runs everything on the caller, with no threads.
  explicit WorkerPool(unsigned threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  unsigned threads() const { return static_cast<unsigned>(m_workers.size()) + 1; }
  // Returns when every part is done, also when one throws: then it rethrows the first exception
  // (the workers never outlive the body they were given).
  void run(std::size_t count, const std::function<void(std::size_t)>& body);

private:
  void work(std::size_t part);

  std::vector<std::thread> m_workers;
  std::mutex m_mutex;
  std::condition_variable m_start;
  std::condition_variable m_done;
  const std::function<void(std::size_t)>* m_body = nullptr;
  std::size_t m_count = 0;
  std::size_t m_parts = 1;
  std::size_t m_generation = 0; // counts run() calls: workers wait for a new one
  std::size_t m_pending = 0;    // worker parts of the current run not yet done
  std::exception_ptr m_failure; // the first exception a worker's part threw in this run
  bool m_stopping = false;
};

} // namespace dutycalc
