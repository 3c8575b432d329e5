// The template of a parameter file linted on its own (`armlint main.parameters.json`): pre-commit
// hooks pass only the files that changed, so a changed parameter file must bring its template.
//
// The template is, in this order (the reverse of arm/parameter_files.h):
//   1. the file its `metadata.template` names (relative to the parameter file);
//   2. the template of a .armlint.json `parameters` entry whose `file` is this file (the entry's
//      `template` must then name one file, not a glob);
//   3. by name, beside it: `x.json` (or `.jsonc`, `.bicep`) for `x.parameters.json`,
//      `x.parameters-<env>.json` and `x.parameters.<env>.json`.
#pragma once

#include <string>

#include "absl/status/statusor.h"

#include "armlint/armlint.hpp"
#include "findings/config.h"
#include "json/document.h"

namespace armlint::internal {

// The template's path, or NotFound (an InputError on the parameter file) saying where armlint
// looked and how to name the template.
absl::StatusOr<std::string> TemplateForParameterFile(const Document& params, const Config* config);

// When the template value `f` points at is an expression reading a parameter that `params`
// supplies, says so in the finding: "(value of parameter 'x' from main.parameters.json)".
void NameParameterSource(const Document& tmpl, const Document& params, Finding& f);

// Whether two paths name the same existing file (or are equal).
bool SameFile(const std::string& a, const std::string& b);

// The whole text of `path` (NotFound when it cannot be read).
absl::StatusOr<std::string> ReadText(const std::string& path);

}  // namespace armlint::internal
