// A bump allocator that owns every value parsed from or evaluated for one file.
//
// Nothing allocated here is destroyed individually: the arena frees all its blocks at once.
// Only trivially destructible objects may live in it. Not thread-safe; one arena per file.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace armlint::internal {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

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
  void* AllocateSlow(std::size_t bytes, std::size_t align) {
    std::size_t size = next_block_;
    if (next_block_ < (std::size_t{1} << 22)) next_block_ *= 2;
    if (bytes + align > size) size = bytes + align;
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));  // not zeroed
    cur_ = blocks_.back().get();
    cap_ = size;
    used_ = 0;
    return Allocate(bytes, align);
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  std::size_t cap_ = 0;
  std::size_t used_ = 0;
  std::size_t total_ = 0;
  std::size_t next_block_ = 16 * 1024;
};

}  // namespace armlint::internal
