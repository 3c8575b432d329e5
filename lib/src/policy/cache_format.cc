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

namespace {

std::uint64_t Load64(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The 128-bit product of `a` and `b`, its halves folded: one multiplication mixes 16 bytes.
std::uint64_t Fold(std::uint64_t a, std::uint64_t b) {
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

constexpr std::uint64_t kK0 = 0xa0761d6478bd642full;
constexpr std::uint64_t kK1 = 0xe7037ed1a0b428dbull;
constexpr std::uint64_t kK2 = 0x8ebc6af09c88c6e3ull;

// One 16-byte block into `h`: the block folded, then the state multiplied (the order of
// blocks counts, and no block can clear the state).
std::uint64_t Block(std::uint64_t h, std::uint64_t a, std::uint64_t b) {
  return (h ^ Fold(a ^ kK1, b ^ kK2)) * kK0;
}

}  // namespace

// A 64-bit hash of bytes, 16 at a time in two lanes (about 0.6 instructions a byte; the word
// at a time of format 2 took 1.1): a cache's index is checked on every read. Not a
// fingerprint anyone stores but this file.
std::uint64_t Hash64(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = kK0 ^ n, g = kK1 ^ n;
  for (; n >= 32; p += 32, n -= 32) {
    h = Block(h, Load64(p), Load64(p + 8));
    g = Block(g, Load64(p + 16), Load64(p + 24));
  }
  h = Block(h, g, s.size());
  if (n >= 16) {
    h = Block(h, Load64(p), Load64(p + 8));
    p += 16;
    n -= 16;
  }
  // The last 0-15 bytes, as two words padded with zeros.
  char tail[16] = {};
  std::memcpy(tail, p, n);
  h = Block(h, Load64(tail), Load64(tail + 8) ^ n);
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
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
