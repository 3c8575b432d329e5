// Tests for the compact JSON text of values (ToJson) and .NET's double formatting.
#include "json/compact_json.h"

#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "gtest/gtest.h"

#include "json/document.h"

namespace armlint::internal {
namespace {

std::string Compact(const std::string& text) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("t.json", text);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? ToJson((*doc)->root()) : "";
}

TEST(CompactJson, WritesJsonNetFormattingNone) {
  EXPECT_EQ(Compact(R"({ "a" : [1, 2.5, true, null], "b": {"c": "d"} })"),
            R"({"a":[1,2.5,true,null],"b":{"c":"d"}})");
  EXPECT_EQ(Compact("[]"), "[]");
  EXPECT_EQ(Compact("{}"), "{}");
  EXPECT_EQ(Compact(R"("quote \" backslash \\ tab \t")"), R"("quote \" backslash \\ tab \t")");
  EXPECT_EQ(Compact("2.0"), "2");
}

TEST(CompactJson, AppendJsonAppends) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("t.json", "[1]");
  ASSERT_TRUE(doc.ok());
  std::string out = "x=";
  AppendJson((*doc)->root(), out);
  EXPECT_EQ(out, "x=[1]");
}

TEST(CompactJson, FormatDoubleAsDotNet) {
  EXPECT_EQ(FormatDouble(2.0), "2");
  EXPECT_EQ(FormatDouble(-3.0), "-3");
  EXPECT_EQ(FormatDouble(1.5), "1.5");
  EXPECT_EQ(FormatDouble(0.1), "0.1");  // shortest round-trip form, not 0.10000000000000001
  EXPECT_EQ(FormatDouble(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(FormatDouble(std::nan("")), "NaN");
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(FormatDouble(-std::numeric_limits<double>::infinity()), "-Infinity");
}

}  // namespace
}  // namespace armlint::internal
