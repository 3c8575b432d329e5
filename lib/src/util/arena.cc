// The arena's slow path: blocks, how they are mapped, and the per-thread cache that recycles
// them from one file's arena to the next. bench/memory.md has the figures behind the sizes.
#include "util/arena.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <bit>
#include <cstdint>
#include <string_view>
#include <sys/mman.h>
#if __has_include(<sys/prctl.h>)
#include <sys/prctl.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARMLINT_ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARMLINT_ARENA_ASAN 1
#endif
#if !defined(ARMLINT_ARENA_ASAN) && defined(MAP_POPULATE)
#define ARMLINT_ARENA_MMAP 1
#endif

namespace armlint::internal {
namespace {

constexpr std::size_t kHugeBytes = 2 * 1024 * 1024;
constexpr std::size_t kLargestGrowth = std::size_t{1} << 22;  // blocks double up to 4 MB

// A block for one request larger than the next block (a file's text): a power of two below
// 1 MB, whole 2 MB pages from there, so that the blocks of every arena come in a few sizes
// that the cache can hand from one file to the next (an odd-sized block fits few later
// requests), and the large ones take the huge-page path below. What the request leaves of
// the block is used by the allocations that follow it.
std::size_t FitBlock(std::size_t bytes) {
  if (bytes < kHugeBytes / 2) return std::bit_ceil(bytes);
  return (bytes + kHugeBytes - 1) / kHugeBytes * kHugeBytes;
}

#if defined(ARMLINT_ARENA_MMAP)
// From here a block is mapped (NewBlock), unless the heap is in huge pages (SmallBlocksFromHeap).
constexpr std::size_t kPopulateBytes = 128 * 1024;

// Whether a region advised MADV_HUGEPAGE gets transparent huge pages: the system's setting is
// "always" or "madvise", and the process has not opted out. Read once, when the first block
// that could use them is asked for.
bool ComputeHugeBlocks() {
  const int fd = ::open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[128];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if (n <= 0) return false;
  const std::string_view s(buf, static_cast<std::size_t>(n));
  if (s.find("[always]") == s.npos && s.find("[madvise]") == s.npos) return false;
#if defined(PR_GET_THP_DISABLE)
  if (::prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1) return false;
#endif
  return true;
}

// Set by armlint::SetHeapInHugePages (before any thread lints).
std::atomic<bool> heap_in_huge_pages{false};

// Blocks under 2 MB come from the malloc heap when it is in huge pages: they share them with
// the rest of the run's memory (the storage module's whole run then fits in one huge page,
// where a block of its own took a second).
bool SmallBlocksFromHeap() {
  return heap_in_huge_pages.load(std::memory_order_relaxed) && Arena::HugeBlocks();
}
#endif

// The block that holds `size` bytes: from kPopulateBytes up to 2 MB, one whole 2 MB page where
// huge pages are given, unless the heap's serve it. On a virtual machine whose page tables the
// host shadows, the huge page costs about what two 4 KB pages do (bench/memory.md), and a 512 KB
// block was 128 of them: the AVM storage-account module's run spent a third of its time
// populating, and unmapping at exit, its 128, 256 and 512 KB blocks.
std::size_t BlockBytes(std::size_t size) {
#if defined(ARMLINT_ARENA_MMAP)
  if (size >= kPopulateBytes && size < kHugeBytes && Arena::HugeBlocks() &&
      !heap_in_huge_pages.load(std::memory_order_relaxed)) {
    return kHugeBytes;
  }
#endif
  return size;
}

#if defined(ARMLINT_ARENA_MMAP)
// Large blocks are mapped with MAP_POPULATE: one system call faults in all their pages,
// where first touches would take one page fault per 4 KB page (dear on virtual machines).
// From 2 MB, a block is aligned to 2 MB and asks for transparent huge pages, populated in one
// call: a 2 MB page costs about what two 4 KB faults do on a virtual machine whose page
// tables are shadowed (first touches of populated 4 KB pages still trap to the host there).

// `size` bytes (a multiple of 2 MB) at a 2 MB boundary, advised as huge pages and populated;
// nullptr if it cannot be mapped.
char* MapHuge(std::size_t size) {
  void* m = ::mmap(nullptr, size + kHugeBytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED) return nullptr;
  char* raw = static_cast<char*>(m);
  std::uintptr_t at = reinterpret_cast<std::uintptr_t>(raw);
  char* p = raw + ((kHugeBytes - at % kHugeBytes) % kHugeBytes);
  if (p != raw) ::munmap(raw, static_cast<std::size_t>(p - raw));
  std::size_t tail = static_cast<std::size_t>(raw + size + kHugeBytes - (p + size));
  if (tail != 0) ::munmap(p + size, tail);
#if defined(MADV_HUGEPAGE)
  ::madvise(p, size, MADV_HUGEPAGE);
#endif
  // Linux 5.14; where it is missing (EINVAL) the pages are faulted in as they are touched.
  constexpr int kMadvPopulateWrite = 23;  // MADV_POPULATE_WRITE
  ::madvise(p, size, kMadvPopulateWrite);
  return p;
}
#endif

struct CachedBlock {
  char* data;
  std::size_t size;
  bool mapped;
  unsigned since;  // the cache's unit when the block came back
};

void FreeBlock(char* data, std::size_t size, bool mapped) {
#if defined(ARMLINT_ARENA_MMAP)
  if (mapped) {
    ::munmap(data, size);
    return;
  }
#endif
  (void)size;
  (void)mapped;
  delete[] data;
}

// Blocks of arenas that ended, kept per thread for the next file's arena: a lint of many
// files then reuses memory that is already mapped instead of faulting in fresh pages and
// returning them to the allocator file after file. Bounded in bytes and in age (Release);
// off under AddressSanitizer, so that it still sees every use after an arena's end.
class BlockCache {
 public:
  // A cached block of `min_size` to 2 x `min_size` bytes (the smallest), or a new one. A
  // larger block is not handed out: a small arena that lives long (a rule's document, a
  // static one) would keep it from the file arenas it was cached for.
  static void Take(std::size_t min_size, char*& data, std::size_t& size, bool& mapped) {
    if (!Dead()) {
      Cache& c = Get();
      std::size_t best = c.free.size();
      for (std::size_t i = 0; i < c.free.size(); ++i) {
        const std::size_t s = c.free[i].size;
        if (s >= min_size && s / 2 <= min_size &&
            (best == c.free.size() || s < c.free[best].size)) {
          best = i;
        }
      }
      if (best != c.free.size()) {
        const CachedBlock b = c.free[best];
        c.free.erase(c.free.begin() + static_cast<std::ptrdiff_t>(best));
        c.bytes -= b.size;
        data = b.data;
        size = b.size;
        mapped = b.mapped;
        return;
      }
    }
    NewBlock(min_size, data, size, mapped);
  }

  static void Put(char* data, std::size_t size, bool mapped) {
#if !defined(ARMLINT_ARENA_ASAN)
    if (!Dead()) {  // else an arena that outlives this thread's cache (a static one)
      Cache& c = Get();
      if (c.bytes + size <= kMaxBytes && c.free.size() < kMaxBlocks) {
        c.bytes += size;
        c.free.push_back({data, size, mapped, c.unit});
        return;
      }
    }
#endif
    FreeBlock(data, size, mapped);
  }

  static std::size_t Bytes() { return Dead() ? 0 : Get().bytes; }

  // Frees the blocks of 2 MB and more cached before the last `idle` units began, or every
  // block for 0. Smaller blocks stay: they hold little, and they are mapped in 4 KB pages that
  // would be faulted in again (freeing them too tripled the page faults of a corpus run).
  static std::size_t Release(unsigned idle, bool end_unit) {
    if (Dead()) return 0;
    Cache& c = Get();
    if (end_unit) ++c.unit;
    std::size_t freed = 0;
    std::size_t kept = 0;
    for (const CachedBlock& b : c.free) {
      if (idle != 0 && (c.unit - b.since <= idle || b.size < kHugeBytes)) {
        c.free[kept++] = b;
      } else {
        freed += b.size;
        FreeBlock(b.data, b.size, b.mapped);
      }
    }
    c.free.resize(kept);
    c.bytes -= freed;
    return freed;
  }

 private:
  static constexpr std::size_t kMaxBytes = std::size_t{16} << 20;
  static constexpr std::size_t kMaxBlocks = 32;

  static void NewBlock(std::size_t size, char*& data, std::size_t& out_size, bool& mapped) {
    out_size = size;
    mapped = false;
#if defined(ARMLINT_ARENA_MMAP)
    if (size >= kHugeBytes && size % kHugeBytes == 0) {
      if (char* p = MapHuge(size)) {
        data = p;
        mapped = true;
        return;
      }
    }
    if (size >= kPopulateBytes && !SmallBlocksFromHeap()) {
      void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
      if (p != MAP_FAILED) {
        data = static_cast<char*>(p);
        mapped = true;
        return;
      }
    }
#endif
    data = new char[size];
  }

  struct Cache {
    std::vector<CachedBlock> free;
    std::size_t bytes = 0;
    unsigned unit = 0;
    ~Cache() {
      Dead() = true;
      for (const CachedBlock& b : free) FreeBlock(b.data, b.size, b.mapped);
    }
  };
  static bool& Dead() {
    thread_local bool dead = false;  // trivially destructible: readable after ~Cache
    return dead;
  }
  static Cache& Get() {
    thread_local Cache cache;
    return cache;
  }
};

}  // namespace

void* Arena::AllocateSlow(std::size_t bytes, std::size_t align) {
  std::size_t size = next_block_;
  if (next_block_ < kLargestGrowth) next_block_ *= 2;
  if (bytes + align > size) size = FitBlock(bytes + align);
  size = BlockBytes(size);
  Block b;
  BlockCache::Take(size, b.data, b.size, b.mapped);
  blocks_.push_back(b);
  reserved_ += b.size;
  cur_ = b.data;
  cap_ = b.size;
  used_ = 0;
  return Allocate(bytes, align);
}

void Arena::ReturnBlocks() {
  for (const Block& b : blocks_) BlockCache::Put(b.data, b.size, b.mapped);
  blocks_.clear();
}

std::size_t Arena::CachedBytes() { return BlockCache::Bytes(); }

void Arena::SetHeapInHugePages(bool on) {
#if defined(ARMLINT_ARENA_MMAP)
  heap_in_huge_pages.store(on, std::memory_order_relaxed);
#else
  (void)on;
#endif
}

bool Arena::HugeBlocks() {
#if defined(ARMLINT_ARENA_MMAP)
  static const bool huge = ComputeHugeBlocks();
  return huge;
#else
  return false;
#endif
}

std::size_t Arena::EndCacheUnit() { return BlockCache::Release(kIdleUnits, true); }

std::size_t Arena::ReleaseCachedBlocks() { return BlockCache::Release(0, false); }

}  // namespace armlint::internal
