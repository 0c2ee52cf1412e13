// A fixed set of threads that run a loop body over [0, count) together. The loop is handed out in
// small chunks that each thread claims in turn, so a thread that starts late (the calling thread,
// busy with something else after start()) still gets its share and none waits for a slow part.
// The threads live as long as the pool, so what they keep per thread (caches, scratch buffers)
// lasts from one loop to the next. The body must be safe to run concurrently for different
// indices.
#pragma once

#include <atomic>
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

  // Runs `body` for every index and returns when all are done, also when some throw: every
  // other index still runs, then the first exception is rethrown.
  void run(std::size_t count, const std::function<void(std::size_t)>& body) {
    start(count, body);
    finish();
  }
  // The same in two steps: start() sets the pool's threads on the loop and returns at once, so
  // the caller can do other work (not touching what the body touches); finish() then takes the
  // calling thread into the loop and returns (or rethrows) as run() does. `body` must live until
  // finish() returns; every start() needs its finish() before the next start().
  void start(std::size_t count, const std::function<void(std::size_t)>& body);
  void finish();

  // Runs body(t) once for each t in [0, threads()), all at once, each on a thread of its own (the
  // calling thread runs body(0)), for parts that wait for one another. Returns when all are done;
  // the first exception a part threw is then rethrown.
  void run_each(const std::function<void(unsigned)>& body);

private:
  void work(unsigned index);
  // Waits until every worker is done with the current loop, then rethrows its first exception.
  void join_workers();
  // Claims and runs chunks of the current loop until none is left.
  void run_chunks();

  std::vector<std::thread> m_workers;
  std::mutex m_mutex;
  std::condition_variable m_start;
  std::condition_variable m_done;
  const std::function<void(std::size_t)>* m_body = nullptr;
  const std::function<void(unsigned)>* m_each_body = nullptr; // run_each()'s, while it runs
  std::size_t m_count = 0;
  std::size_t m_chunk = 1;
  std::atomic<std::size_t> m_next{0}; // the first index no thread has claimed yet
  std::size_t m_generation = 0;       // counts loops: workers wait for a new one
  std::size_t m_pending = 0;          // workers not yet done with the current loop
  std::exception_ptr m_failure;       // the first exception the body threw in this loop
  bool m_stopping = false;
};

} // namespace dutycalc
