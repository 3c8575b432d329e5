// Names what a finding is about, as a user reads it in the resource column: a resource's
// evaluated name, else its symbolic name or its type and name expression; a template's file name
// or its nested deployment's name. Never a JSON pointer, never "{unknown}".
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "json/document.h"
#include "resources/resource.h"

namespace armlint::internal {

// The name of resource `r`, declared at `pointer` of `doc`: its evaluated full name where known;
// else its symbolic name (languageVersion 2.0: "app_slots"), else the last segment of its type
// and its name as written, shortened ("sites [format('{0}-app', parameters('na...]").
std::string ResourceLabel(const Document& doc, const Resource& r, std::string_view pointer);

// What a finding without a resource (a native check's, at `pointer` of `doc`) is about.
struct Subject {
  std::string field;  // the resource type, or "template"
  std::string value;  // the resource's or the template's name
};

// The resource declared around `pointer` (its type and name; `resources` are the file's
// resources, to find its evaluated name), or else the template the pointer lies in: the nested
// deployment's name, or the file name for the linted file itself.
Subject SubjectAt(const Document& doc, std::span<const Resource> resources,
                  std::string_view pointer);

}  // namespace armlint::internal
