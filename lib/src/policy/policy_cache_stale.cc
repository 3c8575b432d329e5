// The policy cache's staleness check (see policy_cache_stale.h).
#include "policy/policy_cache_stale.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>

#include "policy/cache_format.h"
#include "policy/policy_files.h"
#include "util/str_cat.h"
#include "util/thread.h"

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

}  // namespace

std::string StaleSource(const std::vector<std::string>& roots, const std::vector<bool>& reachable,
                        const std::vector<SourceFile>& files,
                        const std::vector<SourceFolder>& dirs) {
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
  // The files in two halves, the first on a second thread: each stat() is a system call of a
  // few microseconds here, thousands of them the largest part of reading a cache.
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
        const char* z = name;
        if (f.name.size() < sizeof name && f.name.find('\\') == std::string_view::npos) {
          std::memcpy(name, f.name.data(), f.name.size());
          name[f.name.size()] = '\0';
        } else {
          escaped = Unfield(f.name);
          z = escaped.c_str();
        }
        struct stat raw;
        int fd = fds[static_cast<std::size_t>(f.dir)];
        if (fd >= 0 && ::fstatat(fd, z, &raw, 0) == 0) st = FromStat(raw);
      }
      if (!st.ok) return Cat(PathOf(f, dirs), " is gone");
      if (st.size != f.size) return Cat(PathOf(f, dirs), " changed");
      if (st.mtime_ns == f.mtime_ns) continue;
      std::string text;
      std::string path = PathOf(f, dirs);
      std::uint64_t hash = 0;
      if (!ReadWhole(path, text) || !HexNumber(f.hash, hash) || Hash64(text) != hash) {
        return Cat(path, " changed");
      }
    }
    return "";
  };
  std::size_t half = files.size() / 2;
  std::string first, second;
  if (half < kParallelStats) {
    first = check(0, files.size());
  } else {
    Thread helper([&] { first = check(0, half); });
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
