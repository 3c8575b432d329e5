// A bump allocator that owns every value parsed from or evaluated for one file.
//
// Nothing allocated here is destroyed individually: the arena frees all its blocks at once.
// Only trivially destructible objects may live in it. Not thread-safe; one arena per file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <sys/mman.h>
#include <type_traits>
#include <vector>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARMLINT_HAS_ASAN 1
#endif
#endif
#ifndef ARMLINT_HAS_ASAN
#define ARMLINT_HAS_ASAN 0
#endif

namespace armlint::internal {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (Block& b : blocks_) BlockCache::Put(std::move(b));
  }

  void* Allocate(std::size_t bytes, std::size_t align) {
    std::size_t p = (used_ + align - 1) & ~(align - 1);
    if (cur_ == nullptr || p + bytes > cap_) return AllocateSlow(bytes, align);
    used_ = p + bytes;
    total_ += bytes;
    return cur_ + p;
  }

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (Allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  template <typename T>
  T* NewArray(std::size_t n) {
    static_assert(std::is_trivially_destructible_v<T>);
    if (n == 0) return nullptr;
    return static_cast<T*>(Allocate(sizeof(T) * n, alignof(T)));
  }

  // Copies `s` into the arena; the view lives as long as the arena.
  std::string_view Copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(Allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // Bytes handed out so far (for the evaluation memory limit).
  std::size_t bytes_allocated() const { return total_; }

 private:
  // Out of line, so that the fast path of Allocate inlines into its callers (every Value).
  [[gnu::noinline]] void* AllocateSlow(std::size_t bytes, std::size_t align) {
    std::size_t size = next_block_;
    if (next_block_ < (std::size_t{1} << 22)) next_block_ *= 2;
    if (bytes + align > size) size = FitBlock(bytes + align);
    blocks_.push_back(BlockCache::Take(size));
    cur_ = blocks_.back().data.get();
    size = blocks_.back().size;
    cap_ = size;
    used_ = 0;
    return Allocate(bytes, align);
  }

  // A block for one request larger than the next block (a file's text): from 1 MB, whole 2 MB
  // pages, so that it takes the huge-page path below (two faults for 4 MB instead of a
  // thousand populated 4 KB pages) and, back in the block cache, fits the next large file.
  static std::size_t FitBlock(std::size_t bytes) {
    if (bytes < kHugeBytes / 2) return bytes;
    return (bytes + kHugeBytes - 1) / kHugeBytes * kHugeBytes;
  }

  struct BlockFree {
    std::size_t mapped = 0;  // bytes from mmap; 0: from new[]
    void operator()(char* p) const {
      if (mapped != 0) {
        ::munmap(p, mapped);
      } else {
        delete[] p;
      }
    }
  };
  struct Block {
    std::unique_ptr<char[], BlockFree> data;  // not zeroed
    std::size_t size = 0;
  };

  // Large blocks are mapped with MAP_POPULATE: one system call faults in all their pages,
  // where first touches would take one page fault per 4 KB page (dear on virtual machines).
  // From 2 MB, a block is aligned to 2 MB and asks for transparent huge pages, populated in one
  // call: a 2 MB page costs about what two 4 KB faults do on a virtual machine whose page
  // tables are shadowed (first touches of populated 4 KB pages still trap to the host there).
  static constexpr std::size_t kPopulateBytes = 128 * 1024;
  static constexpr std::size_t kHugeBytes = 2 * 1024 * 1024;
  static Block NewBlock(std::size_t size) {
#if !defined(__SANITIZE_ADDRESS__) && !ARMLINT_HAS_ASAN && defined(MAP_POPULATE)
    if (size >= kHugeBytes && size % kHugeBytes == 0) {
      if (char* p = MapHuge(size)) {
        return Block{std::unique_ptr<char[], BlockFree>(p, BlockFree{size}), size};
      }
    }
    if (size >= kPopulateBytes) {
      void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
      if (p != MAP_FAILED) {
        return Block{std::unique_ptr<char[], BlockFree>(static_cast<char*>(p), BlockFree{size}),
                     size};
      }
    }
#endif
    return Block{std::unique_ptr<char[], BlockFree>(new char[size], BlockFree{}), size};
  }

#if !defined(__SANITIZE_ADDRESS__) && !ARMLINT_HAS_ASAN && defined(MAP_POPULATE)
  // `size` bytes (a multiple of 2 MB) at a 2 MB boundary, advised as huge pages and populated;
  // nullptr if it cannot be mapped.
  static char* MapHuge(std::size_t size) {
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

  // Blocks of arenas that ended, kept per thread for the next file's arena: a lint of many
  // files then reuses memory that is already mapped instead of faulting in fresh pages and
  // returning them to the allocator file after file. Bounded; off under AddressSanitizer, so
  // that it still sees every use after an arena's end.
  class BlockCache {
   public:
    static Block Take(std::size_t min_size) {
      if (Dead()) return NewBlock(min_size);
      std::vector<Block>& free = Get().free;
      std::size_t best = free.size();  // the smallest cached block that is large enough
      for (std::size_t i = 0; i < free.size(); ++i) {
        if (free[i].size >= min_size && (best == free.size() || free[i].size < free[best].size)) {
          best = i;
        }
      }
      if (best == free.size()) {
        return NewBlock(min_size);
      }
      Block b = std::move(free[best]);
      free.erase(free.begin() + static_cast<std::ptrdiff_t>(best));
      Get().bytes -= b.size;
      return b;
    }
    static void Put([[maybe_unused]] Block b) {  // dropped (freed) under AddressSanitizer
#if !defined(__SANITIZE_ADDRESS__) && !ARMLINT_HAS_ASAN
      if (Dead()) return;  // an arena that outlives this thread's cache (a static one)
      Cache& c = Get();
      if (c.bytes + b.size <= kMaxBytes && c.free.size() < kMaxBlocks) {
        c.bytes += b.size;
        c.free.push_back(std::move(b));
      }
#endif
    }

   private:
    static constexpr std::size_t kMaxBytes = std::size_t{16} << 20;
    static constexpr std::size_t kMaxBlocks = 32;
    struct Cache {
      std::vector<Block> free;
      std::size_t bytes = 0;
      ~Cache() { Dead() = true; }
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

  std::vector<Block> blocks_;
  char* cur_ = nullptr;
  std::size_t cap_ = 0;
  std::size_t used_ = 0;
  std::size_t total_ = 0;
  std::size_t next_block_ = 16 * 1024;
};

}  // namespace armlint::internal
