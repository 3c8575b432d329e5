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

#include "util/folder_facts.h"

namespace armlint::internal {

// The parameter file's path, or "" when none is found. Never fails: unreadable candidates are
// skipped. `facts`: what a tree walk saw in the template's folder, when it listed it; a folder
// without any JSON file named like a parameter file is then not looked at again.
std::string FindParameterFile(const std::string& template_path, const FolderFacts* facts = nullptr);

}  // namespace armlint::internal
