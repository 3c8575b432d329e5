// Threads that start on another CPU (see thread.h).
#include "util/thread.h"

#include <sched.h>

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

}  // namespace

Thread::Thread(std::function<void()> fn) {
  auto start = std::make_unique<Start>();
  start->fn = std::move(fn);
  pthread_attr_t attr;
  if (int e = pthread_attr_init(&attr); e != 0) {
    throw std::system_error(e, std::generic_category(), "pthread_attr_init");
  }
#ifdef __linux__
  // Where the process may run, less the CPU this thread is on now.
  int here = sched_getcpu();
  if (here >= 0 && here < CPU_SETSIZE &&
      sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0 &&
      CPU_ISSET(here, &start->allowed) && CPU_COUNT(&start->allowed) > 1) {
    cpu_set_t elsewhere = start->allowed;
    CPU_CLR(here, &elsewhere);
    start->restore = pthread_attr_setaffinity_np(&attr, sizeof elsewhere, &elsewhere) == 0;
  }
#endif
  int e = pthread_create(&handle_, &attr, Run, start.get());
  pthread_attr_destroy(&attr);
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
