#include <dutycalc/util/worker_pool.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using dutycalc::WorkerPool;

TEST_CASE("WorkerPool::run_each runs each part once, at once, on threads of their own") {
  for (const unsigned threads : {1u, 2u, 3u}) {
    WorkerPool pool(threads);
    for (int round = 0; round < 3; ++round) {
      // The parts take turns: part t waits for part t - 1, so they must run at once.
      std::atomic<unsigned> turn{0};
      std::vector<std::thread::id> ran_on(threads);
      pool.run_each([&](unsigned t) {
        for (unsigned step = 0; step < 100; ++step) {
          while (turn.load() != step * threads + t) std::this_thread::yield();
          ran_on[t] = std::this_thread::get_id();
          turn.store(step * threads + t + 1);
        }
      });
      CHECK(turn.load() == 100 * threads);
      for (unsigned a = 0; a < threads; ++a)
        for (unsigned b = a + 1; b < threads; ++b) CHECK(ran_on[a] != ran_on[b]);
      CHECK(ran_on[0] == std::this_thread::get_id());
    }
  }
}

TEST_CASE("WorkerPool::run_each rethrows a part's exception after every part is done") {
  WorkerPool pool(3);
  std::atomic<int> done{0};
  CHECK_THROWS_WITH(pool.run_each([&](unsigned t) {
    if (t == 1) throw std::runtime_error("part 1 failed");
    ++done;
  }),
                    "part 1 failed");
  CHECK(done == 2);
  done = 0;
  pool.run_each([&](unsigned) { ++done; }); // still usable
  CHECK(done == 3);
}
