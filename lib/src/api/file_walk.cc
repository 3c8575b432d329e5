// Directory walking for LintPaths.
#include "api/file_walk.h"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <utility>
#include <vector>

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
  // `facts`, when given, gets each folder's facts (util/folder_facts.h) under its path as walked
  // and under its absolute path.
  Walker(std::string root, const std::function<void(std::string)>& found, int& bicep_skipped,
         FolderFacts* facts)
      : path_(std::move(root)), found_(found), bicep_skipped_(bicep_skipped), facts_(facts) {
    if (facts_ != nullptr && !path_.starts_with('/')) {
      std::error_code ec;
      std::string abs = fs::absolute(fs::path(path_), ec).string();
      if (!ec) absolute_root_ = std::move(abs);
    }
  }

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
  static Type TypeOf(unsigned char d_type, const std::string& path) {
    unsigned char t = d_type;
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

  // The folder's whole listing is read first, so that its facts are recorded before any of its
  // files is reported or its subfolders walked; the entries are then taken in directory order.
  bool Walk(DIR* d, std::string& error) {
    const std::size_t base = path_.size();
    std::string names;  // the entries' names, each followed by a NUL
    std::vector<std::pair<std::size_t, unsigned char>> entries;  // (offset in names, d_type)
    FolderFacts::Facts facts;
    std::string listing_error;  // the entries before it are still taken, as they were found
    for (;;) {
      errno = 0;
      const dirent* e = ::readdir(d);
      if (e == nullptr) {
        if (errno != 0) {
          listing_error = "cannot read directory entry: " + std::generic_category().message(errno);
        }
        break;
      }
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      FolderFacts::Add(name, facts);
      entries.emplace_back(names.size(), e->d_type);
      names.append(name);
      names.push_back('\0');
    }
    ::closedir(d);
    if (listing_error.empty() && facts_ != nullptr) Record(facts);
    bool ok = true;
    for (std::size_t i = 0; i < entries.size() && ok; ++i) {
      std::string_view name = names.c_str() + entries[i].first;
      path_.resize(base);
      if (!path_.empty() && path_.back() != '/') path_ += '/';
      path_.append(name);
      switch (TypeOf(entries[i].second, path_)) {
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
    path_.resize(base);
    if (ok && !listing_error.empty()) {
      error = std::move(listing_error);
      ok = false;
    }
    return ok;
  }

  // The folder at path_ under its path as walked and its absolute path.
  void Record(const FolderFacts::Facts& facts) {
    std::string walked = Generic(path_);
    facts_->Record(walked, facts);
    if (!absolute_root_.empty()) {
      std::string abs = absolute_root_;
      abs.append(path_, root_size_, std::string::npos);
      facts_->Record(Generic(abs), facts);
    }
  }

  std::string path_;
  const std::size_t root_size_ = path_.size();
  const std::function<void(std::string)>& found_;
  int& bicep_skipped_;
  FolderFacts* facts_;
  std::string absolute_root_;  // fs::absolute of a relative root; "" otherwise
};

::armlint::InputError PathError(const std::string& path, const std::string& message) {
  ::armlint::InputError e;
  e.location.file = path;
  e.message = message;
  return e;
}

}  // namespace

WalkResult CollectFiles(const std::vector<std::string>& paths,
                        const std::function<void(const std::string&)>& on_file,
                        FolderFacts* facts) {
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
    Walker walker(path, add, out.bicep_files_skipped, facts);
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
