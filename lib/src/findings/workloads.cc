// Workload attribution and --shard assignment.
#include "findings/workloads.h"

#include <filesystem>

#include "util/glob.h"
#include "util/hash.h"

namespace armlint {

int ShardOf(std::string_view path, int count) {
  if (count <= 1) return 1;
  std::string norm = std::filesystem::path(std::string(path)).lexically_normal().generic_string();
  const std::uint64_t h = internal::Fnv1a64(internal::kArmlintFnv64OffsetBasis).Add(norm).value();
  return static_cast<int>(h % static_cast<std::uint64_t>(count)) + 1;
}

namespace internal {
namespace fs = std::filesystem;

std::string ConfigWorkload(const Config* config, const std::string& path) {
  if (config == nullptr || config->workloads.empty()) return "";
  std::string rel = RelativeTo(path, config->dir);
  for (const auto& [glob, name] : config->workloads) {
    if (GlobMatch(glob, rel)) return name;
  }
  return "";
}

std::string DefaultWorkload(const std::string& root, const std::string& file) {
  auto name_of = [](const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    if (abs.has_filename()) return abs.filename().generic_string();
    return abs.parent_path().filename().generic_string();  // "dir/" normalises to "dir/"
  };
  if (root == "-" || file == "<stdin>") return "stdin";
  // The common case, read from the text without path objects: `file` is in a subfolder of
  // `root` whose name is a plain one, the first component lexically_relative would give too.
  if (!root.empty() && file.size() > root.size() && file.starts_with(root)) {
    std::string_view rest = std::string_view(file).substr(root.size());
    if (root.back() == '/' || rest.front() == '/') {
      if (root.back() != '/') rest.remove_prefix(1);
      const std::size_t slash = rest.find('/');
      const std::string_view first = rest.substr(0, slash);
      if (slash != std::string_view::npos && !first.empty() && first != "." && first != "..") {
        return std::string(first);
      }
    }
  }
  fs::path f(file), r(root);
  if (file == root) return name_of(f.parent_path().empty() ? fs::path(".") : f.parent_path());
  fs::path rel = f.lexically_relative(r);
  auto it = rel.begin();
  if (rel.empty() || *it == "..") {
    return name_of(f.parent_path().empty() ? fs::path(".") : f.parent_path());
  }
  fs::path first = *it;
  if (++it == rel.end()) return name_of(r);  // a file directly in the linted folder
  return first.generic_string();
}

std::string WorkloadUnderRoot(const std::string& root, const std::string& file) {
  if (root.empty() || file == "-" || file == "<stdin>") return "";
  std::error_code ec;
  const fs::path r = fs::weakly_canonical(fs::absolute(root, ec), ec);
  const fs::path abs = fs::weakly_canonical(fs::absolute(file, ec), ec);
  const fs::path rel = abs.lexically_relative(r);
  if (ec || rel.empty() || *rel.begin() == "..") return "";
  return DefaultWorkload(r.generic_string(), abs.generic_string());
}

}  // namespace internal
}  // namespace armlint
