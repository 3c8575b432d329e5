// Tests the 2-space pretty printer behind the JSON and SARIF reports.
#include "report/json_writer.h"

#include <sstream>

#include "gtest/gtest.h"
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace armlint::internal {
namespace {

std::string Pretty(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  EXPECT_FALSE(ec) << ec.message();
  std::ostringstream out;
  WritePrettyJson(v, out);
  return out.str();
}

TEST(JsonWriter, IndentsTwoSpacesAndKeepsKeyOrder) {
  EXPECT_EQ(Pretty(R"({"b":1,"a":[true,null,{"x":"y"}],"e":{},"f":[]})"),
            "{\n"
            "  \"b\": 1,\n"
            "  \"a\": [\n"
            "    true,\n"
            "    null,\n"
            "    {\n"
            "      \"x\": \"y\"\n"
            "    }\n"
            "  ],\n"
            "  \"e\": {},\n"
            "  \"f\": []\n"
            "}\n");
}

TEST(JsonWriter, EscapesStringsAndKeys) {
  EXPECT_EQ(Pretty(R"({"k\"\n":"<\u0001>\\"})"), "{\n  \"k\\\"\\n\": \"<\\u0001>\\\\\"\n}\n");
  EXPECT_EQ(Pretty(R"("caf\u00e9")"), "\"caf\xc3\xa9\"\n");
  // Doubles (scores) in plain notation, shortest form that reads back the same.
  EXPECT_EQ(Pretty("[1.5,-2,72.5,100.0,0.1]"), "[\n  1.5,\n  -2,\n  72.5,\n  100,\n  0.1\n]\n");
}

// Separators and indentation come from a fixed slice up to depth 60 and are written one by one
// below it: the layout is the same on both sides of that depth, for keys and array items, and
// for a key too long for the one-append path.
TEST(JsonWriter, LayoutIsTheSameAtEveryDepth) {
  const std::string long_key(100, 'k');
  const int depth = 70;
  std::ostringstream out;
  {
    PrettyJsonWriter w(out);
    for (int i = 0; i < depth; ++i) {
      if (i % 2) {
        w.BeginArray();
        w.Int(1);
      } else {
        w.BeginObject();
        w.Member("a", 0);
        w.Key(i == 41 ? long_key : "b");
      }
    }
    w.Null();
    for (int i = depth; i-- > 0;) i % 2 ? w.EndArray() : w.EndObject();
    w.Finish();
  }
  auto indent = [](int n) { return std::string(2 * n, ' '); };
  std::string want;
  for (int i = 0; i < depth; ++i) {
    const std::string in = indent(i + 1);
    want += i % 2 ? "[\n" + in + "1,\n" + in
                  : "{\n" + in + "\"a\": 0,\n" + in + "\"" + (i == 41 ? long_key : "b") + "\": ";
  }
  want += "null";
  for (int i = depth; i-- > 0;) want += "\n" + indent(i) + (i % 2 ? "]" : "}");
  want += "\n";
  EXPECT_EQ(out.str(), want);
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacter) {
  boost::json::object o;
  o["k\xff"] = "v\xc3";
  std::ostringstream out;
  WritePrettyJson(o, out);
  EXPECT_EQ(out.str(), "{\n  \"k\xEF\xBF\xBD\": \"v\xEF\xBF\xBD\"\n}\n");
}

TEST(JsonWriter, StreamsTheSameLayoutAsAValue) {
  std::ostringstream out;
  {
    PrettyJsonWriter w(out);
    w.BeginObject();
    w.Member("b", 1);
    w.Key("a");
    w.BeginArray();
    w.Bool(true);
    w.Null();
    w.BeginObject();
    w.Member("x", "y");
    w.EndObject();
    w.EndArray();
    w.Key("e");
    w.BeginObject();
    w.EndObject();
    w.Key("f");
    w.BeginArray();
    w.EndArray();
    w.Member("d", 72.5);
    w.EndObject();
    w.Finish();
  }
  // Written out rather than compared with Pretty(), which goes through the same writer.
  EXPECT_EQ(out.str(),
            "{\n"
            "  \"b\": 1,\n"
            "  \"a\": [\n"
            "    true,\n"
            "    null,\n"
            "    {\n"
            "      \"x\": \"y\"\n"
            "    }\n"
            "  ],\n"
            "  \"e\": {},\n"
            "  \"f\": [],\n"
            "  \"d\": 72.5\n"
            "}\n");
}

// Pieces rendered apart and appended in order read exactly as if written in one go.
TEST(JsonWriter, DetachedPiecesJoinIntoTheSameDocument) {
  auto write_items = [](PrettyJsonWriter& w, int from, int to) {
    for (int i = from; i < to; ++i) {
      w.BeginObject();
      w.Member("n", i);
      w.EndObject();
    }
  };
  std::ostringstream whole;
  {
    PrettyJsonWriter w(whole);
    w.BeginObject();
    w.Member("a", "b");
    w.Key("items");
    w.BeginArray();
    write_items(w, 0, 5);
    w.EndArray();
    w.EndObject();
    w.Finish();
  }
  std::ostringstream pieces;
  {
    PrettyJsonWriter w(pieces);
    w.BeginObject();
    w.Member("a", "b");
    w.Key("items");
    w.BeginArray();
    PrettyJsonWriter first = w.Detached(false);
    PrettyJsonWriter second = w.Detached(true);
    write_items(first, 0, 2);
    write_items(second, 2, 5);
    w.Append(std::move(first).Take());
    w.Append(std::move(second).Take());
    w.EndArray();
    w.EndObject();
    w.Finish();
  }
  EXPECT_EQ(pieces.str(), whole.str());
  EXPECT_NE(whole.str().find("\"n\": 4"), std::string::npos);
}

TEST(JsonWriter, EscapesEveryControlCharacterAndKeepsUtf8) {
  std::string s;
  for (int c = 0; c < 0x20; ++c) s += static_cast<char>(c);
  s += "\"\\\x7f caf\xc3\xa9";
  std::string out;
  AppendJsonString(out, s);
  EXPECT_EQ(out,
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
            "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019"
            "\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\\x7f caf\xc3\xa9\"");
  // The same bytes through boost::json's serializer, which the layout has always matched.
  EXPECT_EQ(out, boost::json::serialize(boost::json::value(s)));
  // A stray continuation byte after an escape: replaced, and the escape still made.
  out.clear();
  AppendJsonString(out, "a\tb\x80");
  EXPECT_EQ(out, "\"a\\tb\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace armlint::internal
