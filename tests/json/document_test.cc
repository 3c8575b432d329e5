// Tests for Document: line:column positions (LF, CRLF, BOM, UTF-8) and JSON pointers.
#include "json/document.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

std::unique_ptr<Document> MustParse(std::string text) {
  auto doc = Document::Parse("t.json", std::move(text));
  EXPECT_TRUE(doc.ok()) << doc.status();
  return std::move(*doc);
}

TEST(Document, PositionsWithLfAndCrlf) {
  for (std::string nl : {"\n", "\r\n", "\r"}) {
    auto doc = MustParse("{" + nl + "  \"a\": {" + nl + "    \"b\": true" + nl + "  }" + nl + "}");
    const Value* b = doc->root().Find("a")->Find("b");
    LineCol lc = doc->Position(b->pos());
    EXPECT_EQ(lc.line, 3);
    EXPECT_EQ(lc.column, 10);
    EXPECT_EQ(doc->PointerAt(b->pos()), "/a/b");
  }
}

TEST(Document, ColumnsCountCharactersAndSkipTheBom) {
  auto doc = MustParse("\xEF\xBB\xBF{\"\xC3\xA9\": 1}");
  const Value* v = doc->root().members()[0].value;
  EXPECT_EQ(doc->Position(doc->root().pos()).column, 1);
  EXPECT_EQ(doc->Position(v->pos()).column, 7);  // {"é": 1 -> '1' is the 7th character
}

// Regression (hostile inputs): columns on a minified one-line file cost O(line length) per
// lookup, so 5,000 findings on one line took seconds. Columns must still count code points.
TEST(Document, ColumnsOnALongMinifiedLineAreExactAndCheap) {
  std::string text = "[";
  for (int i = 0; i < 20000; ++i) text += i % 3 == 0 ? "\"\xC3\xA9\xE2\x82\xAC\"," : "12,";
  text += "0]";
  auto doc = MustParse(text);
  auto items = doc->root().items();
  ASSERT_EQ(items.size(), 20001u);
  for (std::size_t k : {std::size_t{0}, std::size_t{1}, std::size_t{777}, std::size_t{20000}}) {
    std::uint32_t off = items[k]->pos();
    int want = 1;  // naive count of code points before `off`
    for (std::uint32_t i = 0; i < off; ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++want;
    }
    EXPECT_EQ(doc->Position(off).line, 1);
    EXPECT_EQ(doc->Position(off).column, want) << k;
  }
  for (const Value* v : items) (void)doc->Position(v->pos());  // 20,001 lookups: fast
  // Pointers too: children are found by binary search (a scan was quadratic over findings).
  EXPECT_EQ(doc->PointerAt(items[0]->pos()), "/0");
  EXPECT_EQ(doc->PointerAt(items[777]->pos()), "/777");
  EXPECT_EQ(doc->PointerAt(items[20000]->pos()), "/20000");
  for (const Value* v : items) (void)doc->PointerAt(v->pos());
  auto obj = MustParse(R"({"a": 1, "b": {"x": [0, {"y": 2}]}, "c": 3})");
  const Value* y = obj->root().Find("b")->Find("x")->items()[1]->Find("y");
  EXPECT_EQ(obj->PointerAt(y->pos()), "/b/x/1/y");
  EXPECT_EQ(obj->PointerAt(obj->root().Find("c")->pos()), "/c");
  EXPECT_EQ(obj->PointerAt(obj->root().members()[0].key_pos), "/a");
}

TEST(Document, CommentsDoNotShiftPositions) {
  auto doc = MustParse("{\n  // note\n  /* x */ \"a\": [1, 2]\n}");
  const Value* two = doc->root().Find("a")->items()[1];
  LineCol lc = doc->Position(two->pos());
  EXPECT_EQ(lc.line, 3);
  EXPECT_EQ(lc.column, 20);
  EXPECT_EQ(doc->PointerAt(two->pos()), "/a/1");
}

TEST(Document, PointerEscapesAndKeys) {
  auto doc = MustParse(R"({"a/b": {"c~d": [0, {"e": 1}]}})");
  const Member* m = doc->root().Find("a/b")->Find("c~d")->items()[1]->FindMember("e");
  EXPECT_EQ(doc->PointerAt(m->value->pos()), "/a~1b/c~0d/1/e");
  EXPECT_EQ(doc->PointerAt(m->key_pos), "/a~1b/c~0d/1/e");
  EXPECT_EQ(doc->PointerAt(doc->root().pos()), "");
}

TEST(Document, ParseErrorCarriesLineAndColumn) {
  auto doc = Document::Parse("bad.json", "{\n  \"a\": 1,\n  \"b\" 2\n}");
  ASSERT_FALSE(doc.ok());
  std::optional<SourceLocation> at = GetSourceLocation(doc.status());
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->file, "bad.json");
  EXPECT_EQ(at->line, 3);
  EXPECT_EQ(at->column, 7);
  EXPECT_NE(doc.status().message().find("expected ':'"), absl::string_view::npos);
}

TEST(Document, LoadMissingFileIsNotFound) {
  auto doc = Document::Load("/nonexistent/armlint/file.json");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace armlint::internal
