// Tests for policy cache files: findings, listings and skipped reasons equal to loading the
// sources (conformance fixtures and the real built-ins), staleness, bad caches, category.
#include "policy/policy_cache.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"
#include "support/conformance_folder.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

std::string TestData() { return std::string(ARMLINT_SOURCE_DIR) + "/tests/policy/testdata"; }

class PolicyCache : public ::testing::Test {
 public:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("armlint_pcache_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "defs");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
    return p.string();
  }
  // The cache of the definitions in defs/, written to p.cache; its path.
  std::string WriteDefsCache();
  fs::path dir_;
};

std::string Def(const std::string& name, const std::string& equals) {
  return R"({"name": ")" + name + R"(", "properties": {"displayName": "D )" + name +
         R"(", "mode": "All", "policyRule": {"if": {"allOf": [
           {"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
           {"field": "location", "equals": ")" +
         equals + R"("}]}, "then": {"effect": "audit"}}}})";
}

constexpr const char* kTemplate = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
                 "name": "st1", "location": "eastus", "properties": {}}]})";

// Everything a run shows about findings, as one comparable string.
std::string Describe(const LintResult& r) {
  std::ostringstream out;
  for (const Finding& f : r.findings) {
    out << f.location.file << ":" << f.location.line << ":" << f.location.column << " " << f.rule_id
        << " " << ImpactName(f.impact) << " " << CategoryName(f.category) << " " << f.effect << " "
        << static_cast<int>(f.outcome) << " " << f.impacted_value << " " << f.problem << " | "
        << f.solution << " | " << f.value << "\n";
  }
  for (const armlint::InputError& e : r.errors) {
    out << "error " << e.location.file << ":" << e.location.line << " " << e.message << "\n";
  }
  // The scores' counts: a cache's rules that no finding names are counted without being made.
  for (const FileSummary& f : r.files_linted) {
    out << f.path;
    for (int c = 0; c < kCategoryCount; ++c) {
      for (int i = 0; i < kImpactCount; ++i) {
        out << " " << f.assessments.assessed[c][i] << "/" << f.assessments.failed[c][i] << "/"
            << f.assessments.unknown[c][i];
      }
    }
    out << "\n";
  }
  return out.str();
}

std::string Describe(const Engine& e) {
  std::ostringstream out;
  for (const RuleInfo& r : e.Rules()) {
    out << r.id << " " << CategoryName(r.category) << " " << ImpactName(r.impact) << " " << r.effect
        << " " << r.source << " " << r.problem << " " << r.solution << " " << r.learn_more_link
        << " " << r.condition_json;
    for (const std::string& t : r.resource_types) out << " " << t;
    if (r.policy) out << " " << r.policy->name << "/" << r.policy->initiative;
    out << "\n";
  }
  for (const SkippedPolicy& s : e.SkippedPolicies()) {
    out << "skipped " << s.name << " " << s.file << " " << s.reason << "\n";
  }
  for (const armlint::InputError& err : e.PolicyErrors()) {
    out << "error " << err.location.file << ":" << err.location.line << " " << err.message << "\n";
  }
  return out.str();
}

Options Base() {
  Options o;
  o.builtin_rules = false;
  o.use_config = false;
  o.report_unknown = true;
  return o;
}

std::string PolicyCache::WriteDefsCache() {
  Options options = Base();
  options.policy_paths = {(dir_ / "defs").string()};
  std::string cache = (dir_ / "p.cache").string();
  absl::Status written = armlint::WritePolicyCache(options, cache).status();
  EXPECT_TRUE(written.ok()) << written;
  return cache;
}

// Every conformance folder: the same rules, skipped reasons and findings from a cache.
TEST_F(PolicyCache, ConformanceFixturesGiveTheSameFindingsFromTheCache) {
  int folders = 0;
  for (const auto& d : fs::directory_iterator(TestData())) {
    Options options = Base();
    std::vector<std::string> templates =
        ::armlint::testing::ReadConformanceFolder(d.path(), options);
    std::string cache = (dir_ / (d.path().filename().string() + ".cache")).string();
    absl::StatusOr<armlint::PolicyCacheSummary> written = armlint::WritePolicyCache(options, cache);
    ASSERT_TRUE(written.ok()) << written.status();
    Options cached = Base();
    cached.policy_paths = {cache};
    absl::StatusOr<Engine> a = Engine::Create(options);
    absl::StatusOr<Engine> b = Engine::Create(cached);
    ASSERT_TRUE(a.ok() && b.ok()) << d.path();
    EXPECT_TRUE(b->PolicyNotes().empty()) << b->PolicyNotes()[0];
    EXPECT_EQ(Describe(*a), Describe(*b)) << d.path();
    EXPECT_EQ(written->rules, a->Rules().size());
    std::string findings = Describe(a->LintPaths(templates));
    EXPECT_NE(findings, "") << d.path();
    EXPECT_EQ(findings, Describe(b->LintPaths(templates))) << d.path();
    ++folders;
  }
  EXPECT_GE(folders, 10);
}

TEST_F(PolicyCache, ChangedSourceIsLoadedInsteadWithANote) {
  Write("defs/a.json", Def("a", "eastus"));
  std::string tmpl = Write("t.json", kTemplate);
  std::string cache = WriteDefsCache();
  Options cached = Base();
  cached.policy_paths = {cache};
  {
    absl::StatusOr<Engine> e = Engine::Create(cached);
    ASSERT_TRUE(e.ok());
    EXPECT_TRUE(e->PolicyNotes().empty());
    EXPECT_EQ(e->LintPaths({tmpl}).findings.size(), 1u);
  }
  // Rewritten with the same bytes (the mtime moves): still fresh, by content hash.
  Write("defs/a.json", Def("a", "eastus"));
  {
    absl::StatusOr<Engine> e = Engine::Create(cached);
    ASSERT_TRUE(e.ok());
    EXPECT_TRUE(e->PolicyNotes().empty());
  }
  // Same size, other content: the sources are loaded, and the note names the file.
  Write("defs/a.json", Def("a", "westus"));
  {
    absl::StatusOr<Engine> e = Engine::Create(cached);
    ASSERT_TRUE(e.ok());
    ASSERT_EQ(e->PolicyNotes().size(), 1u);
    EXPECT_NE(e->PolicyNotes()[0].find("a.json changed"), std::string::npos) << e->PolicyNotes()[0];
    EXPECT_EQ(e->LintPaths({tmpl}).findings.size(), 0u);
  }
  WriteDefsCache();
  // A definition added to the folder.
  Write("defs/b.json", Def("b", "eastus"));
  {
    absl::StatusOr<Engine> e = Engine::Create(cached);
    ASSERT_TRUE(e.ok());
    ASSERT_EQ(e->PolicyNotes().size(), 1u);
    EXPECT_NE(e->PolicyNotes()[0].find("b.json was added"), std::string::npos)
        << e->PolicyNotes()[0];
    EXPECT_EQ(e->LintPaths({tmpl}).findings.size(), 1u);  // b fires; a (westus) does not
  }
  // Sources not reachable (a cache shipped alone): used as written.
  WriteDefsCache();
  fs::remove_all(dir_ / "defs");
  {
    absl::StatusOr<Engine> e = Engine::Create(cached);
    ASSERT_TRUE(e.ok());
    EXPECT_TRUE(e->PolicyNotes().empty());
    EXPECT_EQ(e->LintPaths({tmpl}).findings.size(), 1u);
  }
}

// From 512 sources on, the staleness check stat()s them on two threads, each half of the list:
// a change in either half, a file removed or added is seen, and the first change is named.
TEST_F(PolicyCache, StaleSourcesAreFoundInBothHalvesOfManyFiles) {
  auto name = [](int i) { return "defs/d" + std::to_string(100 + i) + ".json"; };
  for (int i = 0; i < 600; ++i) Write(name(i), Def("d" + std::to_string(i), "eastus"));
  Options cached = Base();
  cached.policy_paths = {WriteDefsCache()};
  auto note = [&]() -> std::string {
    absl::StatusOr<Engine> e = Engine::Create(cached);
    EXPECT_TRUE(e.ok());
    return !e.ok() || e->PolicyNotes().empty() ? "" : e->PolicyNotes()[0];
  };
  EXPECT_EQ(note(), "");
  Write(name(550), Def("d550", "westus"));  // same size, other content, in the second half
  EXPECT_NE(note().find("d650.json changed"), std::string::npos) << note();
  Write(name(20), Def("d20", "westus"));  // and in the first: named first
  EXPECT_NE(note().find("d120.json changed"), std::string::npos) << note();
  WriteDefsCache();
  EXPECT_EQ(note(), "");
  fs::remove(dir_ / name(420));
  EXPECT_NE(note().find("d520.json is gone"), std::string::npos) << note();
  WriteDefsCache();
  Write("defs/e.json", Def("e", "eastus"));
  EXPECT_NE(note().find("e.json was added"), std::string::npos) << note();
}

TEST_F(PolicyCache, BadCachesAreErrorsNamingTheProblem) {
  Write("defs/a.json", Def("a", "eastus"));
  std::string cache = WriteDefsCache();
  std::string good;
  {
    std::ifstream in(cache, std::ios::binary);
    good.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto load = [&](const std::string& bytes) {
    Write("bad.cache", bytes);
    PolicyLoadOptions o;
    o.paths = {(dir_ / "bad.cache").string()};
    return LoadPolicies(o);
  };
  std::string version_line = std::string("armlint ") + armlint::Version();
  std::string other = good;
  other.replace(other.find(version_line), version_line.size(), "armlint 0.0.0-old");
  std::string flipped = good;  // a byte of the head (its type index), checked on every read
  std::size_t types = flipped.find("\ntypes\t");
  ASSERT_NE(types, std::string::npos);
  flipped[types + 7] ^= 1;
  struct {
    std::string bytes;
    const char* message;
  } cases[] = {
      {good.substr(0, good.size() - 10), "truncated"},
      {good.substr(0, 30), "truncated"},
      {"", "not an armlint policy cache"},
      {"{\"not\": \"a cache\"}", "not an armlint policy cache"},
      {other, "written by armlint 0.0.0-old"},
      {flipped, "corrupt"},
      {good + "x", "corrupt"},
  };
  for (const auto& c : cases) {
    PolicyLoad l = load(c.bytes);
    ASSERT_EQ(l.errors.size(), 1u) << c.message;
    EXPECT_NE(l.errors[0].message().find(c.message), absl::string_view::npos) << l.errors[0];
    EXPECT_NE(l.errors[0].message().find("--write-cache"), absl::string_view::npos);
    EXPECT_TRUE(l.rules.empty());
  }
  // Every prefix of a cache is refused, never a crash.
  for (std::size_t n = 0; n < good.size(); n += 1 + n / 8) {
    EXPECT_FALSE(load(good.substr(0, n)).errors.empty()) << n;
  }
}

TEST_F(PolicyCache, CategoryFromTheConfigElseTheCached) {
  Write("defs/a.json", Def("a", "eastus"));
  std::string cache = WriteDefsCache();
  PolicyLoadOptions o;
  o.sources = {{cache, "", Category::kCost}};
  PolicyLoad l = LoadPolicies(o);
  ASSERT_EQ(l.rules.size(), 1u);
  l.rules[0]->Load();
  EXPECT_EQ(l.rules[0]->category, Category::kCost);
  o.sources = {{cache, "", std::nullopt}};
  l = LoadPolicies(o);
  ASSERT_EQ(l.rules.size(), 1u);
  l.rules[0]->Load();
  EXPECT_EQ(l.rules[0]->category, Category::kSecurity);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

std::string Initiative(const std::string& name) {
  return R"({"name": ")" + name + R"(", "properties": {"displayName": "Set )" + name +
         R"(", "policyDefinitions": [{"policyDefinitionId":
         "/providers/Microsoft.Authorization/policyDefinitions/a"}]}})";
}

TEST_F(PolicyCache, ADefinitionInSeveralInitiativesIsStoredOnce) {
  Write("defs/a.json", Def("a", "eastus"));
  Write("defs/set1.json", Initiative("set1"));
  Write("defs/set2.json", Initiative("set2"));
  std::string tmpl = Write("t.json", kTemplate);
  Options options = Base();
  options.policy_paths = {(dir_ / "defs").string()};
  std::string cache = (dir_ / "p.cache").string();
  absl::StatusOr<armlint::PolicyCacheSummary> written = armlint::WritePolicyCache(options, cache);
  ASSERT_TRUE(written.ok()) << written.status();
  EXPECT_EQ(written->rules, 2u);                    // a, and a@ the other initiative
  EXPECT_EQ(Count(ReadFile(cache), "eastus"), 1u);  // its payload once
  Options cached = Base();
  cached.policy_paths = {cache};
  absl::StatusOr<Engine> a = Engine::Create(options);
  absl::StatusOr<Engine> b = Engine::Create(cached);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Describe(*a), Describe(*b));  // each rule with its own initiative
  LintResult from_cache = b->LintPaths({tmpl});
  EXPECT_EQ(from_cache.findings.size(), 2u);
  EXPECT_EQ(Describe(a->LintPaths({tmpl})), Describe(from_cache));
}

TEST_F(PolicyCache, AnOlderFormatIsAnErrorSayingSo) {
  Write("defs/a.json", Def("a", "eastus"));
  std::string cache = WriteDefsCache();
  std::string old = ReadFile(cache);
  ASSERT_TRUE(old.starts_with("armlint-policy-cache 4\n"));
  old[std::string("armlint-policy-cache ").size()] = '1';
  Write("old.cache", old);
  PolicyLoadOptions o;
  o.paths = {(dir_ / "old.cache").string()};
  PolicyLoad l = LoadPolicies(o);
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_NE(l.errors[0].message().find("written in cache format 1"), absl::string_view::npos)
      << l.errors[0];
  EXPECT_NE(l.errors[0].message().find("--write-cache"), absl::string_view::npos);
  EXPECT_TRUE(l.rules.empty());
}

// A rule that applies to a resource but finds nothing is scored without being made: from its
// payload, with the pillar and impact the made rule would have.
TEST_F(PolicyCache, RulesThatFindNothingScoreAsFromTheSources) {
  Write("defs/a.json", Def("a", "eastus"));  // kTemplate's location: a finding
  Write("defs/b.json", Def("b", "westus"));  // healthy
  std::string tmpl = Write("t.json", kTemplate);
  Options options = Base();
  options.policy_paths = {(dir_ / "defs").string()};
  Options cached = Base();
  cached.policy_paths = {WriteDefsCache()};
  absl::StatusOr<Engine> a = Engine::Create(options);
  absl::StatusOr<Engine> b = Engine::Create(cached);
  ASSERT_TRUE(a.ok() && b.ok());
  LintResult from_cache = b->LintPaths({tmpl});
  ASSERT_EQ(from_cache.findings.size(), 1u);
  ASSERT_EQ(from_cache.files_linted.size(), 1u);
  EXPECT_EQ(from_cache.files_linted[0].assessments.Total(), 2);  // a failing, b healthy
  EXPECT_EQ(Describe(a->LintPaths({tmpl})), Describe(from_cache));
}

// Lints kTemplate from the cache of defs/a.json after `corrupt` changed the cache's bytes, its
// sources removed (the cache is used as written): the cache opens, nothing is found, and the one
// error is at the cache, holding `message`, said with the findings.
void ExpectLateCorruption(PolicyCache& t, const std::function<void(std::string&)>& corrupt,
                          const std::string& message) {
  t.Write("defs/a.json", Def("a", "eastus"));
  std::string tmpl = t.Write("t.json", kTemplate);
  std::string cache = t.WriteDefsCache();
  std::string bytes = ReadFile(cache);
  corrupt(bytes);
  fs::remove_all(t.dir_ / "defs");
  t.Write("p.cache", bytes);
  Options cached = Base();
  cached.policy_paths = {cache};
  absl::StatusOr<Engine> e = Engine::Create(cached);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_TRUE(e->PolicyErrors().empty());
  LintResult r = e->LintPaths({tmpl});
  EXPECT_TRUE(r.findings.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].location.file, cache);
  EXPECT_NE(r.errors[0].message.find(message), std::string::npos) << r.errors[0].message;
  EXPECT_NE(r.errors[0].message.find("--write-cache"), std::string::npos);
}

// A payload is checked when a rule first needs it: a corrupt one is then an error at the cache,
// said with the findings, and its rule finds nothing.
TEST_F(PolicyCache, ACorruptPayloadIsAnErrorWhenFirstUsed) {
  ExpectLateCorruption(
      *this,
      [](std::string& bytes) {
        std::size_t at = bytes.find("\"D a\"");
        ASSERT_NE(at, std::string::npos);
        bytes[at + 1] = 'X';  // in the payload, not in the head
      },
      "corrupt");
}

// A rule's line is checked when the rule is first needed, as a payload is.
TEST_F(PolicyCache, ACorruptRuleLineIsAnErrorWhenFirstUsed) {
  ExpectLateCorruption(
      *this,
      [](std::string& bytes) {
        // The last part of the file: the rule lines.
        std::size_t at = bytes.rfind("microsoft.storage/storageaccounts\t");
        ASSERT_NE(at, std::string::npos);
        ASSERT_GT(at, bytes.rfind("\nany\t"));
        bytes[at] = 'n';
      },
      "corrupt (the index line of rule 0)");
}

// The source files' block is read only when the cache is checked against its sources: when they
// cannot be reached, the cache is used as written, whatever that block holds.
TEST_F(PolicyCache, TheSourceFilesAreReadOnlyWhenTheyCanBeChecked) {
  Write("defs/a.json", Def("a", "eastus"));
  std::string tmpl = Write("t.json", kTemplate);
  std::string cache = WriteDefsCache();
  std::string bytes = ReadFile(cache);
  std::size_t at = bytes.find("a.json\t");  // the files block's only line
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'b';
  Write("p.cache", bytes);
  Options cached = Base();
  cached.policy_paths = {cache};
  absl::StatusOr<Engine> checked = Engine::Create(cached);
  ASSERT_TRUE(checked.ok()) << checked.status();
  ASSERT_EQ(checked->PolicyErrors().size(), 1u);
  EXPECT_NE(checked->PolicyErrors()[0].message.find("corrupt (the source files"), std::string::npos)
      << checked->PolicyErrors()[0].message;
  fs::remove_all(dir_ / "defs");
  absl::StatusOr<Engine> alone = Engine::Create(cached);
  ASSERT_TRUE(alone.ok()) << alone.status();
  EXPECT_TRUE(alone->PolicyErrors().empty());
  EXPECT_EQ(alone->LintPaths({tmpl}).findings.size(), 1u);
}

// Rule lines and payloads lie together by resource type, the rules of any type first.
TEST_F(PolicyCache, RuleLinesAreLaidOutByResourceType) {
  auto def = [](const std::string& name, const std::string& type) {
    return R"({"name": ")" + name + R"(", "properties": {"displayName": "D )" + name +
           R"(", "mode": "All", "policyRule": {"if": )" +
           (type.empty() ? std::string(R"({"field": "location", "equals": "x"})")
                         : R"({"field": "type", "equals": ")" + type + R"("})") +
           R"(, "then": {"effect": "audit"}}}})";
  };
  // By id: a (vaults), b (storage), c (vaults), d (storage), e (any type).
  Write("defs/a.json", def("a", "Microsoft.KeyVault/vaults"));
  Write("defs/b.json", def("b", "Microsoft.Storage/storageAccounts"));
  Write("defs/c.json", def("c", "Microsoft.KeyVault/vaults"));
  Write("defs/d.json", def("d", "Microsoft.Storage/storageAccounts"));
  Write("defs/e.json", def("e", ""));
  std::string bytes = ReadFile(WriteDefsCache());
  std::string rules = bytes.substr(bytes.rfind("\nany\t"));
  auto line = [&](const std::string& id) { return rules.find("\n" + id + "\t"); };
  EXPECT_LT(line("e"), line("a"));
  EXPECT_LT(line("a"), line("c"));
  EXPECT_LT(line("c"), line("b"));  // TypeOrder: microsoft.keyvault/vaults first
  EXPECT_LT(line("b"), line("d"));
  // Payloads in the same order.
  EXPECT_LT(bytes.find("\"D e\""), bytes.find("\"D a\""));
  EXPECT_LT(bytes.find("\"D c\""), bytes.find("\"D b\""));
}

// The real built-in definitions and initiatives (../shared/azure-policy), when present.
TEST(PolicyCacheBuiltins, ListingEqualsTheFolder) {
  std::string dir = std::string(ARMLINT_SOURCE_DIR) + "/../shared/azure-policy/built-in-policies";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no built-in policies at " << dir;
  Options options = Base();
  options.policy_paths = {dir};
  std::string cache =
      (fs::temp_directory_path() /
       ("armlint_builtins_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
        ".cache"))
          .string();
  absl::StatusOr<armlint::PolicyCacheSummary> written = armlint::WritePolicyCache(options, cache);
  ASSERT_TRUE(written.ok()) << written.status();
  EXPECT_GE(written->rules, 1000u);
  Options cached = Base();
  cached.policy_paths = {cache};
  absl::StatusOr<Engine> a = Engine::Create(options);
  absl::StatusOr<Engine> b = Engine::Create(cached);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(b->PolicyNotes().empty());
  EXPECT_EQ(Describe(*a), Describe(*b));
  fs::remove(cache);
}

}  // namespace
}  // namespace armlint::internal
