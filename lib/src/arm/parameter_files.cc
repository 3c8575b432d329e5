// Parameter file discovery beside a template.
#include "arm/parameter_files.h"

#include <dirent.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <vector>

#include "json/document.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

// A path's parent_path(), filename() and stem() as std::filesystem::path makes them, as views:
// no path object (and its list of components) per template.
struct PathParts {
  std::string_view dir;  // "" for a bare file name; "/" for a file in the root
  std::string_view filename;
  std::string_view stem;  // "azuredeploy" of azuredeploy.json
};

PathParts Parts(std::string_view path) {
  PathParts out;
  const std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) {
    out.filename = path;
  } else {
    out.filename = path.substr(slash + 1);
    std::size_t end = slash;  // separators before the file name are not part of its parent
    while (end > 0 && path[end - 1] == '/') --end;
    out.dir = path.substr(0, end == 0 ? 1 : end);
  }
  std::string_view f = out.filename;
  const std::size_t dot = f.rfind('.');
  // ".", ".." and ".hidden" are their own stem.
  const bool whole =
      (f.size() <= 2 && !f.empty() && f[0] == '.') || dot == 0 || dot == std::string_view::npos;
  out.stem = whole ? f : f.substr(0, dot);
  return out;
}

// `dir` / `name` as std::filesystem::path's operator/ joins them (no separator after "" or a
// trailing one).
void Join(std::string_view dir, std::string_view name, std::string& out) {
  out.assign(dir);
  if (!dir.empty() && dir.back() != '/') out += '/';
  out.append(name);
}

bool IsFile(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsJsonName(std::string_view name) {
  return EndsWithIgnoreCase(name, ".json") || EndsWithIgnoreCase(name, ".jsonc");
}

// The names of the regular files in `dir` (symbolic links followed) that could be parameter
// files: JSON files whose name holds "param" (which the environment files' ".parameters-"
// does). Sorted, as std::filesystem::path sorts paths of one folder.
std::vector<std::string> CandidateSiblings(std::string_view dir) {
  std::vector<std::string> out;
  std::string path;
  Join(dir, "", path);  // "dir/": the entries' names are appended
  const std::size_t base = path.size();
  DIR* d = ::opendir(path.empty() ? "." : path.c_str());
  if (d == nullptr) return out;
  while (const dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (!IsJsonName(name) || !FolderFacts::ContainsIgnoreCase(name, "param")) continue;
    bool regular = e->d_type == DT_REG;
    if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN) {
      path.resize(base);
      path.append(name);
      regular = IsFile(path);
    }
    if (regular) out.emplace_back(name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// Whether the parameter file at `p` links to `tmpl` with metadata.template.
bool LinksTo(const fs::path& p, const fs::path& tmpl) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(p.string(), 1);
  if (!doc.ok()) return false;
  const Value* meta = (*doc)->root().Find("metadata");
  const Value* t = meta == nullptr ? nullptr : meta->Find("template");
  if (t == nullptr || !t->is_string() || !(*doc)->root().Find("parameters")) return false;
  fs::path target = p.parent_path() / fs::path(std::string(t->string_value()));
  std::error_code ec1, ec2;
  fs::path a = fs::weakly_canonical(target, ec1);
  fs::path b = fs::weakly_canonical(tmpl, ec2);
  if (ec1 || ec2) return target.lexically_normal() == tmpl.lexically_normal();
  return a == b;
}

}  // namespace

std::string FindParameterFile(const std::string& template_path, const FolderFacts* facts) {
  const PathParts parts = Parts(template_path);
  // Every convention below names a JSON file that holds "param".
  if (facts != nullptr) {
    const std::optional<FolderFacts::Facts> f =
        facts->Find(parts.dir.empty() ? std::string_view(".") : parts.dir);
    if (f && !f->param_json) return "";
  }
  std::string p;
  for (std::string_view ext : {".parameters.json", ".parameters.jsonc"}) {
    Join(parts.dir, parts.stem, p);
    p.append(ext);
    if (IsFile(p)) return p;
  }
  // Siblings are named as a directory listing names them: "./x" in the current folder.
  const std::string_view list_dir = parts.dir.empty() ? std::string_view(".") : parts.dir;
  std::vector<std::string> siblings = CandidateSiblings(list_dir);
  const std::string_view env_prefix = ".parameters-";  // after the stem
  const std::string* env = nullptr;
  int envs = 0;
  for (const std::string& name : siblings) {
    std::string_view n = name;
    if (StartsWithIgnoreCase(n, parts.stem) &&
        StartsWithIgnoreCase(n.substr(parts.stem.size()), env_prefix)) {
      env = &name;
      ++envs;
    }
  }
  if (envs == 1) {
    Join(list_dir, *env, p);
    return p;
  }
  if (envs > 1) return "";
  std::string linked;
  int links = 0;
  for (const std::string& name : siblings) {
    if (name == parts.filename) continue;
    Join(list_dir, name, p);
    if (LinksTo(fs::path(p), fs::path(template_path))) {
      linked = p;
      ++links;
    }
  }
  if (links == 1) return linked;
  return "";
}

}  // namespace armlint::internal
