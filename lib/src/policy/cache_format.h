// The policy cache file's building blocks (private to lib/src/policy): the body's hash, field
// escaping, whole-file reads and the source paths a cache records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace armlint::internal::cache_format {

// The first line of a cache file: its format (2: each distinct payload stored once, the index
// after the payloads; 3: Hash64 sixteen bytes at a time; 4: the source files and the rule lines
// after the head, read only as needed, and laid out by resource type).
constexpr std::string_view kMagicPrefix = "armlint-policy-cache ";
constexpr std::string_view kMagic = "armlint-policy-cache 4\n";

// A 64-bit hash of bytes, sixteen at a time (about 0.6 instructions a byte): a cache's index
// is checked on every read. Not a fingerprint anyone stores but the cache file.
// The InputError for a cache at `path` that cannot be used (`why`), with how to write it again.
absl::Status Bad(const std::string& path, std::string_view why);

std::uint64_t Hash64(std::string_view s);
// Appends `s` as a JSON string.
void Quoted(std::string& out, std::string_view s);
// One tab-separated field: tabs, newlines and backslashes escaped; Unfield undoes it.
std::string Field(std::string_view s);
std::string Unfield(std::string_view s);

struct Stat {
  bool ok = false;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool dir = false;
};
Stat StatOf(const std::string& path);

// The whole file in one read, into a buffer not zero-filled first (the cache is 20 MB for all
// the built-ins); false when it cannot be read or is over limits::kMaxFileBytes.
bool ReadWhole(const std::string& path, std::unique_ptr<char[]>& buf, std::size_t& size);
// The whole file mapped read-only (a cache file is replaced by rename, never rewritten in
// place); pages are read as they are touched. Empty when it cannot be read or is over
// limits::kMaxFileBytes; ok() tells an empty file from a missing one.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool ok() const { return ok_; }
  std::string_view view() const { return {data_, size_}; }

 private:
  bool ok_ = false;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  void* map_ = nullptr;
};

// The whole file as a string (sources whose mtime moved, hashed).
bool ReadWhole(const std::string& path, std::string& out);

// `p` relative to the folder `base` (both as the process sees them), or absolute when that
// cannot be said.
std::string RelativeTo(const std::string& p, const std::filesystem::path& base);
// `rel` as recorded, from the cache's folder (plain concatenation: thousands of these are
// stat()ed on every read, and the kernel normalises).
std::string Resolve(const std::string& cache_dir, std::string_view rel);

}  // namespace armlint::internal::cache_format
