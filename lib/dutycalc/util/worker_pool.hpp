// A fixed set of threads that run one part each of a piece of work, all at once: the parts may
// wait for one another (the pricing loop's threads take turns at its ordered steps). The threads
// live as long as the pool, so what they keep per thread (caches, scratch buffers) lasts from one
// piece of work to the next.
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

  // Runs body(t) once for each t in [0, threads()), all at once, each on a thread of its own (the
  // calling thread runs body(0)). Returns when all are done; the first exception a part threw is
  // then rethrown.
  void run_each(const std::function<void(unsigned)>& body);

private:
  void work(unsigned index);

  std::vector<std::thread> m_workers;
  std::mutex m_mutex;
  std::condition_variable m_start;
  std::condition_variable m_done;
  const std::function<void(unsigned)>* m_body = nullptr; // run_each()'s, while it runs
  std::size_t m_generation = 0;       // counts pieces of work: workers wait for a new one
  std::size_t m_pending = 0;          // workers not yet done with the current one
  std::exception_ptr m_failure;       // the first exception a part threw in it
  bool m_stopping = false;
};

} // namespace dutycalc
