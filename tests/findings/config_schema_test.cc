// Tests that docs/armlint.schema.json and the config loader agree: a config using every property
// of the schema loads, an unknown key anywhere is rejected at its line:col, and the reader
// catches drift in either direction.
#include "findings/config_schema.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

#include "findings/config.h"
#include "json/schema_validate.h"
#include "util/input_error.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

const Value& SchemaRoot() {
  absl::StatusOr<const Document*> schema = ConfigSchema();
  EXPECT_TRUE(schema.ok()) << schema.status();
  return (*schema)->root();
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Writes a JSON value valid against `schema` that uses every property it declares; inside the
// object at JSON pointer `inject_at`, adds "bogusKey": 1 as well.
std::string Sample(const Value& root, const Value& schema_in, const std::string& pointer,
                   const std::string& inject_at) {
  const Value& schema = *ResolveSchemaRef(root, schema_in);
  if (const Value* e = ExactMember(schema, "enum")) return Quote(e->items()[0]->string_value());
  const Value* type = ExactMember(schema, "type");
  std::string_view t = type ? type->string_value() : "object";
  if (t == "integer" || t == "number") {
    const Value* min = ExactMember(schema, "minimum");
    return min ? absl::StrCat(min->int_value()) : "1";
  }
  if (t == "boolean") return "true";
  if (t == "string") {
    const Value* pattern = ExactMember(schema, "pattern");
    if (pattern == nullptr) return Quote("sample");
    RE2 re(pattern->string_value());
    for (const char* candidate : {"sample-rule", "2030-01-01", "*"}) {
      if (RE2::PartialMatch(candidate, re)) return Quote(candidate);
    }
    ADD_FAILURE() << "no sample string matches " << pattern->string_value() << " at " << pointer;
    return Quote("");
  }
  if (t == "array") {
    return absl::StrCat("[", Sample(root, *ExactMember(schema, "items"), pointer + "/0", inject_at),
                        "]");
  }
  std::string out = "{";
  auto add = [&](std::string_view key, const std::string& value) {
    absl::StrAppend(&out, out.size() > 1 ? ",\n" : "\n", Quote(key), ": ", value);
  };
  if (const Value* props = ExactMember(schema, "properties")) {
    for (const Member& m : props->members()) {
      // "$schema" takes any string: a path, as an editor would use.
      add(m.key, m.key == "$schema"
                     ? Quote("../docs/armlint.schema.json")
                     : Sample(root, *m.value, pointer + "/" + std::string(m.key), inject_at));
    }
  }
  const Value* extra = ExactMember(schema, "additionalProperties");
  // rules.options: any other key must name a native check that takes options, and the schema
  // declares those already (the checks' own parsers check these keys, config_test).
  if (extra != nullptr && extra->is_object() && pointer != "/rules/options") {
    const Value* names = ExactMember(schema, "propertyNames");
    std::string key = names ? Sample(root, *names, pointer, inject_at) : Quote("some/**");
    add(key.substr(1, key.size() - 2), Sample(root, *extra, pointer + "/k", inject_at));
  }
  if (pointer == inject_at) add("bogusKey", "1");
  return out + "\n}";
}

// JSON pointers of the objects in the schema that reject unknown keys.
void ClosedObjects(const Value& root, const Value& schema_in, const std::string& pointer,
                   std::vector<std::string>& out) {
  const Value& schema = *ResolveSchemaRef(root, schema_in);
  const Value* extra = ExactMember(schema, "additionalProperties");
  if (extra != nullptr && extra->is_bool() && !extra->bool_value()) out.push_back(pointer);
  if (const Value* props = ExactMember(schema, "properties")) {
    for (const Member& m : props->members()) {
      ClosedObjects(root, *m.value, pointer + "/" + std::string(m.key), out);
    }
  }
  if (const Value* items = ExactMember(schema, "items")) {
    ClosedObjects(root, *items, pointer + "/0", out);
  }
}

class ConfigSchemaTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& text) {
    fs::path p =
        fs::path(::testing::TempDir()) /
        absl::StrCat("armlint_schema_", ::getpid(), "_",
                     ::testing::UnitTest::GetInstance()->current_test_info()->name(), ".json");
    std::ofstream(p) << text;
    return p.string();
  }
};

TEST_F(ConfigSchemaTest, EmbeddedSchemaIsDocsSchema) {
  std::ifstream in(std::string(ARMLINT_SOURCE_DIR) + "/docs/armlint.schema.json");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(ConfigSchemaText(), text.str());
  EXPECT_TRUE(CheckSchemaSubset(SchemaRoot()).ok()) << CheckSchemaSubset(SchemaRoot());
}

// Every property of the schema is read by the loader and every key the loader reads is in the
// schema: a config using all of them loads (the reader's drift check would fail it otherwise).
TEST_F(ConfigSchemaTest, ConfigWithEveryPropertyLoads) {
  const Value& root = SchemaRoot();
  const std::string text = Sample(root, root, "", "-");
  absl::StatusOr<std::shared_ptr<const Config>> c = LoadConfig(Write(text));
  ASSERT_TRUE(c.ok()) << c.status() << "\n" << text;
  // Spot checks that the values arrived where they belong.
  EXPECT_EQ((*c)->disable, std::vector<std::string>{"sample-rule"});
  EXPECT_EQ((*c)->impact.count("sample-rule"), 1u);
  EXPECT_EQ((*c)->suppressions.size(), 1u);
  EXPECT_EQ((*c)->workloads.size(), 1u);
  EXPECT_EQ((*c)->check_options.count("api-version-recent"), 1u);
}

TEST_F(ConfigSchemaTest, UnknownKeysAreRejectedInEveryClosedObject) {
  const Value& root = SchemaRoot();
  std::vector<std::string> closed;
  ClosedObjects(root, root, "", closed);
  // The root, rules, the options of resource-required-tags and api-version-recent, a
  // parameters entry, a suppression, the context, a policies entry.
  EXPECT_EQ(closed.size(), 8u);
  for (const std::string& at : closed) {
    const std::string text = Sample(root, root, "", at);
    absl::StatusOr<std::shared_ptr<const Config>> c = LoadConfig(Write(text));
    ASSERT_FALSE(c.ok()) << at;
    EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument) << c.status();
    EXPECT_NE(c.status().message().find("unknown key 'bogusKey'"), absl::string_view::npos)
        << c.status();
    const std::size_t offset = text.find("\"bogusKey\"");
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
    const int column = static_cast<int>(offset - text.rfind('\n', offset));
    auto where = GetSourceLocation(c.status());
    ASSERT_TRUE(where.has_value());
    EXPECT_EQ(where->line, line) << at;
    EXPECT_EQ(where->column, column) << at;
  }
}

TEST(ConfigSchemaReader, ReportsDriftBothWays) {
  auto schema = Document::Parse("s.json", R"({"type": "object", "properties": {
      "a": {"type": "integer"}, "b": {"type": "object", "properties": {"c": {}}},
      "m": {"type": "object", "additionalProperties": {"type": "string"}}}})");
  auto config = Document::Parse("c.json", "{\"a\": 1,\n \"b\": {\"c\": 2}, \"m\": {\"x\": \"y\"}}");
  ASSERT_TRUE(schema.ok() && config.ok());
  {  // Reads everything: no drift.
    ConfigSchemaReader r(**config, **schema);
    ConfigSchemaReader::Node root = r.Root();
    EXPECT_EQ(root.Get("a").value()->int_value(), 1);
    EXPECT_TRUE(root.Get("b").Get("c").present());
    EXPECT_EQ(root.Get("m").Entries().size(), 1u);
    EXPECT_TRUE(r.Finish().ok()) << r.Finish();
  }
  {  // Forgets b.c: the schema declares it, the config uses it.
    ConfigSchemaReader r(**config, **schema);
    r.Root().Get("a");
    r.Root().Get("b");
    r.Root().Get("m").Entries();
    absl::Status s = r.Finish();
    EXPECT_EQ(s.code(), absl::StatusCode::kInternal);
    EXPECT_NE(s.message().find("declares 'b.c' but the config loader does not read it"),
              absl::string_view::npos)
        << s;
    EXPECT_EQ(GetSourceLocation(s)->line, 2);
  }
  {  // Forgets the map's entries.
    ConfigSchemaReader r(**config, **schema);
    r.Root().Get("a");
    r.Root().Get("b").Get("c");
    r.Root().Get("m");
    EXPECT_NE(r.Finish().message().find("'m.x'"), absl::string_view::npos) << r.Finish();
  }
  {  // Reads a key the schema does not declare (even when the config lacks it).
    ConfigSchemaReader r(**config, **schema);
    EXPECT_FALSE(r.Root().Get("z").present());
    absl::Status s = r.Finish();
    EXPECT_EQ(s.code(), absl::StatusCode::kInternal);
    EXPECT_NE(s.message().find("reads 'z', which"), absl::string_view::npos) << s;
  }
}

}  // namespace
}  // namespace armlint::internal
