// A thread that starts on another CPU than the one that starts it.
//
// On the 2-CPU virtual machines armlint is measured on, Linux placed a new thread on its
// creator's CPU nine times in ten: the thread then waited 1.5-4 ms for the busy creator's time
// slice to end before it ran at all, longer than the work it was started for (a policy cache's
// 3,767 source checks take 3 ms on one CPU). A thread started with its affinity set to the
// other CPUs runs within 0.1-0.2 ms. Once running, it may run anywhere again: the affinity is
// only where it starts.
#pragma once

#include <pthread.h>

#include <functional>

namespace armlint::internal {

class Thread {
 public:
  Thread() = default;
  // Starts `fn` on a new thread, on a CPU other than the caller's when the process may use
  // another. Throws std::system_error when no thread can be made, as std::thread does.
  explicit Thread(std::function<void()> fn);
  Thread(Thread&& other) noexcept;
  Thread& operator=(Thread&& other) noexcept;
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;
  // Joins the thread if it is still joinable.
  ~Thread();

  bool joinable() const { return started_; }
  void join();

 private:
  pthread_t handle_{};
  bool started_ = false;
};

}  // namespace armlint::internal
