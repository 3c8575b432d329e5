// name_rules: every row's pattern parses, and the matcher agrees with the pattern read as the
// ECMAScript regex it is written as (std::regex here only, as the reference).
#include "rules/checks/name_rules.h"

#include <regex>
#include <string>

#include "gtest/gtest.h"

namespace armlint::internal::checks {
namespace {

// Every string of up to `max_len` characters over `alphabet`, in turn.
template <typename Fn>
void ForEachString(std::string_view alphabet, std::size_t max_len, Fn fn) {
  std::string s;
  auto rec = [&](auto&& self) -> void {
    fn(s);
    if (s.size() == max_len) return;
    for (char c : alphabet) {
      s.push_back(c);
      self(self);
      s.pop_back();
    }
  };
  rec(rec);
}

TEST(NameRules, EveryPatternMatchesAsTheRegexItIsWrittenAs) {
  // One character of each kind the classes tell apart: lower, upper, digit, '-', '_', '.' and
  // one no class allows.
  constexpr std::string_view kAlphabet = "aZ0-_.!";
  for (const NameRule& row : NameRules()) {
    std::optional<NamePattern> pattern = NamePattern::Parse(row.pattern);
    ASSERT_TRUE(pattern.has_value()) << row.type << ": " << row.pattern;
    const std::regex re{std::string(row.pattern)};
    int mismatches = 0;
    ForEachString(kAlphabet, 5, [&](const std::string& s) {
      if (pattern->Matches(s) != std::regex_match(s, re) && ++mismatches <= 3) {
        ADD_FAILURE() << row.type << " " << row.pattern << ": '" << s << "'";
      }
    });
    EXPECT_EQ(mismatches, 0) << row.type;
  }
}

TEST(NameRules, NamesOfEachShape) {
  auto matches = [](std::string_view pattern, std::string_view name) {
    return NamePattern::Parse(pattern)->Matches(name);
  };
  EXPECT_TRUE(matches("[a-z0-9]*", ""));
  EXPECT_FALSE(matches("[a-z0-9]*", "aB"));
  EXPECT_TRUE(matches("[a-z0-9](?!.*--)[a-z0-9-]*", "a-b-"));
  EXPECT_FALSE(matches("[a-z0-9](?!.*--)[a-z0-9-]*", "a--b"));
  EXPECT_TRUE(matches("[a-zA-Z]([a-zA-Z0-9-]*[a-zA-Z0-9])?", "x"));
  EXPECT_FALSE(matches("[a-zA-Z]([a-zA-Z0-9-]*[a-zA-Z0-9])?", "x-"));
  EXPECT_TRUE(matches("[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9_])?", "vnet.a-b_"));
  EXPECT_FALSE(NamePattern::Parse("[a-z]+").has_value());
  EXPECT_FALSE(NamePattern::Parse("[a-z]([a-z]*[a-z])").has_value());
}

}  // namespace
}  // namespace armlint::internal::checks
