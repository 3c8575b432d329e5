// Options of native checks: `rules.options.<rule-id>` in .armlint.json, read by the check.
//
// A check that takes options names, on its table line (rules/native_checks.cc), a parser that
// reads its object into an immutable subclass of CheckOptions. The config loader runs every
// parser once per config file, so that a bad option is an error at the config's line:col
// before anything is linted; the check then finds its options in the CheckContext:
//
//   struct Options : CheckOptions { int max_age_months = 24; };
//   absl::StatusOr<std::shared_ptr<const CheckOptions>> Parse(CheckOptionsReader& r) {
//     auto o = std::make_shared<Options>();
//     ARMLINT_RETURN_IF_ERROR(r.Int("maxAgeMonths", 1, 240, o->max_age_months));
//     return o;
//   }
//   const Options& o = context.OptionsFor<Options>(rule);  // the defaults without a config
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

#include "json/document.h"
#include "json/value.h"

namespace armlint::internal {

// Base of each check's options type.
class CheckOptions {
 public:
  virtual ~CheckOptions() = default;
};

// Parsed options by rule id.
using CheckOptionsMap = absl::flat_hash_map<std::string, std::shared_ptr<const CheckOptions>>;

// What a check's parser reads: its object `rules.options.<rule-id>` (may be absent) and, for
// options that had a flat name before options were per rule, that deprecated key of
// `rules.options`. Errors are InputErrors at the config's line:col.
class CheckOptionsReader {
 public:
  // `own` and `all` (rules.options) may be null; `config` owns both and outlives the reader.
  CheckOptionsReader(const Document& config, std::string_view rule_id, const Value* own,
                     const Value* all)
      : config_(config), rule_id_(rule_id), own_(own), all_(all) {}

  // Option `name`: a list of non-empty strings. Unchanged when absent.
  absl::Status Strings(std::string_view name, std::vector<std::string>& out,
                       std::string_view deprecated_key = {});
  // Option `name`: an integer from `min` to `max`. Unchanged when absent.
  absl::Status Int(std::string_view name, int min, int max, int& out,
                   std::string_view deprecated_key = {});

  // OK when every key of the check's object was read; else an InputError naming the unknown
  // option and the known ones.
  absl::Status Finish() const;

  // The deprecated flat keys the parser named (read or not).
  const std::vector<std::string>& deprecated_keys() const { return deprecated_keys_; }

 private:
  // The value of option `name` and the path that names it in messages; null when absent.
  const Value* Get(std::string_view name, std::string_view deprecated_key, std::string& path);

  const Document& config_;
  std::string rule_id_;
  const Value* own_;
  const Value* all_;
  std::vector<std::string> names_;  // options the parser asked for, in order
  std::vector<std::string> deprecated_keys_;
};

// Runs the parser of every native check that takes options on `options` (`rules.options` of
// `config`; may be null) and returns what they made. Every key of `options` must be the id of
// a check that takes options or a deprecated flat key one of them reads; anything else is an
// InputError at that key.
absl::StatusOr<CheckOptionsMap> ParseCheckOptions(const Document& config, const Value* options);

}  // namespace armlint::internal
