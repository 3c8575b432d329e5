// Helpers for rules/ tests: resources and conditions from JSON text.
#pragma once

#include <memory>
#include <string>

#include "gtest/gtest.h"

#include "json/document.h"
#include "resources/resource.h"
#include "rules/condition.h"
#include "util/strings.h"

namespace armlint::internal::testing {

struct TestResource {
  std::unique_ptr<Document> doc;
  Resource resource;
};

// A resource whose body is the JSON object `json` (type and name read from it).
inline TestResource MakeResource(const std::string& json) {
  TestResource t;
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("resource.json", json);
  EXPECT_TRUE(doc.ok()) << doc.status();
  if (!doc.ok()) return t;
  t.doc = std::move(*doc);
  Resource& r = t.resource;
  r.doc = t.doc.get();
  r.body = &t.doc->root();
  r.anchor = r.body->anchor();
  if (const Value* type = r.body->Find("type"); type && type->is_string()) {
    r.type = std::string(type->string_value());
    r.type_lower = ToLower(r.type);
    r.type_value = type;
  }
  if (const Value* name = r.body->Find("name"); name && name->is_string()) {
    r.name = std::string(name->string_value());
    r.full_name_value = name;
    std::string_view n = name->string_value();
    std::size_t slash = n.rfind('/');
    r.name_value = slash == std::string_view::npos
                       ? name
                       : Value::StringView(t.doc->arena(), n.substr(slash + 1), name->anchor());
  }
  return t;
}

// Compiles the condition `json`; the status on error.
inline absl::StatusOr<std::unique_ptr<Condition>> CompileCondition(const std::string& json) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("rule.json", json);
  if (!doc.ok()) return doc.status();
  std::shared_ptr<const Document> shared(std::move(*doc));
  return Condition::Compile(shared, shared->root());
}

// Line:col of `anchor` in the test resource's text.
inline std::string LineColOf(const TestResource& t, Anchor anchor) {
  if (!anchor.known()) return "none";
  LineCol lc = t.doc->Position(anchor.pos);
  return std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

}  // namespace armlint::internal::testing
