// A policy cache's rules as a RuleSet reads them (private to policy/): each rule made, and
// each payload checked, parsed and compiled, only when a resource first needs it
// (policy_cache.h has the file's layout).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/status/status.h"

#include "json/document.h"
#include "knowledge/aliases.h"
#include "policy/cache_format.h"
#include "policy/cache_lines.h"
#include "rules/condition.h"
#include "rules/rule.h"
#include "rules/rule_set_lazy.h"

namespace armlint::internal {

struct CacheData;

// One distinct payload (a definition with its bound parameter values): checked and parsed on
// first use, compiled once for every rule that shares it.
struct Payload {
  absl::once_flag parse_once;
  std::shared_ptr<const Document> doc;
  absl::once_flag compile_once;
  std::unique_ptr<const Condition> condition;
  bool policy = false;  // its rules are a policy's (Fill sets Rule::policy): set by Compile
  // The metadata its rules share, read once (hundreds of rules may share a payload).
  struct Meta {
    std::string problem, solution, link, effect, source;
    Category category = Category::kSecurity;
    Impact impact = Impact::kMedium;
    std::optional<PolicyRef> policy;  // initiative empty: each rule has its own
  };
  absl::once_flag meta_once;
  std::unique_ptr<const Meta> meta;  // on the heap: a cache has thousands of payloads
  // Payload `n` of `data` (parsed null when its entry or bytes are corrupt: a late error).
  const Document* Doc(CacheData& data, std::uint32_t n);
  const Condition* Compile(CacheData& data, std::uint32_t n);
  const Meta* Metadata(CacheData& data, std::uint32_t n);
};

// What a cache's rules share: the mapped file, its payloads and alias tables, and the errors
// found only when something was first used.
struct CacheData {
  // The width of a payload's entry in the payload table: its offset in the blobs and its size
  // (8 hex digits each), its hash (16).
  static constexpr std::size_t kPayloadEntry = 32;

  std::string path;
  std::unique_ptr<cache_format::MappedFile> file;  // before payloads: their documents borrow it
  std::string_view blobs;
  std::string_view payload_table;  // kPayloadEntry hex digits a payload
  std::uint32_t payload_count = 0;
  std::unique_ptr<Payload[]> payloads;
  const AliasTable* aliases = nullptr;  // null: the built-in table
  std::vector<std::unique_ptr<AliasTable>> alias_tables;
  bool missing_related_unknown = false;
  std::optional<Category> category;
  std::mutex mu;
  std::vector<absl::Status> late;  // under mu
  // Each problem once, however often the corrupt part is read.
  void Late(absl::Status s) {
    std::lock_guard<std::mutex> lock(mu);
    for (const absl::Status& l : late) {
      if (l == s) return;
    }
    late.push_back(std::move(s));
  }
  // The bytes of payload `n` and their recorded hash; false when its entry is corrupt.
  bool PayloadBytes(std::uint32_t n, std::string_view& bytes, std::uint64_t& hash) const;
};

// A cache's rules for a RuleSet: numbered as the index lists them (by id). Nothing is parsed
// for a rule before it is asked for, but the list of types.
class CacheRules : public LazyRules {
 public:
  explicit CacheRules(std::shared_ptr<CacheData> data) : data_(std::move(data)) {}
  std::uint32_t size() const override { return count_; }
  std::string_view Id(std::uint32_t i) const override;
  std::span<const std::uint32_t> OfType(std::string_view type) const override;
  std::span<const std::pair<std::string_view, std::uint32_t>> Patterns() const override {
    return patterns_;
  }
  std::span<const std::uint32_t> AnyType() const override { return any_; }
  std::unique_ptr<Rule> Make(std::uint32_t i) const override;
  const Condition* SharedCondition(std::uint32_t i) const override;
  std::optional<Brief> BriefOf(std::uint32_t i) const override;
  std::vector<absl::Status> LateErrors() const override {
    std::lock_guard<std::mutex> lock(data_->mu);
    return data_->late;
  }

  // Reads, from `lines`, the rule count with where each rule's line starts in `block` (the
  // index's last part), the type index, the wildcard types and the rules of any type; false
  // when they are malformed.
  bool Read(cache_lines::Lines& lines, std::string_view block);

 private:
  // The rules of one type, parsed when the type is first looked up.
  struct TypeRules {
    std::string_view type, numbers;
    mutable absl::once_flag once;
    mutable std::vector<std::uint32_t> rules;
  };
  // Rule i's line without its checksum, after checking it; empty (and a late error) when the
  // offsets table points nowhere or the line is corrupt.
  std::string_view Line(std::uint32_t i) const;
  // The number of rule i's payload, its line's fields in `f` (id, payload, initiative, types);
  // false when the line is malformed.
  bool PayloadOf(std::uint32_t i, std::array<std::string_view, 4>& f, std::uint32_t& n) const;

  std::shared_ptr<CacheData> data_;
  std::uint32_t count_ = 0;
  std::string_view block_;              // the rule lines
  std::string_view offsets_;            // where each starts in block_, 8 hex digits a rule
  std::unique_ptr<TypeRules[]> types_;  // TypeOrder
  // Each rule line's check, made once: 0 not yet, 1 good, 2 corrupt.
  std::unique_ptr<std::atomic<std::uint8_t>[]> checked_;
  std::size_t type_count_ = 0;
  std::vector<std::pair<std::string_view, std::uint32_t>> patterns_;
  std::vector<std::uint32_t> any_;
};

// A rule line's checksum (written as 8 hex digits after its fields): the low 32 bits of
// Hash64 of its fields.
std::uint32_t RuleLineCheck(std::string_view fields);

}  // namespace armlint::internal
