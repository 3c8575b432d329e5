// armlint::Engine: rule loading once, then parallel, deterministic linting of many files.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "api/file_walk.h"
#include "api/lint_file.h"
#include "armlint/armlint.hpp"
#include "findings/baseline.h"
#include "findings/config.h"
#include "findings/findings.h"
#include "findings/suppressions.h"
#include "findings/workloads.h"
#include "policy/policy_loader.h"
#include "rules/rule_set.h"
#include "util/input_error.h"

namespace armlint {

struct Engine::Impl {
  Options options;
  std::unique_ptr<const internal::RuleSet> rules;
  // Azure Policy definitions (--policy): compiled once, copied into every rule set.
  std::vector<std::shared_ptr<const internal::Rule>> policy_rules;
  std::vector<SkippedPolicy> skipped_policies;
  std::vector<InputError> policy_errors;

  std::function<absl::Status(std::vector<std::unique_ptr<internal::Rule>>&)> AddPolicyRules()
      const {
    if (policy_rules.empty()) return nullptr;
    return [this](std::vector<std::unique_ptr<internal::Rule>>& out) {
      for (const auto& r : policy_rules) out.push_back(std::make_unique<internal::Rule>(*r));
      return absl::OkStatus();
    };
  }

  // Rule sets for configs that add rule packs, by config path (built once, then shared).
  mutable std::mutex mu;
  mutable std::map<std::string, absl::StatusOr<std::unique_ptr<const internal::RuleSet>>> by_config;

  absl::StatusOr<const internal::RuleSet*> RulesFor(const internal::Config& config) const {
    std::lock_guard<std::mutex> lock(mu);
    auto it = by_config.find(config.path);
    if (it == by_config.end()) {
      internal::RuleSetOptions rs;
      rs.builtin_rules = options.builtin_rules;
      rs.rule_dirs = options.rule_dirs;
      rs.rule_dirs.insert(rs.rule_dirs.end(), config.rule_packs.begin(), config.rule_packs.end());
      rs.only = options.only;
      rs.disable = options.disable;
      rs.add_rules = AddPolicyRules();
      if (!config.policies.empty()) {
        // The config's own policies, with its assignment values, besides --policy's.
        internal::PolicyLoadOptions po;
        po.alias_files = options.alias_files;
        po.missing_related_unknown = options.policy_missing_related_unknown;
        for (const internal::ConfigPolicy& p : config.policies) {
          po.sources.emplace_back(p.path, p.parameters_json);
        }
        auto load = std::make_shared<internal::PolicyLoad>(internal::LoadPolicies(po));
        auto base = rs.add_rules;
        rs.add_rules = [base, load](std::vector<std::unique_ptr<internal::Rule>>& out) {
          if (!load->errors.empty()) return load->errors.front();
          if (base) {
            if (absl::Status s = base(out); !s.ok()) return s;
          }
          for (const auto& r : load->rules) out.push_back(std::make_unique<internal::Rule>(*r));
          return absl::OkStatus();
        };
      }
      it = by_config.emplace(config.path, internal::RuleSet::Load(rs)).first;
    }
    if (!it->second.ok()) return it->second.status();
    return it->second->get();
  }

  internal::LintSettings settings(internal::ConfigResolver* configs) const {
    internal::LintSettings s;
    s.rules = rules.get();
    s.rules_for_config = [this](const internal::Config& c) { return RulesFor(c); };
    s.report_unknown = options.report_unknown;
    s.parameters_file = options.parameters_file;
    s.configs = configs;
    s.today = internal::TodayUtc();
    return s;
  }
};

const char* Version() { return ARMLINT_VERSION_STRING; }

absl::StatusOr<Engine> Engine::Create(const Options& options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  if (!options.policy_paths.empty()) {
    internal::PolicyLoadOptions po;
    po.paths = options.policy_paths;
    po.parameters_file = options.policy_parameters_file;
    po.alias_files = options.alias_files;
    po.missing_related_unknown = options.policy_missing_related_unknown;
    internal::PolicyLoad load = internal::LoadPolicies(po);
    for (auto& r : load.rules) impl->policy_rules.push_back(std::move(r));
    impl->skipped_policies = std::move(load.skipped);
    for (const absl::Status& s : load.errors) {
      impl->policy_errors.push_back(internal::ToInputError(s, ""));
    }
  }
  internal::RuleSetOptions rs;
  rs.add_rules = impl->AddPolicyRules();
  rs.builtin_rules = options.builtin_rules;
  rs.rule_dirs = options.rule_dirs;
  rs.only = options.only;
  rs.disable = options.disable;
  absl::StatusOr<std::unique_ptr<const internal::RuleSet>> rules = internal::RuleSet::Load(rs);
  if (!rules.ok()) {
    // As documented: the message starts with the rule file's file:line:col.
    std::optional<internal::SourceLocation> at = internal::GetSourceLocation(rules.status());
    if (!at || at->file.empty() || absl::StartsWith(rules.status().message(), at->file)) {
      return rules.status();
    }
    absl::Status out(rules.status().code(), absl::StrCat(at->file, ":", at->line, ":", at->column,
                                                         ": ", rules.status().message()));
    rules.status().ForEachPayload(
        [&out](absl::string_view url, const absl::Cord& p) { out.SetPayload(url, p); });
    return out;
  }
  impl->rules = std::move(*rules);
  return Engine(std::move(impl));
}

namespace {

void Merge(internal::FileResult&& from, LintResult& into) {
  std::move(from.findings.begin(), from.findings.end(), std::back_inserter(into.findings));
  std::move(from.errors.begin(), from.errors.end(), std::back_inserter(into.errors));
  into.files += from.files;
  into.resources += from.resources;
  if (from.files > 0) into.files_linted.push_back(std::move(from.summary));
}

// Files to lint, pushed by the walk as it finds them and taken by the workers in that order,
// each with a slot for its result. Deques: pushing never moves what earlier workers hold.
class FileQueue {
 public:
  void Push(const std::string& file) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      files_.push_back(file);
      results_.emplace_back();
    }
    ready_.notify_one();
  }
  // No more files: workers finish what is queued, then stop.
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    ready_.notify_all();
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return files_.size();
  }
  // The next file nobody has taken, waiting for the walk if need be, with its index in `index`;
  // null once the queue is closed and empty.
  const std::string* Next(std::size_t& index) {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return next_ < files_.size() || closed_; });
    if (next_ == files_.size()) return nullptr;
    index = next_++;
    return &files_[index];
  }
  // The result slot of the file at `index` (only its worker writes it until all have joined).
  internal::FileResult& Result(std::size_t index) {
    std::lock_guard<std::mutex> lock(mu_);
    return results_[index];
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::string> files_;
  std::deque<internal::FileResult> results_;
  std::size_t next_ = 0;
  bool closed_ = false;
};

// The linted path (as given) that `file` was found under, for its default workload.
std::string RootOf(const std::vector<std::string>& paths, const std::string& file) {
  namespace fs = std::filesystem;
  for (const std::string& p : paths) {
    if (p == file) return p;
  }
  for (const std::string& p : paths) {
    fs::path rel = fs::path(file).lexically_relative(fs::path(p));
    if (!rel.empty() && *rel.begin() != ".." && rel != ".") return p;
  }
  return file;
}

// Gives files (and their findings) without a configured workload the default one.
void DefaultWorkloads(const std::vector<std::string>& paths, const std::string& file,
                      internal::FileResult& r) {
  if (!r.summary.workload.empty()) return;
  r.summary.workload = internal::DefaultWorkload(RootOf(paths, file), file);
  for (Finding& f : r.findings) f.workload = r.summary.workload;
}

void Finish(const Options& options, internal::ConfigResolver& configs, LintResult& result) {
  internal::SortFindings(result.findings);
  internal::SortErrors(result.errors);
  // failOn comes from --config, or from the config that applies to the working directory.
  absl::StatusOr<std::shared_ptr<const internal::Config>> run_config =
      configs.For((std::filesystem::current_path() / ".armlint-run").string());
  if (run_config.ok() && *run_config != nullptr && (*run_config)->fail_on.has_value()) {
    result.config_fail_on = (*run_config)->fail_on;
  }
  if (!options.baseline_file.empty()) {
    absl::StatusOr<std::vector<std::string>> baseline =
        internal::ReadBaseline(options.baseline_file);
    if (!baseline.ok()) {
      result.errors.push_back(internal::ToInputError(baseline.status(), options.baseline_file));
    } else {
      internal::ApplyBaseline(*baseline, result);
      result.baseline_scores = internal::ReadBaselineScores(options.baseline_file);
    }
  }
  result.suppressed =
      static_cast<int>(std::count_if(result.findings.begin(), result.findings.end(),
                                     [](const Finding& f) { return f.suppressed; }));
}

}  // namespace

LintResult Engine::LintPaths(const std::vector<std::string>& paths, int jobs) const {
  const Options& opts = impl_->options;
  // Each shard lints the files whose path hashes to it; path errors are reported once.
  auto in_shard = [&](const std::string& f) {
    return opts.shard_count <= 1 || ShardOf(f, opts.shard_count) == opts.shard_index;
  };
  internal::ConfigResolver configs(impl_->options.config_file, impl_->options.use_config);
  internal::LintSettings settings = impl_->settings(&configs);
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  // Files are linted as the walk finds them, by `jobs` threads: the calling thread walks the
  // tree (on a large tree, mostly waiting on the file system) while the others lint, then
  // lints too. Everything per file happens in the workers: linting, the default workload, and
  // sorting the file's findings, so that the merged list is usually in order already (Finish).
  FileQueue queue;
  auto worker = [&] {
    std::size_t index = 0;
    while (const std::string* file = queue.Next(index)) {
      if (!in_shard(*file)) continue;
      internal::FileResult& r = queue.Result(index);
      r = internal::LintFile(settings, *file);
      DefaultWorkloads(paths, *file, r);
      internal::SortFindings(r.findings);
    }
  };
  // A thread is started for each file found, up to jobs - 1, so that linting one file starts
  // none. Results land in per-file slots: the output does not depend on which thread linted
  // what, nor on the order the walk found files in.
  std::vector<std::thread> threads;
  bool thread_refused = false;
  internal::WalkResult walk = internal::CollectFiles(paths, [&](const std::string& file) {
    queue.Push(file);
    if (threads.size() + 1 < static_cast<std::size_t>(jobs) && queue.size() > 1 &&
        !thread_refused) {
      try {
        threads.emplace_back(worker);
      } catch (const std::system_error&) {
        thread_refused = true;  // out of threads (ulimit -u): fewer workers lint it all
      }
    }
  });
  queue.Close();
  worker();
  for (std::thread& t : threads) t.join();

  LintResult result;
  result.errors = std::move(walk.errors);
  if (opts.shard_count > 1 && opts.shard_index != 1) result.errors.clear();
  std::vector<internal::FileResult*> in_order;
  std::size_t findings = 0;
  for (std::size_t i = 0; i < walk.files.size(); ++i) {
    if (!in_shard(walk.files[i])) continue;
    in_order.push_back(&queue.Result(walk.found_as[i]));
    findings += in_order.back()->findings.size();
  }
  result.findings.reserve(findings);
  for (internal::FileResult* r : in_order) Merge(std::move(*r), result);
  result.errors.insert(result.errors.end(), impl_->policy_errors.begin(),
                       impl_->policy_errors.end());
  Finish(impl_->options, configs, result);
  return result;
}

LintResult Engine::LintBuffer(std::string_view display_name, std::string_view text) const {
  LintResult result;
  internal::ConfigResolver configs(impl_->options.config_file, impl_->options.use_config);
  internal::FileResult r =
      internal::LintText(impl_->settings(&configs), std::string(display_name), std::string(text));
  DefaultWorkloads({std::string(display_name)}, std::string(display_name), r);
  Merge(std::move(r), result);
  result.errors.insert(result.errors.end(), impl_->policy_errors.begin(),
                       impl_->policy_errors.end());
  Finish(impl_->options, configs, result);
  return result;
}

std::vector<SkippedPolicy> Engine::SkippedPolicies() const { return impl_->skipped_policies; }

std::vector<InputError> Engine::PolicyErrors() const { return impl_->policy_errors; }

std::vector<RuleInfo> Engine::Rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : impl_->rules->rules()) {
    out.push_back(internal::ToRuleInfo(*r));
  }
  return out;
}

}  // namespace armlint
