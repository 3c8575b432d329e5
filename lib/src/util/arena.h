// A bump allocator that owns every value parsed from or evaluated for one file.
//
// Nothing allocated here is destroyed individually: the arena frees all its blocks at once.
// Only trivially destructible objects may live in it. Not thread-safe; one arena per file.
// Blocks come from (and return to) a per-thread cache (util/arena.cc); only the allocation
// fast path lives in this header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace armlint::internal {

class Arena {
 public:
  Arena() = default;
  // An arena whose first block holds `first_block` bytes (at least 256), the next ones twice
  // as many each: for a small arena that lives long (a rule's document), which the default
  // 16 KB first block would mostly leave empty.
  explicit Arena(std::size_t first_block)
      : next_block_(first_block < kMinBlock ? kMinBlock : first_block) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    if (!blocks_.empty()) ReturnBlocks();
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
  // Bytes of the blocks this arena holds (what it costs; at least bytes_allocated()).
  std::size_t bytes_reserved() const { return reserved_; }

  // Whether the system gives transparent huge pages on advice: blocks from 128 KB are then
  // whole 2 MB huge pages (or come from a heap in huge pages), not populated 4 KB pages.
  static bool HugeBlocks();
  // Whether the malloc heap is in huge pages (armlint::SetHeapInHugePages): blocks under 2 MB
  // then come from it, where huge pages are given.
  static void SetHeapInHugePages(bool on);
  // The calling thread's cache of blocks that ended arenas left for the next ones: bytes held.
  static std::size_t CachedBytes();
  // Ends one unit of work (a linted file) for the calling thread's cache: blocks of 2 MB and
  // more that no arena took during the last kIdleUnits units are freed, so that a run of small
  // files after a large one does not keep the large file's blocks. Returns the bytes freed.
  static std::size_t EndCacheUnit();
  // Frees every block of the calling thread's cache (no more arenas are coming soon); returns
  // the bytes freed.
  static std::size_t ReleaseCachedBlocks();
  static constexpr unsigned kIdleUnits = 32;

 private:
  struct Block {
    char* data = nullptr;  // not zeroed
    std::size_t size = 0;
    bool mapped = false;  // from mmap; else from new[]
  };
  static constexpr std::size_t kMinBlock = 256;

  // Out of line (util/arena.cc), so that the fast path of Allocate inlines into its callers
  // (every Value).
  [[gnu::noinline]] void* AllocateSlow(std::size_t bytes, std::size_t align);
  void ReturnBlocks();

  std::vector<Block> blocks_;
  char* cur_ = nullptr;
  std::size_t cap_ = 0;
  std::size_t used_ = 0;
  std::size_t total_ = 0;
  std::size_t reserved_ = 0;
  std::size_t next_block_ = 16 * 1024;
};

}  // namespace armlint::internal
