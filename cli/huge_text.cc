// The start of the binary's code in one transparent huge page.
//
// The code a short run executes is laid out at the head of the text segment (cli/link-order.txt)
// and the segment starts on a 2 MB boundary (CMakeLists.txt). On virtual machines whose page
// tables the host shadows, each 4 KB page of code costs several microseconds the first time the
// process touches it (a few hundred pages: most of a pre-commit run); one 2 MB page costs about as
// much as twenty of them. So, before any constructor runs, the first 2 MB of code are copied
// into an anonymous region advised MADV_HUGEPAGE, made read-only and executable, and moved over
// the file-backed code at the same address (mremap replaces a mapping in one step, so the
// instructions being executed stay identical throughout). The copy is read from the executable
// (/proc/self/exe, the file this process maps even when a newer one has replaced it on disk):
// the kernel copies from its page cache without the process touching the pages. Pages of the
// mapping that no longer match the file (a debugger's breakpoints, written before start-up) are
// found in /proc/self/pagemap, where they show as private copies, and copied from the mapping
// itself. Without pagemap the copy is read through /proc/self/mem, which gives the code as
// mapped but costs twice as much: each page is looked up in the process's own page tables.
//
// Nothing happens where it cannot pay: transparent huge pages set to "never" (the copy would
// then take 512 small pages), a segment not aligned for it (another linker, a position-
// independent executable), no /proc, sanitizer builds, or ARMLINT_NO_HUGE_TEXT set in the
// environment (for a profiler that needs the file-backed mapping to name the code it samples).
// Any failure leaves the original mapping in place.
#include "cli/huge_text.h"

#include <cstddef>  // defines __GLIBC__ (through <features.h>) for the test below

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define ARMLINT_TEXT_SANITIZED 1
#endif
#endif
#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__) && !defined(ARMLINT_TEXT_SANITIZED)
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <sys/auxv.h>
#include <sys/mman.h>
#define ARMLINT_HUGE_TEXT 1
#endif

namespace armlint::cli {
namespace {

#if defined(ARMLINT_HUGE_TEXT) && defined(MADV_HUGEPAGE) && defined(MREMAP_FIXED)

constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;

// Whether the kernel hands out transparent huge pages to regions advised MADV_HUGEPAGE (not
// when the system or this process has them off).
bool HugePagesOnRequest() {
#ifdef PR_GET_THP_DISABLE
  if (::prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) > 0) return false;
#endif
  int fd = ::open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char text[128];
  ssize_t n = ::read(fd, text, sizeof text - 1);
  ::close(fd);
  if (n <= 0) return false;
  text[n] = '\0';
  return std::strstr(text, "[always]") != nullptr || std::strstr(text, "[madvise]") != nullptr;
}

// Reads exactly `size` bytes at `offset` of `path` into `into`.
bool ReadAt(const char* path, char* into, std::size_t size, off_t offset) {
  int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::pread(fd, into, size, offset) == static_cast<ssize_t>(size);
  ::close(fd);
  return ok;
}

// Copies the first 2 MB of the code segment `text`, as this process maps it, into `into`.
bool CopyCode(const ElfW(Phdr) & text, char* into) {
  constexpr std::size_t kPages = kHuge / 4096;
  // One pagemap entry per 4 KB page: bit 63 present, 62 swapped, 61 a page of the file (or
  // shared). A present or swapped page that is not the file's is a private copy of it, written
  // since it was mapped (by a debugger: the code itself is never writable). The entries are
  // read into the huge page, which the copy then overwrites (a buffer elsewhere would cost a
  // page fault of its own).
  auto* entries = reinterpret_cast<std::uint64_t*>(into);
  if (!ReadAt("/proc/self/pagemap", into, kPages * sizeof entries[0],
              static_cast<off_t>(text.p_vaddr / 4096 * sizeof entries[0]))) {
    return ReadAt("/proc/self/mem", into, kHuge, static_cast<off_t>(text.p_vaddr));
  }
  std::uint64_t written[kPages / 64] = {};
  for (std::size_t i = 0; i < kPages; ++i) {
    const std::uint64_t e = entries[i];
    if (((e >> 63) & 1) + ((e >> 62) & 1) != 0 && ((e >> 61) & 1) == 0) {
      written[i / 64] |= std::uint64_t{1} << (i % 64);
    }
  }
  if (!ReadAt("/proc/self/exe", into, kHuge, static_cast<off_t>(text.p_offset))) return false;
  for (std::size_t i = 0; i < kPages; ++i) {
    if ((written[i / 64] >> (i % 64)) & 1) {
      std::memcpy(into + i * 4096, reinterpret_cast<const char*>(text.p_vaddr + i * 4096), 4096);
    }
  }
  return true;
}

}  // namespace

void MapTextToHugePage() {
  if (std::getenv("ARMLINT_NO_HUGE_TEXT") != nullptr) return;
  const auto* phdr = reinterpret_cast<const ElfW(Phdr)*>(::getauxval(AT_PHDR));
  const std::size_t count = ::getauxval(AT_PHNUM);
  if (phdr == nullptr) return;
  const ElfW(Phdr)* text = nullptr;
  for (std::size_t i = 0; i < count; ++i) {
    if (phdr[i].p_type == PT_LOAD && (phdr[i].p_flags & PF_X) != 0) {
      text = &phdr[i];
      break;
    }
  }
  // The first 2 MB of code, where the start-up path is: the segment must start on a 2 MB
  // boundary (a position-independent executable would need its load address added) and hold
  // at least that much of the file.
  if (text == nullptr || text->p_vaddr % kHuge != 0 || text->p_filesz < kHuge ||
      reinterpret_cast<std::uintptr_t>(&MapTextToHugePage) < text->p_vaddr ||
      reinterpret_cast<std::uintptr_t>(&MapTextToHugePage) >= text->p_vaddr + text->p_memsz) {
    return;
  }
  if (!HugePagesOnRequest()) return;
  void* raw =
      ::mmap(nullptr, 2 * kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return;
  auto begin = reinterpret_cast<std::uintptr_t>(raw);
  std::uintptr_t aligned = (begin + kHuge - 1) & ~(kHuge - 1);
  auto* page = reinterpret_cast<char*>(aligned);
  bool ok = ::madvise(page, kHuge, MADV_HUGEPAGE) == 0 && CopyCode(*text, page) &&
            ::mprotect(page, kHuge, PROT_READ | PROT_EXEC) == 0 &&
            ::mremap(page, kHuge, kHuge, MREMAP_MAYMOVE | MREMAP_FIXED,
                     reinterpret_cast<void*>(text->p_vaddr)) != MAP_FAILED;
  // What is left of the reservation around the page (all of it when the move failed).
  if (!ok) {
    ::munmap(raw, 2 * kHuge);
    return;
  }
  if (aligned > begin) ::munmap(raw, aligned - begin);
  if (begin + 2 * kHuge > aligned + kHuge) {
    ::munmap(page + kHuge, begin + 2 * kHuge - (aligned + kHuge));
  }
}

#else

}  // namespace

void MapTextToHugePage() {}

#endif

}  // namespace armlint::cli
