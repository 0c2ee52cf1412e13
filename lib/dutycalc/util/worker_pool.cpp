#include <dutycalc/util/worker_pool.hpp>

#include <algorithm>

namespace dutycalc {

WorkerPool::WorkerPool(unsigned threads) {
  for (unsigned p = 1; p < threads; ++p) m_workers.emplace_back([this, p] { work(p); });
}

WorkerPool::~WorkerPool() {
  {
    const std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_start.notify_all();
  for (std::thread& worker : m_workers) worker.join();
}

void WorkerPool::run_chunks() {
  for (;;) {
    const std::size_t from = m_next.fetch_add(m_chunk, std::memory_order_relaxed);
    if (from >= m_count) return;
    const std::size_t to = std::min(m_count, from + m_chunk);
    for (std::size_t i = from; i < to; ++i) {
      try {
        (*m_body)(i);
      } catch (...) {
        const std::lock_guard lock(m_mutex);
        if (!m_failure) m_failure = std::current_exception();
      }
    }
  }
}

void WorkerPool::start(std::size_t count, const std::function<void(std::size_t)>& body) {
  const std::lock_guard lock(m_mutex);
  m_body = &body;
  m_count = count;
  // Chunks small enough to share out evenly, large enough that claiming them costs nothing.
  m_chunk = std::max<std::size_t>(1, count / (8 * (m_workers.size() + 1)));
  m_next.store(0, std::memory_order_relaxed);
  m_failure = nullptr;
  // Small loops are not worth waking anyone for: finish() runs them on the calling thread.
  m_pending = 0;
  if (m_workers.empty() || count < 4 * (m_workers.size() + 1)) return;
  m_pending = m_workers.size();
  ++m_generation;
  m_start.notify_all();
}

void WorkerPool::finish() {
  run_chunks();
  join_workers();
}

void WorkerPool::join_workers() {
  std::unique_lock lock(m_mutex);
  m_done.wait(lock, [this] { return m_pending == 0; });
  m_body = nullptr;
  m_each_body = nullptr;
  const std::exception_ptr failure = m_failure;
  m_failure = nullptr;
  lock.unlock();
  if (failure) std::rethrow_exception(failure);
}

void WorkerPool::run_each(const std::function<void(unsigned)>& body) {
  {
    const std::lock_guard lock(m_mutex);
    m_each_body = &body;
    m_failure = nullptr;
    m_pending = m_workers.size();
    ++m_generation;
  }
  m_start.notify_all();
  try {
    body(0);
  } catch (...) {
    const std::lock_guard lock(m_mutex);
    if (!m_failure) m_failure = std::current_exception();
  }
  join_workers();
}

void WorkerPool::work(unsigned index) {
  std::size_t seen = 0;
  for (;;) {
    const std::function<void(unsigned)>* each = nullptr;
    {
      std::unique_lock lock(m_mutex);
      m_start.wait(lock, [&] { return m_stopping || m_generation != seen; });
      if (m_stopping) return;
      seen = m_generation;
      each = m_each_body;
    }
    if (each) {
      try {
        (*each)(index);
      } catch (...) {
        const std::lock_guard lock(m_mutex);
        if (!m_failure) m_failure = std::current_exception();
      }
    } else {
      run_chunks();
    }
    const std::lock_guard lock(m_mutex);
    if (--m_pending == 0) m_done.notify_one();
  }
}

} // namespace dutycalc
