// Tests for Thread: it runs its function and joins like std::thread, starts on another CPU than
// its creator's where the process may use another, and may then run anywhere it could before.
#include "util/thread.h"

#include <sched.h>

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
  if (CPU_COUNT(&allowed) > 1) EXPECT_GE(elsewhere, 3);
}
#endif

}  // namespace
}  // namespace armlint::internal
