// Finds the parameter file that goes with a template, by the conventions PSRule for Azure and
// the quickstart repository use (https://azure.github.io/PSRule.Rules.Azure/using-templates/):
//
//   1. `x.parameters.json` (or `.jsonc`) beside `x.json` — e.g. azuredeploy.parameters.json
//      beside azuredeploy.json, main.parameters.json beside main.json;
//   2. else `x.parameters-<env>.json` beside it, only when exactly one such file exists (with
//      several environments there is no right choice);
//   3. else a parameter file in the same folder whose `metadata.template` names the template
//      (relative to the parameter file), again only when exactly one does.
#pragma once

#include <string>

namespace armlint::internal {

// The parameter file's path, or "" when none is found. Never fails: unreadable candidates are
// skipped.
std::string FindParameterFile(const std::string& template_path);

}  // namespace armlint::internal
