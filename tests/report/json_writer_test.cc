// Tests the 2-space pretty printer behind the JSON and SARIF reports.
#include "report/json_writer.h"

#include <sstream>

#include "gtest/gtest.h"
#include <boost/json/parse.hpp>

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

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacter) {
  boost::json::object o;
  o["k\xff"] = "v\xc3";
  std::ostringstream out;
  WritePrettyJson(o, out);
  EXPECT_EQ(out.str(), "{\n  \"k\xEF\xBF\xBD\": \"v\xEF\xBF\xBD\"\n}\n");
}

}  // namespace
}  // namespace armlint::internal
