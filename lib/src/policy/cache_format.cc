// The policy cache file's building blocks: its hash, field escaping, whole-file reads and the
// paths it records (see cache_format.h).
#include "policy/cache_format.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <sys/mman.h>
#include <sys/stat.h>

#include "util/input_error.h"
#include "util/json_escape.h"
#include "util/limits.h"
#include "util/str_cat.h"

namespace armlint::internal::cache_format {

absl::Status Bad(const std::string& path, std::string_view why) {
  return InputError(
      SourceLocation{path, 0, 0, ""},
      Cat("policy cache: ", why, "; write it again with 'armlint rules --policy ... --write-cache ",
          path, "'"));
}

namespace fs = std::filesystem;

// A 64-bit hash of bytes, a word at a time (about half an instruction a byte): a cache's body
// is checked on every read. Not a fingerprint anyone stores but this file.
std::uint64_t Hash64(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = kMul ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001B3ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

std::string Hex(std::uint64_t v) {
  char buf[17];
  for (int i = 15; i >= 0; --i, v >>= 4) buf[i] = "0123456789abcdef"[v & 15];
  return std::string(buf, 16);
}

void Quoted(std::string& out, std::string_view s) {
  out += '"';
  AppendJsonEscaped(out, s);
  out += '"';
}

// One tab-separated field: tabs, newlines and backslashes escaped.
std::string Field(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Unfield(std::string_view s) {
  if (s.find('\\') == std::string_view::npos) return std::string(s);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

Stat StatOf(const std::string& path) {
  struct stat st;
  Stat out;
  if (::stat(path.c_str(), &st) != 0) return out;
  out.ok = true;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  out.dir = S_ISDIR(st.st_mode);
  return out;
}

MappedFile::MappedFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st;
  if (::fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) <= limits::kMaxFileBytes) {
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ == 0) {
      ok_ = true;
    } else {
      void* m = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (m != MAP_FAILED) {
        map_ = m;
        data_ = static_cast<const char*>(m);
        ok_ = true;
      } else {
        size_ = 0;
      }
    }
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (map_ != nullptr) ::munmap(map_, size_);
}

// The whole file in one read, into a buffer not zero-filled first (the cache is 20 MB for all
// the built-ins); false when it cannot be read.
bool ReadWhole(const std::string& path, std::unique_ptr<char[]>& buf, std::size_t& size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok =
      ::fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) <= limits::kMaxFileBytes;
  size = 0;
  if (ok) {
    std::size_t want = static_cast<std::size_t>(st.st_size);
    buf.reset(new char[want + 1]);
    while (size < want) {
      ssize_t n = ::read(fd, buf.get() + size, want - size);
      if (n <= 0) break;
      size += static_cast<std::size_t>(n);
    }
    ok = size == want;
  }
  ::close(fd);
  return ok;
}

// The whole file as a string (sources whose mtime moved, hashed).
bool ReadWhole(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok =
      ::fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) <= limits::kMaxFileBytes;
  if (ok) {
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (ok && done < out.size()) {
      ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n <= 0) {
        ok = n == 0 && done == out.size();
        out.resize(done);
        break;
      }
      done += static_cast<std::size_t>(n);
    }
  }
  ::close(fd);
  return ok;
}

// `p` relative to the folder `base` (both as the process sees them), or absolute when that
// cannot be said.
std::string RelativeTo(const std::string& p, const fs::path& base) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(base);
  return rel.empty() ? abs.generic_string() : rel.generic_string();
}

// `rel` as recorded, from the cache's folder (plain concatenation: thousands of these are
// stat()ed on every read, and the kernel normalises).
std::string Resolve(const std::string& cache_dir, std::string_view rel) {
  if (cache_dir.empty() || rel.starts_with('/')) return std::string(rel);
  return Cat(cache_dir, "/", rel);
}

}  // namespace armlint::internal::cache_format
