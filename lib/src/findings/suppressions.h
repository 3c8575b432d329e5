// Suppressions: inline comment directives, resource tags and configuration entries.
//
// Inline (JSON comments in the linted file; each needs a justification after "--"):
//   // armlint-disable-next-line <id>[, <id>] [until YYYY-MM-DD] -- <justification>
//       findings on the next line, or on the resource whose declaration starts there
//   // armlint-disable-resource <id>[, <id>] [until YYYY-MM-DD] -- <justification>
//       every finding of the resource that contains the comment (or starts on the next line)
//   // armlint-disable-file <id>[, <id>] [until YYYY-MM-DD] -- <justification>
// `*` stands for every rule. Exported resources (no comments): the tag
// "armlint-suppress": "<id>,<id>" (justification from "armlint-suppress-justification").
// An expired suppression no longer suppresses; the finding says it expired.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"

#include "findings/config.h"
#include "json/document.h"
#include "resources/resource.h"
#include "rules/rule_id_list.h"

namespace armlint::internal {

struct SuppressionMatch {
  std::string justification;
  std::string expired_on;  // non-empty: the suppression expired on this date
};

class Suppressor {
 public:
  // Reads the directives of `doc` (malformed ones are appended to `errors`). `today` is
  // "YYYY-MM-DD". With `known_ids`, a directive naming another id is an error too
  // (with the nearest known id suggested).
  Suppressor(const Document& doc, std::shared_ptr<const Config> config, std::string today,
             std::vector<absl::Status>& errors, const RuleIdList* known_ids = nullptr);

  // The suppression that applies to a finding of `rule_id` at `offset` (source 0) on
  // `resource` (may be null), if any.
  std::optional<SuppressionMatch> Match(std::string_view rule_id, std::uint32_t offset,
                                        bool offset_known, const Resource* resource) const;

 private:
  enum class Scope { kNextLine, kResource, kFile };
  struct Directive {
    Scope scope;
    std::vector<std::string> ids;
    std::string justification;
    std::string until;
    int target_line = 0;    // kNextLine: the line it covers
    std::uint32_t pos = 0;  // the comment's offset
  };
  bool Covers(const Directive& d, std::string_view rule_id) const;
  std::optional<SuppressionMatch> Check(const Directive& d) const;
  std::uint32_t ResourceEnd(const Resource& r) const;

  const Document& doc_;
  std::shared_ptr<const Config> config_;
  std::string today_;
  std::vector<Directive> directives_;
};

// Today's date in UTC as "YYYY-MM-DD".
std::string TodayUtc();

}  // namespace armlint::internal
