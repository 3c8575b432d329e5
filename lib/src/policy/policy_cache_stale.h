// Whether a policy cache still says what its sources say (private to policy/): the source
// files and folders a cache records, and the check made on every read (policy_cache.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace armlint::internal {

struct SourceFile {
  int dir = -1;           // a walked folder (SourceFolder), -1: none
  std::string_view name;  // in `dir`, as written (escaped); path when dir is -1
  std::string path;       // resolved, when dir is -1
  int root = -1;          // index into roots; -1: parameters or alias file
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string_view hash;  // hex, read when the mtime moved
};

struct SourceFolder {
  std::string path;  // resolved
  std::int64_t mtime_ns = 0;
};

// The first source that differs from what the cache recorded, as a message; "" when none does.
// `reachable[i]`: whether roots[i] is there (the files under a root that is not are not
// checked: the cache then stands for them). Each folder is
// opened once and its files stat()ed by name in it, on two threads from a few hundred files.
std::string StaleSource(const std::vector<std::string>& roots, const std::vector<bool>& reachable,
                        const std::vector<SourceFile>& files,
                        const std::vector<SourceFolder>& dirs);

}  // namespace armlint::internal
