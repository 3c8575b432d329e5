// Directory walking for LintPaths.
#include "api/file_walk.h"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string_view>
#include <sys/stat.h>
#include <system_error>

#include "absl/container/flat_hash_set.h"

#include "util/strings.h"

namespace armlint::internal {
namespace fs = std::filesystem;

namespace {

// The extension std::filesystem::path::extension() gives a file name: from its last dot, none
// for ".", ".." and names that start with their only dot (".json" is a hidden file).
std::string_view Extension(std::string_view name) {
  if (name.size() <= 2 && !name.empty() && name[0] == '.') return {};
  const std::size_t dot = name.rfind('.');
  if (dot == 0 || dot == std::string_view::npos) return {};
  return name.substr(dot);
}

bool IsManifestFile(std::string_view name) {
  std::string_view ext = Extension(name);
  return EqualsIgnoreCase(ext, ".json") || EqualsIgnoreCase(ext, ".jsonc");
}

bool IsBicepFile(std::string_view name) {
  std::string_view ext = Extension(name);
  return EqualsIgnoreCase(ext, ".bicep") || EqualsIgnoreCase(ext, ".bicepparam");
}

// The key under which a file counts as reached: its canonical path where it exists (so that
// "./a.json", "a.json" and "dir/../a.json" are one file), else its normal form.
std::string FileKey(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::path(path), ec);
  if (ec) return fs::path(path).lexically_normal().generic_string();
  return canonical.generic_string();
}

bool SkipDirectory(std::string_view name) {
  return (name.size() > 1 && name[0] == '.') || name == "node_modules";
}

// `path` as path::generic_string() writes it: runs of separators made one.
std::string Generic(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c != '/' || out.empty() || out.back() != '/') out += c;
  }
  return out;
}

// A recursive walk of one folder with opendir/readdir, as std::filesystem's
// recursive_directory_iterator (skip_permission_denied, links to folders not followed) walks
// it: entries in directory order, a folder's contents right after it. One path buffer for the
// whole walk, where the iterator made a path object per entry.
class Walker {
 public:
  Walker(std::string root, const std::function<void(std::string)>& found, int& bicep_skipped)
      : path_(std::move(root)), found_(found), bicep_skipped_(bicep_skipped) {}

  // False with `error` set when a folder or entry cannot be read (the walk stops there).
  bool Run(std::string& error) {
    DIR* d = ::opendir(path_.c_str());
    if (d == nullptr) {
      if (errno == EACCES) return true;  // skip_permission_denied
      error = "cannot read directory: " + std::generic_category().message(errno);
      return false;
    }
    return Walk(d, error);
  }

 private:
  enum class Type { kDir, kFile, kLinkToDir, kOther };

  // What the entry at path_ is, following a symbolic link one step as the iterator's
  // is_directory / is_regular_file do.
  static Type TypeOf(const dirent& e, const std::string& path) {
    unsigned char t = e.d_type;
    struct stat st;
    if (t == DT_UNKNOWN) {
      if (::lstat(path.c_str(), &st) != 0) return Type::kOther;
      t = S_ISDIR(st.st_mode)   ? DT_DIR
          : S_ISREG(st.st_mode) ? DT_REG
          : S_ISLNK(st.st_mode) ? DT_LNK
                                : DT_UNKNOWN;
    }
    if (t == DT_DIR) return Type::kDir;
    if (t == DT_REG) return Type::kFile;
    if (t != DT_LNK || ::stat(path.c_str(), &st) != 0) return Type::kOther;
    return S_ISDIR(st.st_mode)   ? Type::kLinkToDir
           : S_ISREG(st.st_mode) ? Type::kFile
                                 : Type::kOther;
  }

  bool Walk(DIR* d, std::string& error) {
    const std::size_t base = path_.size();
    bool ok = true;
    while (ok) {
      errno = 0;
      const dirent* e = ::readdir(d);
      if (e == nullptr) {
        if (errno != 0) {
          error = "cannot read directory entry: " + std::generic_category().message(errno);
          ok = false;
        }
        break;
      }
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      path_.resize(base);
      if (!path_.empty() && path_.back() != '/') path_ += '/';
      path_.append(name);
      switch (TypeOf(*e, path_)) {
        case Type::kDir: {
          if (SkipDirectory(name)) break;
          DIR* sub = ::opendir(path_.c_str());
          if (sub == nullptr) {
            if (errno == EACCES) break;  // skip_permission_denied
            error = "cannot read directory entry: " + std::generic_category().message(errno);
            ok = false;
            break;
          }
          ok = Walk(sub, error);
          break;
        }
        case Type::kFile:
          if (IsManifestFile(name)) {
            found_(Generic(path_));
          } else if (IsBicepFile(name)) {
            ++bicep_skipped_;
          }
          break;
        case Type::kLinkToDir:  // not followed: link loops cannot hang the walk
        case Type::kOther:
          break;
      }
    }
    ::closedir(d);
    path_.resize(base);
    return ok;
  }

  std::string path_;
  const std::function<void(std::string)>& found_;
  int& bicep_skipped_;
};

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
    const std::function<void(std::string)> add = [&](std::string file) {
      found(std::move(file), files);
    };
    Walker walker(path, add, out.bicep_files_skipped);
    if (std::string error; !walker.Run(error)) {
      out.errors.push_back(PathError(path, error));
      if (error.starts_with("cannot read directory: ")) continue;
    }
    std::sort(files.begin(), files.end());
    keep(files, false);
  }
  return out;
}

}  // namespace armlint::internal
