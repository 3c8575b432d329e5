// Parameter file discovery beside a template.
#include "arm/parameter_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "json/document.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

bool IsFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::vector<fs::path> SortedSiblings(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool IsJsonName(std::string_view name) {
  return EndsWithIgnoreCase(name, ".json") || EndsWithIgnoreCase(name, ".jsonc");
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

std::string FindParameterFile(const std::string& template_path) {
  fs::path tmpl(template_path);
  fs::path dir = tmpl.parent_path();
  std::string stem = tmpl.stem().string();  // "azuredeploy" of azuredeploy.json
  for (const char* ext : {".parameters.json", ".parameters.jsonc"}) {
    fs::path p = dir / (stem + ext);
    if (IsFile(p)) return p.string();
  }
  std::vector<fs::path> siblings = SortedSiblings(dir);
  std::vector<fs::path> envs;
  std::string env_prefix = stem + ".parameters-";
  for (const fs::path& p : siblings) {
    std::string name = p.filename().string();
    if (StartsWithIgnoreCase(name, env_prefix) && IsJsonName(name)) envs.push_back(p);
  }
  if (envs.size() == 1) return envs[0].string();
  if (!envs.empty()) return "";
  std::vector<fs::path> linked;
  for (const fs::path& p : siblings) {
    std::string name = p.filename().string();
    if (!IsJsonName(name) || p.filename() == tmpl.filename()) continue;
    if (ToLower(name).find("param") == std::string::npos) continue;
    if (LinksTo(p, tmpl)) linked.push_back(p);
  }
  if (linked.size() == 1) return linked[0].string();
  return "";
}

}  // namespace armlint::internal
