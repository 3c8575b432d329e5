// The start of the binary's code in one transparent huge page.
//
// The code a short run executes is laid out at the head of the text segment (cli/link-order.txt)
// and the segment starts on a 2 MB boundary (CMakeLists.txt). On virtual machines whose page
// tables the host shadows, each 4 KB page of code costs several microseconds the first time the
// process touches it (a few hundred pages: most of a pre-commit run); one 2 MB page costs about as
// much as twenty of them. So, before any constructor runs, the first 2 MB of code are copied
// into an anonymous region advised MADV_HUGEPAGE, made read-only and executable, and moved over
// the file-backed code at the same address (mremap replaces a mapping in one step, so the
// instructions being executed stay identical throughout). The copy is read through
// /proc/self/mem: the kernel copies the pages without the process touching them, and what it
// copies is the code as mapped, with any breakpoint a debugger has already planted in it.
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
  int fd = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  void* raw =
      ::mmap(nullptr, 2 * kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) {
    ::close(fd);
    return;
  }
  auto begin = reinterpret_cast<std::uintptr_t>(raw);
  std::uintptr_t aligned = (begin + kHuge - 1) & ~(kHuge - 1);
  auto* page = reinterpret_cast<char*>(aligned);
  bool ok =
      ::madvise(page, kHuge, MADV_HUGEPAGE) == 0 &&
      ::pread(fd, page, kHuge, static_cast<off_t>(text->p_vaddr)) == static_cast<ssize_t>(kHuge) &&
      ::mprotect(page, kHuge, PROT_READ | PROT_EXEC) == 0 &&
      ::mremap(page, kHuge, kHuge, MREMAP_MAYMOVE | MREMAP_FIXED,
               reinterpret_cast<void*>(text->p_vaddr)) != MAP_FAILED;
  ::close(fd);
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
