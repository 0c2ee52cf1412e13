#include <dutycalc/util/worker_pool.hpp>

namespace dutycalc {

namespace {
void run_range(const std::function<void(std::size_t)>& body, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) body(i);
}
} // namespace

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

void WorkerPool::run(std::size_t count, const std::function<void(std::size_t)>& body) {
  const std::size_t threads = m_workers.size() + 1;
  // Small batches are not worth waking anyone for.
  if (threads == 1 || count < 4 * threads) {
    run_range(body, 0, count);
    return;
  }
  {
    const std::lock_guard lock(m_mutex);
    m_body = &body;
    m_count = count;
    m_parts = threads;
    m_pending = m_workers.size();
    ++m_generation;
  }
  m_start.notify_all();
  std::exception_ptr failure;
  try {
    run_range(body, 0, count / threads);
  } catch (...) {
    failure = std::current_exception();
  }
  std::unique_lock lock(m_mutex);
  m_done.wait(lock, [this] { return m_pending == 0; });
  m_body = nullptr;
  if (!failure) failure = m_failure;
  m_failure = nullptr;
  lock.unlock();
  if (failure) std::rethrow_exception(failure);
}

void WorkerPool::work(std::size_t part) {
  std::size_t seen = 0;
  for (;;) {
    std::unique_lock lock(m_mutex);
    m_start.wait(lock, [&] { return m_stopping || m_generation != seen; });
    if (m_stopping) return;
    seen = m_generation;
    const auto* body = m_body;
    const std::size_t from = m_count * part / m_parts;
    const std::size_t to = m_count * (part + 1) / m_parts;
    lock.unlock();
    std::exception_ptr failure;
    try {
      run_range(*body, from, to);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    if (failure && !m_failure) m_failure = failure;
    if (--m_pending == 0) m_done.notify_one();
  }
}

} // namespace dutycalc
