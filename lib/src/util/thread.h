// A thread that starts on another CPU than the one that starts it.
//
// On the 2-CPU virtual machines armlint is measured on, Linux placed a new thread on its
// creator's CPU nine times in ten: the thread then waited 1.5-4 ms for the busy creator's time
// slice to end before it ran at all, longer than the work it was started for (a policy cache's
// 3,767 source checks take 3 ms on one CPU). A thread started with its affinity set to the
// other CPUs runs within 0.1-0.2 ms. Once running, it may run anywhere again: the affinity is
// only where it starts. A lint's workers may instead be kept on a CPU each (CpuPin, below).
#pragma once

#include <pthread.h>
#include <sched.h>

#include <cstddef>
#include <functional>
#include <vector>

namespace armlint::internal {

// The lint's threads, each kept on a CPU of its own for the run, when there is one thread for
// each CPU the process may use. On the 2-CPU virtual machines armlint is measured on, a thread
// woken by the other (a lock, the file queue) was placed on the waker's CPU although the other
// CPU was idle (resuming an idle virtual CPU took the host up to 3 ms there), and the two then
// took turns on one CPU, 4 ms each, for 27-56 ms of ~150 ms corpus runs (three of eleven
// traced) before the balancer moved one (bench/startup.md, section 9). With fewer threads than
// CPUs nothing is pinned (the scheduler has CPUs to spare), nor while another pin lives in the
// process (concurrent runs are left to the scheduler). While the pin lives, the calling thread
// runs on its CPU only; its own set is restored at the end.
class CpuPin {
 public:
  // A CPU for each of `threads` threads, the caller's first; none unless the process may use
  // exactly that many.
  explicit CpuPin(int threads);
  ~CpuPin();
  CpuPin(const CpuPin&) = delete;
  CpuPin& operator=(const CpuPin&) = delete;
  // The CPU for the i-th thread (0 is the caller); -1 when nothing is pinned.
  int cpu(std::size_t i) const { return i < cpus_.size() ? cpus_[i] : -1; }

 private:
  std::vector<int> cpus_;
#ifdef __linux__
  cpu_set_t saved_;
#endif
};

class Thread {
 public:
  Thread() = default;
  // Starts `fn` on a new thread, on a CPU other than the caller's when the process may use
  // another. Throws std::system_error when no thread can be made, as std::thread does.
  explicit Thread(std::function<void()> fn);
  // Starts `fn` on a new thread that runs on `cpu` only (a CpuPin's), for its whole life.
  Thread(std::function<void()> fn, int cpu);
  Thread(Thread&& other) noexcept;
  Thread& operator=(Thread&& other) noexcept;
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;
  // Joins the thread if it is still joinable.
  ~Thread();

  bool joinable() const { return started_; }
  void join();

 private:
  void Launch(std::function<void()> fn, int cpu);

  pthread_t handle_{};
  bool started_ = false;
};

}  // namespace armlint::internal
