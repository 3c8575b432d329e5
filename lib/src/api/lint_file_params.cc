// Finding the template of a parameter file.
#include "api/lint_file_params.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/str_cat.h"

#include "json/document.h"
#include "util/input_error.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

bool IsFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

bool HasGlob(std::string_view s) { return s.find_first_of("*?[{") != std::string_view::npos; }

// "x" for x.parameters.json, x.parameters-dev.json, x.parameters.dev.json; "" otherwise.
std::string TemplateStem(std::string name) {
  std::string lower = ToLower(name);
  std::size_t at = lower.rfind(".parameters");
  if (at == std::string::npos || at == 0) return "";
  std::string rest = lower.substr(at + 11);
  if (rest == ".json" || rest == ".jsonc" ||
      ((rest.starts_with("-") || rest.starts_with(".")) &&
       (rest.ends_with(".json") || rest.ends_with(".jsonc")))) {
    return name.substr(0, at);
  }
  return "";
}

// The value at JSON pointer `pointer` in `root`, or null.
const Value* AtPointer(const Value& root, std::string_view pointer) {
  const Value* at = &root;
  std::size_t start = 1;
  while (at != nullptr && start <= pointer.size() && pointer.starts_with("/")) {
    std::size_t slash = pointer.find('/', start);
    if (slash == std::string_view::npos) slash = pointer.size();
    const std::string seg = UnescapePointerToken(pointer.substr(start, slash - start));
    if (at->is_array()) {
      std::size_t i = static_cast<std::size_t>(std::strtoull(seg.c_str(), nullptr, 10));
      at = i < at->items().size() ? at->items()[i] : nullptr;
    } else if (at->is_object()) {
      at = at->Find(seg);
    } else {
      at = nullptr;
    }
    start = slash + 1;
  }
  return at;
}

}  // namespace

void NameParameterSource(const Document& tmpl, const Document& params, Finding& f) {
  const Value* v = AtPointer(tmpl.root(), f.location.pointer);
  if (v == nullptr || !v->is_string() || !v->string_value().starts_with("[")) return;
  const Value* supplied = params.root().Find("parameters");
  if (supplied == nullptr || !supplied->is_object()) return;
  const std::string text = ToLower(v->string_value());
  for (std::size_t at = text.find("parameters('"); at != std::string::npos;
       at = text.find("parameters('", at + 1)) {
    std::size_t start = at + 12;
    std::size_t end = text.find('\'', start);
    if (end == std::string::npos) return;
    std::string_view name = v->string_value().substr(start, end - start);
    if (supplied->Find(name) == nullptr) continue;
    absl::StrAppend(&f.problem, " (value of parameter '", AbslView(name), "' from ", params.path(),
                    ")");
    return;
  }
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ec;
  return fs::equivalent(a, b, ec);
}

absl::StatusOr<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return InputError(SourceLocation{path, 0, 0, ""}, "cannot read file",
                      absl::StatusCode::kNotFound);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

absl::StatusOr<std::string> TemplateForParameterFile(const Document& params, const Config* config) {
  const fs::path path(params.path());
  const fs::path dir = path.parent_path();
  if (const Value* meta = params.root().Find("metadata"); meta != nullptr) {
    if (const Value* t = meta->Find("template"); t != nullptr && t->is_string()) {
      fs::path target = (dir / std::string(t->string_value())).lexically_normal();
      if (IsFile(target)) return target.generic_string();
      return params.ErrorAt(t->pos(),
                            absl::StrCat("metadata.template names ", target.generic_string(),
                                         ", which does not exist"));
    }
  }
  if (config != nullptr) {
    for (const ParameterMapping& m : config->parameters) {
      if (!SameFile(m.file, params.path()) || HasGlob(m.template_glob)) continue;
      fs::path target = (fs::path(config->dir) / m.template_glob).lexically_normal();
      if (IsFile(target)) return target.generic_string();
      return InputError(SourceLocation{config->path, 0, 0, ""},
                        absl::StrCat("the 'parameters' entry for ", params.path(), " names ",
                                     target.generic_string(), ", which does not exist"));
    }
  }
  std::string stem = TemplateStem(path.filename().string());
  std::vector<std::string> tried;
  if (!stem.empty()) {
    for (const char* ext : {".json", ".jsonc", ".bicep"}) {
      fs::path target = dir / (stem + ext);
      if (IsFile(target)) return target.generic_string();
      tried.push_back(target.filename().string());
    }
  }
  std::string looked = tried.empty()
                           ? std::string()
                           : absl::StrCat(" (no ", tried[0], " or ", tried[1], " beside it)");
  return InputError(SourceLocation{params.path(), 0, 0, ""},
                    absl::StrCat("cannot find the template of this parameter file", looked,
                                 ": name it in the file's \"metadata\": {\"template\": "
                                 "\"main.json\"}, in a .armlint.json \"parameters\" entry, or "
                                 "lint the template with -p"),
                    absl::StatusCode::kNotFound);
}

}  // namespace armlint::internal
