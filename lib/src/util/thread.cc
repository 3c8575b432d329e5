// Threads that start on another CPU, and a lint's threads kept on a CPU each (see thread.h).
#include "util/thread.h"

#include <sched.h>

#include <atomic>
#include <cerrno>
#include <memory>
#include <system_error>
#include <utility>

namespace armlint::internal {
namespace {

struct Start {
  std::function<void()> fn;
#ifdef __linux__
  cpu_set_t allowed;  // the creator's: restored once the thread runs
  bool restore = false;
#endif
};

void* Run(void* arg) {
  std::unique_ptr<Start> start(static_cast<Start*>(arg));
#ifdef __linux__
  if (start->restore) sched_setaffinity(0, sizeof start->allowed, &start->allowed);
#endif
  start->fn();
  return nullptr;
}

// A pin's claim: one at a time in the process.
std::atomic<bool> pinned{false};

}  // namespace

CpuPin::CpuPin(int threads) {
#ifdef __linux__
  if (threads < 2) return;
  const int here = sched_getcpu();
  if (here < 0 || here >= CPU_SETSIZE || sched_getaffinity(0, sizeof saved_, &saved_) != 0 ||
      !CPU_ISSET(here, &saved_) || CPU_COUNT(&saved_) != threads) {
    return;
  }
  if (pinned.exchange(true)) return;
  cpus_.push_back(here);
  for (int c = 0; c < CPU_SETSIZE && cpus_.size() < static_cast<std::size_t>(threads); ++c) {
    if (c != here && CPU_ISSET(c, &saved_)) cpus_.push_back(c);
  }
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(here, &one);
  if (sched_setaffinity(0, sizeof one, &one) != 0) {
    cpus_.clear();
    pinned = false;
  }
#else
  (void)threads;
#endif
}

CpuPin::~CpuPin() {
#ifdef __linux__
  if (cpus_.empty()) return;
  sched_setaffinity(0, sizeof saved_, &saved_);
  pinned = false;
#endif
}

Thread::Thread(std::function<void()> fn) { Launch(std::move(fn), -1); }

Thread::Thread(std::function<void()> fn, int cpu) { Launch(std::move(fn), cpu); }

void Thread::Launch(std::function<void()> fn, int cpu) {
  auto start = std::make_unique<Start>();
  start->fn = std::move(fn);
  pthread_attr_t attr;
  if (int e = pthread_attr_init(&attr); e != 0) {
    throw std::system_error(e, std::generic_category(), "pthread_attr_init");
  }
  bool placed = false;  // an affinity given to the new thread
#ifdef __linux__
  if (cpu >= 0 && cpu < CPU_SETSIZE) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    placed = pthread_attr_setaffinity_np(&attr, sizeof one, &one) == 0;
  }
  // Where the process may run, less the CPU this thread is on now.
  int here = cpu >= 0 ? -1 : sched_getcpu();
  if (here >= 0 && here < CPU_SETSIZE &&
      sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0 &&
      CPU_ISSET(here, &start->allowed) && CPU_COUNT(&start->allowed) > 1) {
    cpu_set_t elsewhere = start->allowed;
    CPU_CLR(here, &elsewhere);
    start->restore = pthread_attr_setaffinity_np(&attr, sizeof elsewhere, &elsewhere) == 0;
    placed = start->restore;
  }
#endif
  int e = pthread_create(&handle_, &attr, Run, start.get());
  pthread_attr_destroy(&attr);
  if (e == EINVAL && placed) {
    // The CPU is no longer the process's to use (its set changed meanwhile): started anywhere.
#ifdef __linux__
    start->restore = false;
#endif
    e = pthread_create(&handle_, nullptr, Run, start.get());
  }
  if (e != 0) throw std::system_error(e, std::generic_category(), "pthread_create");
  start.release();  // Run owns it
  started_ = true;
}

Thread::Thread(Thread&& other) noexcept
    : handle_(other.handle_), started_(std::exchange(other.started_, false)) {}

Thread& Thread::operator=(Thread&& other) noexcept {
  if (this != &other) {
    if (started_) join();
    handle_ = other.handle_;
    started_ = std::exchange(other.started_, false);
  }
  return *this;
}

Thread::~Thread() {
  if (started_) join();
}

void Thread::join() {
  if (!started_) return;
  pthread_join(handle_, nullptr);
  started_ = false;
}

}  // namespace armlint::internal
