// Directory walking for LintPaths.
#include "api/file_walk.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/container/flat_hash_set.h"

#include "util/strings.h"

namespace armlint::internal {
namespace fs = std::filesystem;

namespace {

bool IsManifestFile(const fs::path& p) {
  std::string ext = ToLower(p.extension().string());
  return ext == ".json" || ext == ".jsonc";
}

bool IsBicepFile(const fs::path& p) {
  std::string ext = ToLower(p.extension().string());
  return ext == ".bicep" || ext == ".bicepparam";
}

// The key under which a file counts as reached: its canonical path where it exists (so that
// "./a.json", "a.json" and "dir/../a.json" are one file), else its normal form.
std::string FileKey(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::path(path), ec);
  if (ec) return fs::path(path).lexically_normal().generic_string();
  return canonical.generic_string();
}

bool SkipDirectory(const fs::path& p) {
  std::string name = p.filename().string();
  return (name.size() > 1 && name[0] == '.') || name == "node_modules";
}

::armlint::InputError PathError(const std::string& path, const std::string& message) {
  ::armlint::InputError e;
  e.location.file = path;
  e.message = message;
  return e;
}

}  // namespace

WalkResult CollectFiles(const std::vector<std::string>& paths,
                        const std::function<void(const std::string&)>& on_file) {
  WalkResult out;
  std::size_t found_count = 0;
  // One path can reach a file only once (a walk does not follow links to folders): files are
  // compared only when several paths are given.
  const bool dedupe = paths.size() > 1;
  absl::flat_hash_set<std::string> reached;
  auto found = [&](std::string file, std::vector<std::pair<std::string, std::size_t>>& into) {
    if (dedupe && !reached.insert(file == "-" ? file : FileKey(file)).second) return;
    if (on_file) on_file(file);
    into.emplace_back(std::move(file), found_count++);
  };
  auto keep = [&](std::vector<std::pair<std::string, std::size_t>>& files, bool named) {
    for (auto& [file, index] : files) {
      out.files.push_back(std::move(file));
      out.found_as.push_back(index);
      out.named.push_back(named);
    }
  };
  for (const std::string& path : paths) {
    std::vector<std::pair<std::string, std::size_t>> files;
    if (path == "-") {
      found(path, files);
      keep(files, true);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(PathError(path, "no such file or directory"));
      continue;
    }
    if (!fs::is_directory(st)) {
      found(path, files);
      keep(files, true);
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.errors.push_back(PathError(path, "cannot read directory: " + ec.message()));
      continue;
    }
    for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        out.errors.push_back(PathError(path, "cannot read directory entry: " + ec.message()));
        ec.clear();
        break;
      }
      const fs::directory_entry& entry = *it;
      std::error_code type_ec;
      if (entry.is_directory(type_ec)) {
        if (SkipDirectory(entry.path()) || entry.is_symlink(type_ec))
          it.disable_recursion_pending();
        continue;
      }
      if (!entry.is_regular_file(type_ec)) continue;
      if (IsManifestFile(entry.path())) {
        found(entry.path().generic_string(), files);
      } else if (IsBicepFile(entry.path())) {
        ++out.bicep_files_skipped;
      }
    }
    std::sort(files.begin(), files.end());
    keep(files, false);
  }
  return out;
}

}  // namespace armlint::internal
