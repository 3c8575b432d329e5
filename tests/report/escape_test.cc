// Tests the XML and Markdown escaping and Sentence().
#include "report/escape.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(XmlEscape, EntitiesAndControls) {
  EXPECT_EQ(XmlEscape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(XmlEscape("]]>"), "]]&gt;");
  EXPECT_EQ(XmlEscape("x\ny\tz\r"), "x&#10;y&#9;z&#13;");
  EXPECT_EQ(XmlEscape(std::string("a\0b\x1b", 4)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscape("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(MarkdownEscape, Punctuation) {
  EXPECT_EQ(MarkdownEscape("a|b"), "a\\|b");
  EXPECT_EQ(MarkdownEscape("*x* _y_ `z` [l](u)"), "\\*x\\* \\_y\\_ \\`z\\` \\[l\\]\\(u\\)");
  EXPECT_EQ(MarkdownEscape("<b>&"), "&lt;b&gt;&amp;");
  EXPECT_EQ(MarkdownEscape("a\r\nb"), "a<br>b");
  EXPECT_EQ(MarkdownLinkTarget("https://x/a b)c"), "https://x/a%20b%29c");
}

TEST(Escape, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(XmlEscape("a\xff<"), "a\xEF\xBF\xBD&lt;");
  EXPECT_EQ(MarkdownEscape("\xfe|"), "\xEF\xBF\xBD\\|");
}

TEST(Sentence, EndsWithPunctuation) {
  EXPECT_EQ(Sentence("No TLS"), "No TLS.");
  EXPECT_EQ(Sentence("No TLS.  \n"), "No TLS.");
  EXPECT_EQ(Sentence("Why?"), "Why?");
  EXPECT_EQ(Sentence(""), "");
}

}  // namespace
}  // namespace armlint::internal
