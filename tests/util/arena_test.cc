// Tests for Arena: block sizes, and the per-thread block cache that recycles blocks between
// arenas (how much it hands out, keeps and frees).
#include "util/arena.h"

#include <cstdint>
#include <cstring>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

constexpr std::size_t kMB = std::size_t{1} << 20;

TEST(Arena, AllocationsAreAlignedAndKeepTheirBytes) {
  Arena arena;
  char* a = static_cast<char*>(arena.Allocate(3, 1));
  std::memcpy(a, "abc", 3);
  auto* d = static_cast<double*>(arena.Allocate(sizeof(double), alignof(double)));
  *d = 2.5;
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(d) % alignof(double), 0u);
  std::string_view copy = arena.Copy("hello");
  EXPECT_EQ(std::string_view(a, 3), "abc");
  EXPECT_EQ(*d, 2.5);
  EXPECT_EQ(copy, "hello");
  EXPECT_EQ(arena.bytes_allocated(), 3u + sizeof(double) + 5u);
  EXPECT_GE(arena.bytes_reserved(), arena.bytes_allocated());
}

TEST(Arena, FirstBlockCanBeSizedForASmallArena) {
  Arena::ReleaseCachedBlocks();  // a cached block of up to twice the size could be handed out
  Arena small(1024);
  small.Allocate(100, 1);
  EXPECT_EQ(small.bytes_reserved(), 1024u);
  small.Allocate(1000, 1);  // does not fit: the next block is twice as large
  EXPECT_EQ(small.bytes_reserved(), 1024u + 2048u);
  Arena tiny(1);
  tiny.Allocate(8, 8);
  EXPECT_EQ(tiny.bytes_reserved(), 256u);  // the smallest first block
}

TEST(Arena, ALargeRequestTakesABlockOfAFewStandardSizes) {
  Arena::ReleaseCachedBlocks();  // nothing cached by earlier tests can be handed out
  Arena a;
  a.Allocate(40'000, 1);  // larger than the 16 KB first block: a power of two
  EXPECT_EQ(a.bytes_reserved(), 64u * 1024);
  a.Allocate(20'000, 1);  // the rest of that block
  EXPECT_EQ(a.bytes_reserved(), 64u * 1024);
  Arena b;
  b.Allocate(3 * kMB + 1000, 1);  // from 1 MB: whole 2 MB pages
  EXPECT_EQ(b.bytes_reserved(), 4 * kMB);
}

TEST(Arena, EndedArenasBlocksAreReusedOnlyByRequestsOfTheirSize) {
  Arena::ReleaseCachedBlocks();
  {
    Arena large;
    large.Allocate(3 * kMB, 1);
  }
  if (Arena::CachedBytes() == 0) GTEST_SKIP() << "no block cache (AddressSanitizer)";
  EXPECT_EQ(Arena::CachedBytes(), 4 * kMB);
  {
    // A small arena (a rule's document, kept for the whole run) does not take the large
    // block: it would keep it from the next large file.
    Arena small(2048);
    small.Allocate(100, 1);
    EXPECT_EQ(small.bytes_reserved(), 2048u);
    EXPECT_EQ(Arena::CachedBytes(), 4 * kMB);
    // A file of about the same size does.
    Arena next;
    next.Allocate(2 * kMB + 1, 1);
    EXPECT_EQ(next.bytes_reserved(), 4 * kMB);
    EXPECT_EQ(Arena::CachedBytes(), 0u);
  }
  EXPECT_EQ(Arena::ReleaseCachedBlocks(), 4 * kMB + 2048u);
  EXPECT_EQ(Arena::CachedBytes(), 0u);
}

TEST(Arena, BlocksIdleForSomeUnitsAreFreed) {
  Arena::ReleaseCachedBlocks();
  {
    Arena large;
    large.Allocate(3 * kMB, 1);
  }
  if (Arena::CachedBytes() == 0) GTEST_SKIP() << "no block cache (AddressSanitizer)";
  for (unsigned i = 0; i < Arena::kIdleUnits; ++i) EXPECT_EQ(Arena::EndCacheUnit(), 0u);
  EXPECT_EQ(Arena::CachedBytes(), 4 * kMB);
  // Taken and given back: idle from now on.
  {
    Arena again;
    again.Allocate(3 * kMB, 1);
  }
  for (unsigned i = 0; i < Arena::kIdleUnits; ++i) EXPECT_EQ(Arena::EndCacheUnit(), 0u);
  EXPECT_EQ(Arena::EndCacheUnit(), 4 * kMB);
  EXPECT_EQ(Arena::CachedBytes(), 0u);
}

// Blocks under 2 MB are kept however long they are idle: they hold little, and freeing them
// means faulting their 4 KB pages in again for the next file that needs them.
TEST(Arena, SmallerBlocksStayCachedWhenIdle) {
  Arena::ReleaseCachedBlocks();
  {
    Arena medium;
    medium.Allocate(60'000, 1);
  }
  if (Arena::CachedBytes() == 0) GTEST_SKIP() << "no block cache (AddressSanitizer)";
  EXPECT_EQ(Arena::CachedBytes(), 64u * 1024);
  for (unsigned i = 0; i < 4 * Arena::kIdleUnits; ++i) EXPECT_EQ(Arena::EndCacheUnit(), 0u);
  EXPECT_EQ(Arena::CachedBytes(), 64u * 1024);
  EXPECT_EQ(Arena::ReleaseCachedBlocks(), 64u * 1024);
}

// From 128 KB, a block is one 2 MB huge page where the system gives them (else populated 4 KB
// pages of the size asked), and the next file's arena takes it from the cache.
TEST(Arena, BlocksFrom128KBAreOneHugePageWhereTheSystemGivesThem) {
  Arena::ReleaseCachedBlocks();
  const std::size_t block = Arena::HugeBlocks() ? 2 * kMB : 256u * 1024;
  {
    Arena medium;
    medium.Allocate(200'000, 1);  // the first block, sized for the request
    EXPECT_EQ(medium.bytes_reserved(), block);
  }
  {
    Arena grown;  // by doubling: 16, 32, 64 KB, then the 128 KB block
    for (int i = 0; i < 20; ++i) grown.Allocate(10'000, 1);
    const std::size_t doubled = Arena::HugeBlocks() ? 2 * kMB : 128u * 1024;
    EXPECT_EQ(grown.bytes_reserved(), (16u + 32u + 64u) * 1024 + doubled);
  }
  if (Arena::CachedBytes() == 0) GTEST_SKIP() << "no block cache (AddressSanitizer)";
  const std::size_t cached = Arena::CachedBytes();
  {
    Arena next;
    next.Allocate(200'000, 1);
    EXPECT_EQ(next.bytes_reserved(), block);
    EXPECT_EQ(Arena::CachedBytes(), cached - block);  // the ended arenas' block, not a new one
  }
  Arena::ReleaseCachedBlocks();
}

// Where the malloc heap is in huge pages (the CLI's), blocks under 2 MB come from it at the size
// asked: they share its huge pages instead of taking one each.
TEST(Arena, BlocksUnder2MBKeepTheirSizeWhenTheHeapIsInHugePages) {
  Arena::ReleaseCachedBlocks();
  Arena::SetHeapInHugePages(true);
  {
    Arena medium;
    medium.Allocate(200'000, 1);
    EXPECT_EQ(medium.bytes_reserved(), 256u * 1024);
    Arena large;
    large.Allocate(3 * kMB, 1);
    EXPECT_EQ(large.bytes_reserved(), 4 * kMB);  // from 2 MB, still mapped huge pages
  }
  Arena::SetHeapInHugePages(false);
  Arena::ReleaseCachedBlocks();
}

}  // namespace
}  // namespace armlint::internal
