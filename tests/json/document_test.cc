// Tests for Document: line:column positions (LF, CRLF, BOM, UTF-8) and JSON pointers.
#include "json/document.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

#include "util/input_error.h"

namespace armlint::internal {
namespace {

std::unique_ptr<Document> MustParse(std::string text) {
  auto doc = Document::Parse("t.json", std::move(text));
  EXPECT_TRUE(doc.ok()) << doc.status();
  return std::move(*doc);
}

TEST(Document, ABorrowedTextIsParsedInPlace) {
  const std::string text = "{\n  \"a\": [1, \"x\"]\n}";
  auto borrowed = Document::ParseBorrowed("b.json", text);
  ASSERT_TRUE(borrowed.ok()) << borrowed.status();
  EXPECT_EQ((*borrowed)->text().data(), text.data());  // not copied
  auto copied = MustParse(text);
  EXPECT_EQ((*borrowed)->root().Find("a")->items().size(), 2u);
  EXPECT_EQ((*borrowed)->Position((*borrowed)->root().Find("a")->pos()).line,
            copied->Position(copied->root().Find("a")->pos()).line);
  auto bad = Document::ParseBorrowed("b.json", "{\"a\": }");
  ASSERT_FALSE(bad.ok());  // an error at b.json:1:7, as Parse's (ParseErrorCarriesLineAndColumn)
  EXPECT_EQ(GetSourceLocation(bad.status()).value_or(SourceLocation{}).column, 7);
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

// Lines are counted per 4 KB block and then within a block: every offset of texts with short
// lines, lines longer than a block and empty lines must give what counting from the start
// gives.
TEST(Document, PositionsAcrossLineBlocksMatchCountingFromTheStart) {
  std::mt19937 rng(11);
  for (int round = 0; round < 6; ++round) {
    std::string text = "[\"";
    const std::size_t size = 3000 + 4000 * static_cast<std::size_t>(round);
    while (text.size() < size) {
      switch (rng() % 8) {
        case 0:
          text += '\n';
          break;
        case 1:
          text += "\xC3\xA9";  // a two-byte character
          break;
        case 2:
          if (round % 2 == 1) text.append(5000, 'x');  // a line longer than a block
          break;
        default:
          text += 'a';
      }
    }
    text += "\"]";
    std::unique_ptr<Document> doc = MustParse(text);
    int line = 1, column = 1;
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
      if (offset % 7 == 0 || text.size() - offset < 3) {
        LineCol lc = doc->Position(static_cast<std::uint32_t>(offset));
        ASSERT_EQ(lc.line, line) << round << " " << offset;
        ASSERT_EQ(lc.column, column) << round << " " << offset;
      }
      if (offset == text.size()) break;
      if (text[offset] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) {
        ++column;
      }
    }
  }
}

// A rule's document lives as long as the run: its arena is sized to its text, not to the 16 KB
// a linted file's arena starts with (some 350 rules left 5 MB of blocks empty).
TEST(Document, ASmallParsedTextTakesASmallArena) {
  std::string text = R"({"id": "rule", "problem": "a text of some length", "list": [1, 2, 3]})";
  auto doc = MustParse(text);
  EXPECT_GT(doc->arena().bytes_allocated(), 0u);
  EXPECT_LE(doc->arena().bytes_reserved(), 2048u);
  std::string large = "[" + std::string(20000, ' ') + "1]";
  EXPECT_GE(MustParse(large)->arena().bytes_reserved(), 16u * 1024);
}

TEST(Document, PointerTokensRoundTrip) {
  EXPECT_EQ(EscapePointerToken("a/b~c"), "a~1b~0c");
  EXPECT_EQ(UnescapePointerToken("a~1b~0c"), "a/b~c");
  EXPECT_EQ(UnescapePointerToken("~01"), "~1") << "one pass: ~0 then a plain 1";
  for (std::string_view t : {"", "plain", "Microsoft.Web/sites", "~/~0/~1", "~"}) {
    EXPECT_EQ(UnescapePointerToken(EscapePointerToken(t)), t);
  }
}

}  // namespace
}  // namespace armlint::internal
