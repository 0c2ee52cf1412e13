#include <dutycalc/util/worker_pool.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <thread>
#include <vector>

using dutycalc::WorkerPool;

TEST_CASE("WorkerPool runs every index once, on one thread or several") {
  for (const unsigned threads : {1u, 2u, 4u}) {
    WorkerPool pool(threads);
    std::vector<int> seen(1000, 0);
    for (int round = 0; round < 3; ++round)
      pool.run(seen.size(), [&](std::size_t i) { ++seen[i]; });
    for (const int count : seen) CHECK(count == 3);
  }
}

TEST_CASE("WorkerPool rethrows a part's exception after every part is done") {
  WorkerPool pool(2);
  std::atomic<int> done{0};
  CHECK_THROWS_WITH(pool.run(100,
                             [&](std::size_t i) {
                               if (i == 99) throw std::runtime_error("part failed");
                               ++done;
                             }),
                    "part failed");
  CHECK(done == 99);
  // The pool is usable afterwards.
  done = 0;
  pool.run(100, [&](std::size_t) { ++done; });
  CHECK(done == 100);
}

TEST_CASE("WorkerPool runs a loop while the calling thread does other work, then joins it") {
  for (const unsigned threads : {1u, 2u, 3u}) {
    WorkerPool pool(threads);
    std::vector<int> seen(5000, 0);
    std::vector<int> other(100, 0);
    for (int round = 0; round < 3; ++round) {
      const std::function<void(std::size_t)> body = [&](std::size_t i) { ++seen[i]; };
      pool.start(seen.size(), body);
      for (int& o : other) ++o; // the caller's own work, untouched by the loop
      pool.finish();
    }
    for (const int count : seen) CHECK(count == 3);
    for (const int count : other) CHECK(count == 3);
  }
}

TEST_CASE("WorkerPool::finish rethrows after every index has run") {
  WorkerPool pool(2);
  std::atomic<int> done{0};
  const std::function<void(std::size_t)> body = [&](std::size_t i) {
    if (i % 100 == 7) throw std::runtime_error("index failed");
    ++done;
  };
  pool.start(1000, body);
  CHECK_THROWS_WITH(pool.finish(), "index failed");
  CHECK(done == 990);
}

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
  pool.run(100, [&](std::size_t) { ++done; }); // still usable, for either kind of loop
  CHECK(done == 100);
}
