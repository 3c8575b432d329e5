// Tests for the JSON Schema subset validator: each keyword, messages with line:col, the subset.
#include "json/schema_validate.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"

#include "json/document.h"
#include "util/input_error.h"

namespace armlint::internal {
namespace {

std::unique_ptr<Document> Parse(const std::string& text) {
  auto doc = Document::Parse("t.json", text);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return std::move(doc).value();
}

constexpr char kSchema[] = R"({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "ignored for the root", "description": "annotations are ignored",
  "type": "object",
  "additionalProperties": false,
  "required": ["name"],
  "properties": {
    "name": {"type": "string", "minLength": 1},
    "tags": {"type": "array", "items": {"$ref": "#/$defs/id"}},
    "level": {"type": "string", "enum": ["high", "low"]},
    "age": {"type": "integer", "minimum": 1, "maximum": 240},
    "ratio": {"type": "number", "minimum": 0},
    "on": {"type": ["boolean", "null"]},
    "until": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-"},
    "map": {"type": "object", "propertyNames": {"$ref": "#/$defs/id"},
            "additionalProperties": {"title": "map value", "type": "string", "maxLength": 3}},
    "free": {"type": "object"},
    "nothing": false
  },
  "$defs": {"id": {"title": "id", "description": "kebab-case", "type": "string",
                   "pattern": "^[a-z]+(-[a-z]+)*$"}}
})";

TEST(SchemaValidate, AcceptsValidDocuments) {
  auto schema = Parse(kSchema);
  for (const char* text : {
           R"({"name": "x"})",
           R"({"name": "x", "tags": ["a", "b-c"], "level": "low", "age": 12, "ratio": 0.5,
               "on": null, "until": "2028-02-29", "map": {"a-b": "abc"}, "free": {"any": [1]}})",
           R"({"name": "x", "age": 12.0, "on": true})",  // 12.0 is an integer in JSON Schema
       }) {
    auto doc = Parse(text);
    EXPECT_TRUE(ValidateAgainstSchema(schema->root(), *doc, "the file").ok())
        << text << ": " << ValidateAgainstSchema(schema->root(), *doc, "the file");
  }
}

TEST(SchemaValidate, ReportsTheFirstViolationAtItsPosition) {
  auto schema = Parse(kSchema);
  struct {
    const char* text;
    int line, column;
    const char* message;
  } cases[] = {
      {"[]", 1, 1, "the file must be an object"},
      {"{}", 1, 1, "the file needs \"name\""},
      {"{\"name\": \"x\",\n \"nmae\": 1}", 2, 2,
       "unknown key 'nmae' in the file (known: name, tags, level, age, ratio, on, until, map, "
       "free, nothing)"},
      {"{\"name\": \"\"}", 1, 10, "'name' must not be empty"},
      {"{\"name\": 3}", 1, 10, "'name' must be a string"},
      {"{\"name\": \"x\", \"tags\": \"a\"}", 1, 23, "'tags' must be an array of strings"},
      {"{\"name\": \"x\", \"tags\": [\"a\", \"B\"]}", 1, 29,
       "'tags[1]' (id) must match ^[a-z]+(-[a-z]+)*$ (kebab-case)"},
      {"{\"name\": \"x\", \"level\": \"High\"}", 1, 24, "'level' must be \"high\" or \"low\""},
      {"{\"name\": \"x\", \"age\": 0}", 1, 22, "'age' must be from 1 to 240"},
      {"{\"name\": \"x\", \"age\": 1.5}", 1, 22, "'age' must be an integer"},
      {"{\"name\": \"x\", \"ratio\": -1}", 1, 24, "'ratio' must be at least 0"},
      {"{\"name\": \"x\", \"on\": 1}", 1, 21, "'on' must be a boolean or null"},
      {"{\"name\": \"x\", \"until\": \"2027-02-29\"}", 1, 24,
       "'until' must be a date \"YYYY-MM-DD\""},
      {"{\"name\": \"x\", \"map\": {\"a\": \"abcd\"}}", 1, 28,
       "'map.a' (map value) must be at most 3 characters long"},
      {"{\"name\": \"x\", \"map\": {\"a-b\": 1}}", 1, 30,
       "'map[\"a-b\"]' (map value) must be a string"},
      {"{\"name\": \"x\", \"map\": {\"Bad\": \"a\"}}", 1, 23, "key 'Bad' in 'map' (id) must match"},
      {"{\"name\": \"x\", \"nothing\": 1}", 1, 26, "'nothing' is not allowed"},
  };
  for (const auto& c : cases) {
    auto doc = Parse(c.text);
    absl::Status s = ValidateAgainstSchema(schema->root(), *doc, "the file");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_NE(s.message().find(c.message), absl::string_view::npos) << c.text << "\n" << s;
    auto at = GetSourceLocation(s);
    ASSERT_TRUE(at.has_value()) << c.text;
    EXPECT_EQ(at->file, "t.json");
    EXPECT_EQ(at->line, c.line) << c.text;
    EXPECT_EQ(at->column, c.column) << c.text;
  }
}

TEST(SchemaValidate, KeywordsOutsideTheSubsetAreInternalErrors) {
  // A schema must never promise a check the validator does not make.
  for (const char* schema_text : {
           R"({"type": "object", "properties": {"a": {"oneOf": [{"type": "string"}]}}})",
           R"({"type": "string", "format": "email"})",
           R"({"items": {"$ref": "#/$defs/missing"}})",
           R"({"$defs": {"x": {"uniqueItems": true}}})",
           R"({"pattern": "(unclosed"})",
       }) {
    auto schema = Parse(schema_text);
    absl::Status s = CheckSchemaSubset(schema->root());
    EXPECT_EQ(s.code(), absl::StatusCode::kInternal) << schema_text << ": " << s;
  }
  // Validation meets the keyword too, and does not let the value through silently.
  auto schema = Parse(R"({"type": "object", "properties": {"a": {"const": 1}}})");
  auto doc = Parse(R"({"a": 2})");
  EXPECT_EQ(ValidateAgainstSchema(schema->root(), *doc, "x").code(), absl::StatusCode::kInternal);
  EXPECT_TRUE(CheckSchemaSubset(Parse(kSchema)->root()).ok());
}

TEST(SchemaValidate, RefsResolveWithinTheSchema) {
  auto schema = Parse(R"({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"type": "string"},
                                    "loop": {"$ref": "#/$defs/loop"}},
                          "definitions": {"c": {"type": "integer"}}})");
  const Value& root = schema->root();
  const Value* a = ExactMember(*ExactMember(root, "$defs"), "a");
  const Value* b = ExactMember(*ExactMember(root, "$defs"), "b");
  EXPECT_EQ(ResolveSchemaRef(root, *a), b);
  EXPECT_EQ(ResolveSchemaRef(root, *ExactMember(*ExactMember(root, "$defs"), "loop")), nullptr);
  auto c = Parse(R"({"$ref": "#/definitions/c"})");
  EXPECT_EQ(ResolveSchemaRef(root, c->root()), ExactMember(*ExactMember(root, "definitions"), "c"));
}

TEST(SchemaValidate, ExactMemberIsCaseSensitiveAndLastWins) {
  auto doc = Parse(R"({"Ab": 1, "c": 2, "c": 3})");
  ASSERT_NE(ExactMember(doc->root(), "Ab"), nullptr);
  EXPECT_EQ(ExactMember(doc->root(), "Ab")->int_value(), 1);
  EXPECT_EQ(ExactMember(doc->root(), "ab"), nullptr);  // Value::Find would match it
  ASSERT_NE(doc->root().Find("ab"), nullptr);
  ASSERT_NE(ExactMember(doc->root(), "c"), nullptr);
  EXPECT_EQ(ExactMember(doc->root(), "c")->int_value(), 3);
  EXPECT_EQ(ExactMember(doc->root(), "b"), nullptr);
}

}  // namespace
}  // namespace armlint::internal
