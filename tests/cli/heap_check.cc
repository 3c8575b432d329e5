// cli/heap.cc in a process of its own (it sets process-wide malloc options): the lint worker's
// allocations come from the second arena that PrepareSecondHeap made, off the main heap and in
// huge pages. Built as its own test binary (armlint_heap_check), not part of armlint_tests.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <thread>

#include "cli/heap.h"

namespace {

bool HugePagesOnRequest() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.find("[always]") != std::string::npos || text.find("[madvise]") != std::string::npos;
}

// AnonHugePages (kB) of the mapping of this process that holds `address`; -1 if none does.
long HugeKilobytesAt(std::uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> from >> dash >> to && dash == '-') {
      inside = from <= address && address < to;
      continue;
    }
    if (inside && line.rfind("AnonHugePages:", 0) == 0) {
      return std::strtol(line.c_str() + std::strlen("AnonHugePages:"), nullptr, 10);
    }
  }
  return -1;
}

TEST(SecondHeap, TheWorkerAllocatesOffTheMainHeapInHugePages) {
  armlint::cli::UseHugePagesForHeap();  // as armlint's start does: one arena, in huge pages
  std::thread made = armlint::cli::PrepareSecondHeap();
  if (!made.joinable()) GTEST_SKIP() << "no glibc malloc here (a sanitizer build)";
  made.join();
  if (!HugePagesOnRequest()) GTEST_SKIP() << "transparent huge pages are off";
  constexpr std::size_t kBytes = std::size_t{6} << 20;
  std::uintptr_t address = 0;
  long huge_kb = -1;
  std::thread worker([&] {
    auto* p = static_cast<char*>(std::malloc(kBytes));
    ASSERT_NE(p, nullptr);
    std::memset(p, 1, kBytes);
    address = reinterpret_cast<std::uintptr_t>(p);
    huge_kb = HugeKilobytesAt(address);
    std::free(p);
  });
  worker.join();
  // The main heap ends at the program break; a second arena is mapped elsewhere.
  EXPECT_GT(address, reinterpret_cast<std::uintptr_t>(::sbrk(0)))
      << "the worker allocated from the main heap";
  EXPECT_GE(huge_kb, 2048) << "the worker's memory is not in huge pages";
}

}  // namespace
