// The malloc heap in transparent huge pages.
//
// A lint allocates its long-lived data (rules, findings, reports) and much of its per-file
// data from the malloc heap, which glibc grows with brk a page at a time; on virtual machines
// whose page tables the host shadows, each first touch of a 4 KB page costs 10-25 µs, the
// largest share of a small run's time. glibc can ask for huge pages itself
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), but only through the environment, read before main.
// This does the same from the program itself, before its constructors run: the heap is grown once
// by a large pad (address space only) and that range is advised MADV_HUGEPAGE, so the kernel backs
// each touched 2 MB of it with one huge page where the system allows them (transparent_hugepage
// "madvise" or "always"; with "never" nothing changes). The heap is no longer trimmed during the
// run: it is released at exit. bench/memory.md has the figures.
//
// All threads allocate from that one heap by default (M_ARENA_MAX 1): a second arena would grow
// in 4 KB pages. But two lint threads then contend for its lock (a thousand futex calls in a
// -j 2 corpus run, and a fifth more CPU time than -j 1), so a run that lints on two threads
// first makes the second arena itself, in huge pages (PrepareSecondHeap).
#include "cli/heap.h"

#include <cstddef>  // defines __GLIBC__ (through <features.h>) for the test below

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define ARMLINT_HEAP_SANITIZED 1
#endif
#endif
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__) && \
    !defined(ARMLINT_HEAP_SANITIZED)
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sys/mman.h>
#include <thread>
#define ARMLINT_HEAP_HUGE_PAGES 1
#endif

namespace armlint::cli {
namespace {

// The allocation that fills the heap up to its first 2 MB boundary: kept reachable (never
// freed, not a leak), and volatile so that the compiler does not drop an unused malloc.
[[maybe_unused]] void* volatile heap_hole = nullptr;
[[maybe_unused]] void* volatile second_heap_hole = nullptr;

}  // namespace

bool UseHugePagesForHeap() {
#if defined(ARMLINT_HEAP_HUGE_PAGES) && defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  constexpr std::size_t kPad = std::size_t{64} << 20;
  // Requests up to 32 MB (glibc's own ceiling for its adaptive threshold) come from the heap,
  // and freed memory stays there for the next file instead of being unmapped and faulted in
  // again.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  // Worker threads allocate from this heap too, instead of each growing an arena of its own
  // in 4 KB pages (the second thread of a `-j 2` corpus run took 2,700 faults there); their
  // small allocations still come from per-thread caches, without the heap's lock.
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TRIM_THRESHOLD, 2 * kPad);
  mallopt(M_TOP_PAD, kPad);
  const bool advised = [&] {
    // A request just larger than the free top of the heap makes glibc grow it, by the pad.
    const std::size_t probe_size = mallinfo2().keepcost + 4096;
    void* probe = std::malloc(probe_size);
    if (probe == nullptr) return false;
    // Growing the heap wrote the new top chunk's header just past the probe: that 4 KB page is
    // touched, and a 2 MB range that holds a 4 KB page can no longer fault in as a huge page
    // (in one run in twenty the probe ended just past a 2 MB boundary, and that range then took
    // 60-80 faults of 4 KB).
    const std::uintptr_t touched = reinterpret_cast<std::uintptr_t>(probe) + probe_size + 64;
    std::free(probe);  // back into the top of the heap, which now reaches the pad's end
    auto end = reinterpret_cast<std::uintptr_t>(::sbrk(0));
    std::uintptr_t top = end - mallinfo2().keepcost;
    std::uintptr_t from = (std::max(top, touched) + kHuge - 1) & ~(kHuge - 1);
    if (end <= from + kHuge) return false;  // the heap did not grow (brk refused)
    // The heap's first 2 MB boundary may be far from where its next allocation starts: what
    // lies before it cannot be a huge page. It is taken by one allocation that is never
    // touched (address space only), so that the run's allocations start at the boundary.
    if (from - top > 256) heap_hole = std::malloc(from - top - 128);
    return ::madvise(reinterpret_cast<void*>(from), end - from, MADV_HUGEPAGE) == 0;
  }();
  mallopt(M_TOP_PAD, 128 * 1024);  // glibc's default again for growth past the pad
  return advised;
#else
  return false;
#endif
}

std::thread PrepareSecondHeap() {
#if defined(ARMLINT_HEAP_HUGE_PAGES) && defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  // glibc's arena heaps: 64 MB each, aligned to their size (HEAP_MAX_SIZE on 64-bit).
  constexpr std::uintptr_t kArenaHeap = std::uintptr_t{64} << 20;
  mallopt(M_ARENA_MAX, 2);
  // The new arena's heap made readable and writable whole at once (instead of 128 KB at a time),
  // so that each 2 MB of it can fault in as one huge page.
  mallopt(M_TOP_PAD, kArenaHeap);
  try {
    return std::thread([] {
      void* probe = std::malloc(64);  // this thread's first: glibc makes it an arena
      mallopt(M_TOP_PAD, 128 * 1024);
      auto base = reinterpret_cast<std::uintptr_t>(probe) & ~(kArenaHeap - 1);
      // A heap of its own (not the main heap, which brk grows): its header starts the 64 MB.
      if (probe != nullptr && reinterpret_cast<std::uintptr_t>(probe) - base < 64 * 1024 &&
          reinterpret_cast<std::uintptr_t>(probe) > reinterpret_cast<std::uintptr_t>(::sbrk(0))) {
        ::madvise(reinterpret_cast<void*>(base), kArenaHeap, MADV_HUGEPAGE);
        // Its first 2 MB were touched before the advice (the arena's header, this thread's
        // cache) and would fault in 4 KB pages: one allocation that is never touched (address
        // space only) takes the rest of them, so that the arena's next allocations start in
        // huge pages.
        second_heap_hole =
            std::malloc(base + kHuge - reinterpret_cast<std::uintptr_t>(probe) - 256);
      }
      std::free(probe);
    });
  } catch (const std::system_error&) {
    mallopt(M_TOP_PAD, 128 * 1024);
    return {};
  }
#else
  return {};
#endif
}

}  // namespace armlint::cli
