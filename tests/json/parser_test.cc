// Tests for the lenient JSON parser: values, positions, ARM's extensions and errors.
#include "json/parser.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(Parser, ParsesScalarsWithPositions) {
  Arena arena;
  std::string text = R"({"a": 1, "b": -2.5e1, "c": "x", "d": true, "e": null})";
  ParseOutput out = ParseJson(text, arena);
  ASSERT_NE(out.root, nullptr) << out.error.message;
  const Value& root = *out.root;
  ASSERT_TRUE(root.is_object());
  EXPECT_EQ(root.pos(), 0u);
  EXPECT_EQ(root.Find("a")->int_value(), 1);
  EXPECT_EQ(root.Find("a")->pos(), text.find('1'));
  EXPECT_DOUBLE_EQ(root.Find("b")->double_value(), -25.0);
  EXPECT_EQ(root.Find("c")->string_value(), "x");
  EXPECT_EQ(root.Find("c")->pos(), text.find("\"x\""));
  EXPECT_TRUE(root.Find("d")->bool_value());
  EXPECT_TRUE(root.Find("e")->is_null());
  EXPECT_EQ(root.FindMember("d")->key_pos, text.find("\"d\""));
}

TEST(Parser, KeysAreCaseInsensitiveAndLastDuplicateWins) {
  Arena arena;
  ParseOutput out = ParseJson(R"({"Name": 1, "name": 2, "other": 3})", arena);
  ASSERT_NE(out.root, nullptr);
  EXPECT_EQ(out.root->members().size(), 2u);
  EXPECT_EQ(out.root->Find("NAME")->int_value(), 2);
  EXPECT_EQ(out.duplicate_keys.size(), 1u);
}

// Objects of more than 16 members take the hash-set path: the same rule, last one wins, order
// of the kept members as written.
TEST(Parser, DuplicatesInLargeObjectsLastOneWins) {
  std::string text = "{";
  for (int i = 0; i < 20; ++i)
    text += "\"key" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  text += "\"KEY3\": 100, \"Key7\": 200, \"key3\": 300}";
  Arena arena;
  ParseOutput out = ParseJson(text, arena);
  ASSERT_NE(out.root, nullptr) << out.error.message;
  ASSERT_EQ(out.root->members().size(), 20u);
  EXPECT_EQ(out.root->Find("key3")->int_value(), 300);
  EXPECT_EQ(out.root->Find("KEY7")->int_value(), 200);
  EXPECT_EQ(out.root->members()[0].key, "key0");
  EXPECT_EQ(out.root->members()[17].key, "key19");
  EXPECT_EQ(out.root->members()[18].key, "Key7");
  EXPECT_EQ(out.root->members()[19].key, "key3");
  EXPECT_EQ(out.duplicate_keys.size(), 3u);
}

// The parser counts each container's nodes() as it reads (duplicates dropped), where the other
// factories count their items': both give a count of the tree as it is kept. Random documents
// with duplicate keys in objects of every size.
std::uint64_t CountNodes(const Value& v) {
  std::uint64_t n = 1;
  if (v.is_array()) {
    for (const Value* i : v.items()) n += CountNodes(*i);
  } else if (v.is_object()) {
    for (const Member& m : v.members()) n += CountNodes(*m.value);
  }
  return n;
}

void RandomJson(std::mt19937& rng, int depth, std::string& out) {
  const unsigned pick = depth > 4 ? rng() % 3 : rng() % 5;
  if (pick < 3) {
    out += pick == 0 ? "1" : pick == 1 ? "\"s\"" : "null";
  } else if (pick == 3) {
    out += "[";
    for (int i = static_cast<int>(rng() % 4); i > 0; --i) {
      RandomJson(rng, depth + 1, out);
      if (i > 1) out += ", ";
    }
    out += "]";
  } else {
    const char* keys[] = {"a", "A", "b", "name", "NAME", "type", "k1", "k2", "k3", "k4"};
    out += "{";
    for (int i = static_cast<int>(rng() % 24); i > 0; --i) {
      out += "\"";
      out += keys[rng() % std::size(keys)];
      if (rng() % 3 == 0) out += std::to_string(rng() % 20);
      out += "\": ";
      RandomJson(rng, depth + 1, out);
      if (i > 1) out += ", ";
    }
    out += "}";
  }
}

TEST(Parser, CountsTheNodesOfTheTreeAsKept) {
  std::mt19937 rng(11);
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    RandomJson(rng, 0, text);
    Arena arena;
    ParseOutput out = ParseJson(text, arena);
    ASSERT_NE(out.root, nullptr) << out.error.message << "\n" << text;
    ASSERT_EQ(out.root->nodes(), CountNodes(*out.root)) << text;
  }
}

TEST(Parser, AcceptsCommentsTrailingCommasAndMultiLineStrings) {
  Arena arena;
  std::string text =
      "// leading\n{\n  /* block */ \"a\": [1, 2,],\n  \"s\": \"line1\nline2\",\n}\n// end";
  ParseOutput out = ParseJson(text, arena);
  ASSERT_NE(out.root, nullptr) << out.error.message;
  EXPECT_EQ(out.root->Find("a")->items().size(), 2u);
  EXPECT_EQ(out.root->Find("s")->string_value(), "line1\nline2");
  ASSERT_EQ(out.comments.size(), 3u);
  EXPECT_EQ(out.comments[0].text, " leading");
  EXPECT_EQ(out.comments[1].text, " block ");
}

TEST(Parser, DecodesEscapes) {
  Arena arena;
  ParseOutput out = ParseJson(R"(["a\"b\\c\/\n\t", "\u00e9\ud83d\ude00", "\ud800x"])", arena);
  ASSERT_NE(out.root, nullptr) << out.error.message;
  auto items = out.root->items();
  EXPECT_EQ(items[0]->string_value(), "a\"b\\c/\n\t");
  EXPECT_EQ(items[1]->string_value(), "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(items[2]->string_value(), "\xEF\xBF\xBDx");  // lone surrogate -> U+FFFD
}

TEST(Parser, SkipsByteOrderMark) {
  Arena arena;
  ParseOutput out = ParseJson("\xEF\xBB\xBF{\"a\": 1}", arena);
  ASSERT_NE(out.root, nullptr);
  EXPECT_EQ(out.root->pos(), 3u);
}

TEST(Parser, LargeIntegersBecomeDoubles) {
  Arena arena;
  ParseOutput out = ParseJson("[9223372036854775807, 9223372036854775808]", arena);
  ASSERT_NE(out.root, nullptr);
  EXPECT_TRUE(out.root->items()[0]->is_int());
  EXPECT_TRUE(out.root->items()[1]->is_double());
}

struct ErrorCase {
  const char* text;
  std::uint32_t pos;
  const char* message_part;
};

TEST(Parser, ReportsErrorsAtTheOffendingCharacter) {
  const ErrorCase cases[] = {
      {"", 0, "empty document"},
      {"   ", 3, "empty document"},
      {"{\"a\" 1}", 5, "expected ':'"},
      {"{\"a\": 1 \"b\": 2}", 8, "expected ',' or '}'"},
      {"[1 2]", 3, "expected ',' or ']'"},
      {"[1, 2", 0, "unterminated array"},
      {"{\"a\": \"x", 6, "unterminated string"},
      {"{\"a\": tru}", 6, "invalid literal"},
      {"{\"a\": 01x}", 8, "expected ',' or '}'"},
      {"{\"a\": -}", 7, "invalid number"},
      {"{} x", 3, "after the JSON value"},
      {"{a: 1}", 1, "property name in double quotes"},
      {"/* open", 0, "unterminated /* comment"},
      {"[\"\\x\"]", 2, "invalid escape"},
      {"[\"\xff\"]", 2, "invalid UTF-8"},
      {"[1e999]", 1, "out of range"},
  };
  for (const ErrorCase& c : cases) {
    Arena arena;
    ParseOutput out = ParseJson(c.text, arena);
    EXPECT_EQ(out.root, nullptr) << c.text;
    EXPECT_EQ(out.error.pos, c.pos) << c.text << ": " << out.error.message;
    EXPECT_NE(out.error.message.find(c.message_part), std::string::npos)
        << c.text << ": " << out.error.message;
  }
}

TEST(Parser, BoundsNestingDepth) {
  Arena arena;
  std::string deep(200000, '[');
  ParseOutput out = ParseJson(deep, arena);
  EXPECT_EQ(out.root, nullptr);
  EXPECT_NE(out.error.message.find("kMaxJsonDepth"), std::string::npos);
}

// Strings and whitespace are scanned 16 and 8 bytes at a time, then byte by byte: every
// length, with the byte that ends the scan (a quote, an escape, a non-ASCII letter, a raw
// line break) at every offset, and whitespace runs of every length before and after.
TEST(Parser, ScansStringsAndWhitespaceOfEveryLengthAndOffset) {
  const std::string ws_kinds = " \n\t\r";
  struct Special {
    std::string raw;      // as written in the JSON text
    std::string decoded;  // as it reads
  };
  const Special specials[] = {{"", ""},
                              {"\\n", "\n"},
                              {"\\\"", "\""},
                              {"\xC3\xA9", "\xC3\xA9"},
                              {"\xE2\x82\xAC", "\xE2\x82\xAC"},
                              {"\n", "\n"},
                              {"\\u00e9", "\xC3\xA9"}};
  for (std::size_t len = 0; len <= 40; ++len) {
    for (std::size_t at = 0; at <= len; ++at) {
      for (const Special& sp : specials) {
        std::string raw, decoded;
        for (std::size_t i = 0; i < len; ++i) {
          if (i == at) {
            raw += sp.raw;
            decoded += sp.decoded;
          }
          raw += static_cast<char>('a' + i % 26);
          decoded += static_cast<char>('a' + i % 26);
        }
        if (at == len) {
          raw += sp.raw;
          decoded += sp.decoded;
        }
        std::string before, after;
        for (std::size_t i = 0; i < (len + at) % 37; ++i) before += ws_kinds[(i * 7 + at) % 4];
        for (std::size_t i = 0; i < (len * 3 + at) % 41; ++i) after += ws_kinds[(i + len) % 4];
        const std::string text = "[" + before + "\"" + raw + "\"" + after + "]";
        Arena arena;
        ParseOutput out = ParseJson(text, arena);
        ASSERT_NE(out.root, nullptr) << out.error.message << ": " << text;
        ASSERT_EQ(out.root->items().size(), 1u) << text;
        EXPECT_EQ(out.root->items()[0]->string_value(), decoded) << text;
        EXPECT_EQ(out.root->items()[0]->pos(), 1 + before.size()) << text;
        // The same string unterminated: the error is at its opening quote.
        const std::string open = "[" + before + "\"" + raw;
        Arena arena2;
        ParseOutput bad = ParseJson(open, arena2);
        EXPECT_EQ(bad.root, nullptr) << open;
        EXPECT_EQ(bad.error.pos, 1 + before.size()) << open << ": " << bad.error.message;
      }
      // A byte that is not UTF-8 at this offset is an error there.
      std::string text = "[\"" + std::string(len, 'x') + "\"]";
      text.insert(2 + at, "\xFF");
      Arena arena;
      ParseOutput out = ParseJson(text, arena);
      EXPECT_EQ(out.root, nullptr) << len << " " << at;
      EXPECT_EQ(out.error.pos, 2 + at) << out.error.message;
    }
  }
}

TEST(Parser, StringsWithoutEscapesAreViewsIntoTheText) {
  Arena arena;
  std::string text = R"({"k": "value"})";
  ParseOutput out = ParseJson(text, arena);
  ASSERT_NE(out.root, nullptr);
  EXPECT_EQ(out.root->Find("k")->string_value().data(), text.data() + 7);
}

}  // namespace
}  // namespace armlint::internal
