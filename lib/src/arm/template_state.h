// What one template expansion shares: the arena, the evaluation budget, parsed expressions,
// the errors found so far, and the evaluation of template values (strings holding expressions,
// objects holding property copy loops).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

#include "arm/evaluator.h"
#include "json/document.h"
#include "json/value.h"
#include "util/arena.h"

namespace armlint::internal {

struct CopyFrame {
  std::string_view name;
  std::int64_t index = 0;
  // Property and variable loops are read only by name: inside them, copyIndex() without a name
  // is the enclosing resource (or output) loop's index.
  bool named_only = false;
};

// An ExprEnv with a stack of copy loops, which copyIndex() reads.
class CopyEnv : public ExprEnv {
 public:
  absl::StatusOr<std::int64_t> CopyIndex(std::string_view loop) override;
  void PushCopy(std::string_view name, std::int64_t index, bool named_only = false) {
    copy_.push_back({name, index, named_only});
  }
  void PopCopy() { copy_.pop_back(); }
  // Hides the enclosing loops (variables and parameter defaults cannot see them); give the
  // result back to RestoreCopyFrames.
  std::vector<CopyFrame> TakeCopyFrames() { return std::exchange(copy_, {}); }
  void RestoreCopyFrames(std::vector<CopyFrame> frames) { copy_ = std::move(frames); }

 protected:
  std::vector<CopyFrame> copy_;
};

class ExpandState {
 public:
  ExpandState(const Document& tmpl, const Document* params) : tmpl_(tmpl), params_(params) {}
  ExpandState(const ExpandState&) = delete;
  ExpandState& operator=(const ExpandState&) = delete;

  Arena& arena() const { return tmpl_.arena(); }
  const Document& document() const { return tmpl_; }
  EvalBudget& budget() { return budget_; }

  // Evaluates a template value in `env`: expression strings are evaluated, "[[x]" loses one
  // bracket, objects with a property `copy` array get their iterated properties. Subtrees with
  // nothing to evaluate are returned as they are (shared, not copied). An error makes that
  // value Unknown and is recorded; this never fails.
  const Value* Eval(const Value& v, CopyEnv& env);
  const Value* EvalString(const Value& s, CopyEnv& env);

  // The count of a copy object ({"name", "count", ...}) evaluated in `env`: nullopt when
  // Unknown; an InputError (recorded by the caller) when missing, not an integer, negative or
  // above limits::kMaxCopyCount.
  absl::StatusOr<std::optional<std::int64_t>> CopyCount(const Value& copy, CopyEnv& env);

  // An InputError at `at` in the document the anchor belongs to.
  absl::Status ErrorAt(Anchor at, std::string_view message,
                       absl::StatusCode code = absl::StatusCode::kInvalidArgument) const;
  // Records a problem (once per place and message).
  void AddError(absl::Status error);
  void AddError(Anchor at, std::string_view message) { AddError(ErrorAt(at, message)); }
  // A limit was exceeded: expansion stops and reports it.
  const absl::Status& fatal() const { return fatal_; }
  void SetFatal(absl::Status st) {
    if (fatal_.ok()) fatal_ = std::move(st);
  }

  std::vector<absl::Status> TakeErrors() { return std::move(errors_); }

  // Called with each parameter, variable or function argument an evaluation reads. A secure
  // one (a secureString/secureObject parameter or a value derived from one) makes EvalString
  // flag its result kFlagSecure. An assumed null (kFlagAssumedNull), or a variable computed
  // from one (`assumes_null`), makes an error of that evaluation "cannot tell" rather than an
  // input error: the template may be fine for every value its deployers actually give.
  void Touch(const Value& v, bool assumes_null = false) {
    secure_touched_ = secure_touched_ || v.secure();
    assumed_null_touched_ = assumed_null_touched_ || assumes_null || v.assumed_null();
  }
  struct Touched {
    bool secure = false;
    bool assumed_null = false;
  };
  // Starts tracking what a nested evaluation reads (`Touched{}`), or ends it and restores the
  // outer evaluation's tracking (`outer` merged with what the nested one read); returns what
  // was tracked until now.
  Touched ExchangeTouched(Touched next) {
    Touched was{secure_touched_, assumed_null_touched_};
    secure_touched_ = next.secure;
    assumed_null_touched_ = next.assumed_null;
    return was;
  }

  // While > 0, AddError drops errors: an `existing` resource is only read where referenced,
  // so ARM never evaluates the properties of one nobody reads.
  int quiet = 0;

  // Nesting of user-defined function calls (limits::kMaxUserFunctionDepth).
  int user_function_depth = 0;

 private:
  struct Parsed {
    const Expr* expr = nullptr;
    absl::Status error;
  };
  const Value* EvalObject(const Value& v, CopyEnv& env);
  const Value* Bounded(const Value* v);
  const Value* EvalPropertyCopy(const Value& obj, const Value& copies, CopyEnv& env);

  const Document& tmpl_;
  const Document* params_;
  EvalBudget budget_;
  absl::flat_hash_map<std::pair<const char*, std::size_t>, Parsed> parsed_;
  std::vector<absl::Status> errors_;
  absl::flat_hash_set<std::string> error_keys_;
  // Evaluated members and items of the objects and arrays being evaluated, reused: a stack on
  // which each evaluation pushes above the enclosing one's and pops back when done.
  std::vector<Member> member_stack_;
  std::vector<const Value*> item_stack_;
  absl::Status fatal_;
  bool secure_touched_ = false;
  bool assumed_null_touched_ = false;
};

}  // namespace armlint::internal
