#include <dutycalc/util/worker_pool.hpp>

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

void WorkerPool::run_each(const std::function<void(unsigned)>& body) {
  {
    const std::lock_guard lock(m_mutex);
    m_body = &body;
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
  std::unique_lock lock(m_mutex);
  m_done.wait(lock, [this] { return m_pending == 0; });
  m_body = nullptr;
  const std::exception_ptr failure = m_failure;
  m_failure = nullptr;
  lock.unlock();
  if (failure) std::rethrow_exception(failure);
}

void WorkerPool::work(unsigned index) {
  std::size_t seen = 0;
  for (;;) {
    const std::function<void(unsigned)>* body = nullptr;
    {
      std::unique_lock lock(m_mutex);
      m_start.wait(lock, [&] { return m_stopping || m_generation != seen; });
      if (m_stopping) return;
      seen = m_generation;
      body = m_body;
    }
    try {
      (*body)(index);
    } catch (...) {
      const std::lock_guard lock(m_mutex);
      if (!m_failure) m_failure = std::current_exception();
    }
    const std::lock_guard lock(m_mutex);
    if (--m_pending == 0) m_done.notify_one();
  }
}

} // namespace dutycalc
