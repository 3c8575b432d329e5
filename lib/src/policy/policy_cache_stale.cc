// The policy cache's staleness check (see policy_cache_stale.h).
#include "policy/policy_cache_stale.h"

#include <fcntl.h>
#include <liburing.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sys/stat.h>
#include <thread>

#include "policy/cache_format.h"
#include "policy/policy_files.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

using cache_format::Hash64;
using cache_format::ReadWhole;
using cache_format::Stat;
using cache_format::StatOf;
using cache_format::Unfield;

// From this many source files on, two threads stat() them.
constexpr std::size_t kParallelStats = 256;

// A source file's path, for messages and reads.
std::string PathOf(const SourceFile& f, const std::vector<SourceFolder>& dirs) {
  if (f.dir < 0) return f.path;
  return Cat(dirs[static_cast<std::size_t>(f.dir)].path, "/", Unfield(f.name));
}

Stat FromStat(const struct stat& st) {
  Stat out;
  out.ok = true;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  out.dir = S_ISDIR(st.st_mode);
  return out;
}

bool HexNumber(std::string_view s, std::uint64_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out, 16);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

std::atomic<bool> uring_allowed{true};
std::atomic<bool> last_by_uring{false};

// `f`'s name as a C string: in `buf` when it fits and needs no unescaping, else in `escaped`.
const char* NameOf(const SourceFile& f, char (&buf)[256], std::string& escaped) {
  if (f.name.size() < sizeof buf && f.name.find('\\') == std::string_view::npos) {
    std::memcpy(buf, f.name.data(), f.name.size());
    buf[f.name.size()] = '\0';
    return buf;
  }
  escaped = Unfield(f.name);
  return escaped.c_str();
}

// What differs between `f` as recorded and `st` as found ("" when nothing does): size, or the
// content hash where the mtime moved.
std::string Compare(const SourceFile& f, const Stat& st, const std::vector<SourceFolder>& dirs) {
  if (!st.ok) return Cat(PathOf(f, dirs), " is gone");
  if (st.size != f.size) return Cat(PathOf(f, dirs), " changed");
  if (st.mtime_ns == f.mtime_ns) return "";
  std::string text;
  std::string path = PathOf(f, dirs);
  std::uint64_t hash = 0;
  if (!ReadWhole(path, text) || !HexNumber(f.hash, hash) || Hash64(text) != hash) {
    return Cat(path, " changed");
  }
  return "";
}

// The files checked with their statx calls submitted to io_uring a ring at a time (one
// system call a ring instead of one a file); nullopt when io_uring cannot be set up (ENOSYS,
// or EPERM under a container's seccomp filter): the caller stat()s them then.
constexpr unsigned kRing = 256;
std::optional<std::string> CheckByUring(const std::vector<SourceFile>& files,
                                        const std::vector<SourceFolder>& dirs,
                                        const std::vector<int>& fds,
                                        const std::vector<bool>& reachable) {
  if (!uring_allowed.load()) return std::nullopt;
  struct io_uring ring;
  if (io_uring_queue_init(kRing, &ring, 0) < 0) return std::nullopt;
  struct Exit {
    struct io_uring* ring;
    ~Exit() { io_uring_queue_exit(ring); }
  } exit{&ring};
  std::vector<struct statx> out(kRing);
  std::vector<int> res(kRing);
  std::vector<std::size_t> which(kRing);
  std::vector<std::array<char, 256>> names(kRing);
  std::vector<std::string> escaped(kRing);
  std::size_t i = 0;
  while (i < files.size()) {
    unsigned queued = 0;
    for (; i < files.size() && queued < kRing; ++i) {
      const SourceFile& f = files[i];
      if (f.root >= 0 && !reachable[static_cast<std::size_t>(f.root)]) continue;
      int dirfd = AT_FDCWD;
      const char* path = f.path.c_str();
      if (f.dir >= 0) {
        dirfd = fds[static_cast<std::size_t>(f.dir)];  // -1 (not opened): EBADF, gone
        char(&buf)[256] = *reinterpret_cast<char(*)[256]>(names[queued].data());
        path = NameOf(f, buf, escaped[queued]);
      }
      struct io_uring_sqe* sqe = io_uring_get_sqe(&ring);
      io_uring_prep_statx(sqe, dirfd, path, 0, STATX_TYPE | STATX_SIZE | STATX_MTIME, &out[queued]);
      sqe->user_data = queued;
      which[queued++] = i;
    }
    if (queued == 0) break;
    if (io_uring_submit_and_wait(&ring, queued) < 0) return std::nullopt;
    unsigned head = 0, seen = 0;
    struct io_uring_cqe* cqe = nullptr;
    io_uring_for_each_cqe(&ring, head, cqe) {
      res[cqe->user_data] = cqe->res;
      ++seen;
    }
    io_uring_cq_advance(&ring, seen);
    if (seen != queued) return std::nullopt;
    for (unsigned k = 0; k < queued; ++k) {
      Stat st;
      if (res[k] == 0) {
        st.ok = true;
        st.size = out[k].stx_size;
        st.mtime_ns = static_cast<std::int64_t>(out[k].stx_mtime.tv_sec) * 1000000000 +
                      out[k].stx_mtime.tv_nsec;
        st.dir = S_ISDIR(out[k].stx_mode);
      }
      std::string diff = Compare(files[which[k]], st, dirs);
      if (!diff.empty()) return diff;
    }
  }
  return "";
}

}  // namespace

void AllowStaleCheckByUring(bool allowed) { uring_allowed.store(allowed); }
bool LastStaleCheckByUring() { return last_by_uring.load(); }

std::string StaleSource(const std::vector<std::string>& roots, const std::vector<SourceFile>& files,
                        const std::vector<SourceFolder>& dirs) {
  std::vector<bool> reachable(roots.size());
  for (std::size_t i = 0; i < roots.size(); ++i) reachable[i] = StatOf(roots[i]).ok;
  std::vector<int> fds(dirs.size(), -1);
  struct Closer {
    std::vector<int>& fds;
    ~Closer() {
      for (int fd : fds) {
        if (fd >= 0) ::close(fd);
      }
    }
  } closer{fds};
  bool moved = false;
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    fds[i] = ::open(dirs[i].path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    struct stat st;
    if (fds[i] >= 0 && ::fstat(fds[i], &st) == 0 && FromStat(st).mtime_ns != dirs[i].mtime_ns) {
      moved = true;
    }
  }
  std::optional<std::string> batched = CheckByUring(files, dirs, fds, reachable);
  last_by_uring.store(batched.has_value());
  // Without io_uring, the files in two halves, the first on a second thread: each stat() is a
  // system call of a few microseconds here, thousands of them the largest part of reading a
  // cache.
  auto check = [&](std::size_t from, std::size_t to) -> std::string {
    for (std::size_t i = from; i < to; ++i) {
      const SourceFile& f = files[i];
      if (f.root >= 0 && !reachable[static_cast<std::size_t>(f.root)]) continue;
      Stat st;
      if (f.dir < 0) {
        st = StatOf(f.path);
      } else {
        char name[256];
        std::string escaped;
        const char* z = NameOf(f, name, escaped);
        struct stat raw;
        int fd = fds[static_cast<std::size_t>(f.dir)];
        if (fd >= 0 && ::fstatat(fd, z, &raw, 0) == 0) st = FromStat(raw);
      }
      std::string diff = Compare(f, st, dirs);
      if (!diff.empty()) return diff;
    }
    return "";
  };
  std::size_t half = files.size() / 2;
  std::string first, second;
  if (batched.has_value()) {
    first = std::move(*batched);
  } else if (half < kParallelStats) {
    first = check(0, files.size());
  } else {
    std::thread helper([&] { first = check(0, half); });
    second = check(half, files.size());
    helper.join();
  }
  if (!first.empty()) return first;
  if (!second.empty()) return second;
  if (!moved) return "";
  // A folder changed: compare the files it holds now with those read then.
  std::vector<std::string> walk;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    if (reachable[i]) walk.push_back(roots[i]);
  }
  absl::StatusOr<std::vector<std::string>> now = PolicyFiles(walk);
  if (!now.ok()) return std::string(now.status().message());
  std::vector<std::string> then;
  for (const SourceFile& f : files) {
    if (f.root >= 0 && reachable[static_cast<std::size_t>(f.root)]) {
      then.push_back(PathOf(f, dirs));
    }
  }
  for (std::string& p : *now) p = fs::path(p).lexically_normal().generic_string();
  for (std::string& p : then) p = fs::path(p).lexically_normal().generic_string();
  std::sort(now->begin(), now->end());
  std::sort(then.begin(), then.end());
  for (const std::string& p : *now) {
    if (!std::binary_search(then.begin(), then.end(), p)) return Cat(p, " was added");
  }
  return "";
}

}  // namespace armlint::internal
