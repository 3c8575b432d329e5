// Tests for Thread: it runs its function and joins like std::thread, starts on another CPU than
// its creator's where the process may use another, and may then run anywhere it could before;
// and for CpuPin: a CPU for each thread while it lives, the caller's own set back after it.
#include "util/thread.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(Thread, RunsItsFunctionAndJoins) {
  std::atomic<int> ran{0};
  Thread t([&] { ran.fetch_add(1); });
  EXPECT_TRUE(t.joinable());
  t.join();
  EXPECT_FALSE(t.joinable());
  EXPECT_EQ(ran.load(), 1);
  t.join();  // a second join does nothing
}

TEST(Thread, MovesAndJoinsWhenDestroyed) {
  std::atomic<int> ran{0};
  {
    std::vector<Thread> threads;
    for (int i = 0; i < 4; ++i) threads.emplace_back([&] { ran.fetch_add(1); });
    Thread moved = std::move(threads[0]);
    EXPECT_FALSE(threads[0].joinable());
    EXPECT_TRUE(moved.joinable());
    Thread assigned;
    assigned = std::move(moved);
    EXPECT_TRUE(assigned.joinable());
  }  // every thread joined here
  EXPECT_EQ(ran.load(), 4);
}

#ifdef __linux__
TEST(Thread, StartsOnAnotherCpuThenMayRunAnywhere) {
  cpu_set_t allowed;
  ASSERT_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
  int elsewhere = 0;
  for (int attempt = 0; attempt < 5; ++attempt) {
    int creator = sched_getcpu();
    int started = -1;
    cpu_set_t running;
    CPU_ZERO(&running);
    Thread t([&] {
      started = sched_getcpu();
      sched_getaffinity(0, sizeof running, &running);
    });
    t.join();
    EXPECT_TRUE(CPU_EQUAL(&running, &allowed));  // its affinity is the creator's once it runs
    elsewhere += started != creator ? 1 : 0;
  }
  // The creator may move between reading its CPU and starting the thread: not every time.
  if (CPU_COUNT(&allowed) > 1) {
    EXPECT_GE(elsewhere, 3);
  }
}

// A thread placed on a CPU the process may not use (its set changed since the pin was taken)
// still runs, wherever it may.
TEST(Thread, PlacedOnACpuNotAllowedRunsAnyway) {
  cpu_set_t allowed;
  ASSERT_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
  int outside = CPU_SETSIZE - 1;
  while (outside > 0 && CPU_ISSET(outside, &allowed)) --outside;
  cpu_set_t running;
  CPU_ZERO(&running);
  std::atomic<int> ran{0};
  Thread t(
      [&] {
        sched_getaffinity(0, sizeof running, &running);
        ran.fetch_add(1);
      },
      outside);
  t.join();
  EXPECT_EQ(ran.load(), 1);
  EXPECT_TRUE(CPU_EQUAL(&running, &allowed));
}

// The process's CPUs, as a list.
std::vector<int> CpusOf(const cpu_set_t& set) {
  std::vector<int> out;
  for (int c = 0; c < CPU_SETSIZE; ++c) {
    if (CPU_ISSET(c, &set)) out.push_back(c);
  }
  return out;
}

TEST(CpuPin, KeepsEachThreadOnACpuOfItsOwnThenRestores) {
  cpu_set_t allowed;
  ASSERT_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
  const int n = CPU_COUNT(&allowed);
  if (n < 2) {
    GTEST_SKIP() << "one CPU: nothing to pin";
  }
  {
    CpuPin pin(n);
    ASSERT_NE(pin.cpu(0), -1);
    // The caller keeps to its CPU, the one it was on.
    cpu_set_t now;
    ASSERT_EQ(sched_getaffinity(0, sizeof now, &now), 0);
    EXPECT_EQ(CpusOf(now), std::vector<int>{pin.cpu(0)});
    EXPECT_EQ(sched_getcpu(), pin.cpu(0));
    // Every allowed CPU once, and no more.
    std::vector<int> cpus;
    for (int i = 0; i < n; ++i) cpus.push_back(pin.cpu(static_cast<std::size_t>(i)));
    EXPECT_EQ(pin.cpu(static_cast<std::size_t>(n)), -1);
    std::sort(cpus.begin(), cpus.end());
    EXPECT_EQ(cpus, CpusOf(allowed));
    // A thread started on a pinned CPU stays there: its set is that CPU alone.
    std::vector<int> seen;
    Thread t(
        [&] {
          cpu_set_t mine;
          sched_getaffinity(0, sizeof mine, &mine);
          seen = CpusOf(mine);
          seen.push_back(sched_getcpu());
        },
        pin.cpu(1));
    t.join();
    EXPECT_EQ(seen, (std::vector<int>{pin.cpu(1), pin.cpu(1)}));
    // One pin at a time: a second run in the process is left to the scheduler.
    CpuPin second(n);
    EXPECT_EQ(second.cpu(0), -1);
  }
  cpu_set_t after;
  ASSERT_EQ(sched_getaffinity(0, sizeof after, &after), 0);
  EXPECT_TRUE(CPU_EQUAL(&after, &allowed));
  // Fewer threads than CPUs, or one: nothing is pinned.
  CpuPin fewer(n - 1);
  EXPECT_EQ(fewer.cpu(0), -1);
  CpuPin more(n + 1);
  EXPECT_EQ(more.cpu(0), -1);
  ASSERT_EQ(sched_getaffinity(0, sizeof after, &after), 0);
  EXPECT_TRUE(CPU_EQUAL(&after, &allowed));
}
#endif

}  // namespace
}  // namespace armlint::internal
