// The string order of ARM's comparison functions: .NET invariant-culture comparison, modelled
// on the Unicode root collation (functions/collation.h), on ASCII and common Latin text.
#include "arm/functions/collation.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

TEST(Collation, DocumentedExample) {
  // greater('A', 'a') is true (template-functions-comparison).
  EXPECT_GT(CompareInvariantCulture("A", "a"), 0);
  EXPECT_LT(CompareInvariantCulture("a", "A"), 0);
  EXPECT_EQ(CompareInvariantCulture("a", "a"), 0);
}

TEST(Collation, CaseDecidesOnlyWhenTheLettersTie) {
  EXPECT_LT(CompareInvariantCulture("a", "B"), 0);  // byte order: 'B' < 'a'
  EXPECT_LT(CompareInvariantCulture("Apple", "banana"), 0);
  EXPECT_LT(CompareInvariantCulture("apple", "Apple"), 0);
  EXPECT_LT(CompareInvariantCulture("Apple", "apples"), 0);  // length before case
  EXPECT_LT(CompareInvariantCulture("ab", "Ab"), 0);
  EXPECT_LT(CompareInvariantCulture("aB", "Ab"), 0);  // the first case difference decides
}

TEST(Collation, WhitespacePunctuationDigitsLetters) {
  // Root order: whitespace < punctuation < symbols < digits < letters.
  const std::vector<std::string> sorted = {" ",  "_", "-", ",", ";", ":", "!", "?", ".", "'",
                                           "\"", "(", ")", "[", "]", "{", "}", "@", "*", "/",
                                           "\\", "&", "#", "%", "`", "^", "+", "<", "=", ">",
                                           "|",  "~", "$", "0", "1", "9", "a", "A", "b", "z"};
  for (std::size_t i = 0; i + 1 < sorted.size(); ++i) {
    EXPECT_LT(CompareInvariantCulture(sorted[i], sorted[i + 1]), 0)
        << "'" << sorted[i] << "' < '" << sorted[i + 1] << "'";
    EXPECT_GT(CompareInvariantCulture(sorted[i + 1], sorted[i]), 0);
  }
  EXPECT_LT(CompareInvariantCulture("10", "9"), 0);  // no numeric sort
  EXPECT_LT(CompareInvariantCulture("vm-1", "vm1"), 0);
  EXPECT_LT(CompareInvariantCulture("vm_1", "vm-1"), 0);
}

TEST(Collation, AccentsAfterLettersBeforeCase) {
  EXPECT_LT(CompareInvariantCulture("resume", "résumé"), 0);
  EXPECT_LT(CompareInvariantCulture("résumé", "resumes"), 0);  // letters first
  EXPECT_LT(CompareInvariantCulture("cote", "côte"), 0);
  EXPECT_LT(CompareInvariantCulture("Cote", "côte"), 0);  // accent before case
  EXPECT_LT(CompareInvariantCulture("á", "à"), 0);        // acute < grave
  EXPECT_LT(CompareInvariantCulture("ä", "z"), 0);
  EXPECT_LT(CompareInvariantCulture("Ärger", "Zebra"), 0);
  EXPECT_LT(CompareInvariantCulture("ł", "m"), 0);
  EXPECT_LT(CompareInvariantCulture("Škoda", "Tatra"), 0);
  // A precomposed letter equals its decomposed form (e + U+0301).
  EXPECT_EQ(CompareInvariantCulture("\xC3\xA9", "e\xCC\x81"), 0);
}

TEST(Collation, LigaturesAsLetterPairs) {
  EXPECT_LT(CompareInvariantCulture("ss", "ß"), 0);
  EXPECT_LT(CompareInvariantCulture("ß", "st"), 0);
  EXPECT_LT(CompareInvariantCulture("ae", "æ"), 0);
  EXPECT_LT(CompareInvariantCulture("æ", "af"), 0);
}

TEST(Collation, ControlCharactersAreIgnored) {
  EXPECT_EQ(CompareInvariantCulture("ab", std::string("a\0b", 3)), 0);
  EXPECT_EQ(CompareInvariantCulture("ab",
                                    "a\x01"
                                    "b"),
            0);
  EXPECT_LT(CompareInvariantCulture("a b", "ab"), 0);  // a space is not ignored
}

TEST(Collation, OtherScriptsAfterLatinByCodePoint) {
  EXPECT_LT(CompareInvariantCulture("z", "α"), 0);
  EXPECT_LT(CompareInvariantCulture("α", "β"), 0);
  EXPECT_LT(CompareInvariantCulture("β", "日本"), 0);
}

TEST(Collation, Antisymmetric) {
  const std::vector<std::string> words = {"",          "a",  "A", "ab",   "aB",  "Ab", "é",
                                          "e\xCC\x81", "E",  "ß", "SS",   "ss",  "10", "9",
                                          "-x",        "x-", "_", "\xff", "\xc3"};
  for (const std::string& x : words) {
    for (const std::string& y : words) {
      EXPECT_EQ(Sign(CompareInvariantCulture(x, y)), -Sign(CompareInvariantCulture(y, x)))
          << x << " vs " << y;
    }
  }
}

}  // namespace
}  // namespace armlint::internal
