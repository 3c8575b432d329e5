// armlint::Engine: rule loading once, then parallel, deterministic linting of many files.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "absl/base/call_once.h"

#include "api/file_walk.h"
#include "api/lint_file.h"
#include "api/lint_run.h"
#include "armlint/armlint.hpp"
#include "findings/baseline.h"
#include "findings/config.h"
#include "findings/findings.h"
#include "findings/rule_ids.h"
#include "findings/suppressions.h"
#include "findings/workloads.h"
#include "policy/policy_cache.h"
#include "policy/policy_loader.h"
#include "rules/rule_loader.h"
#include "rules/rule_set.h"
#include "util/arena.h"
#include "util/input_error.h"
#include "util/thread.h"

namespace armlint {

namespace {

// Rule pack folders without repeats: a folder named by --rules and by a config (or twice) loads
// once. Compared by canonical path; the first spelling is kept.
std::vector<std::string> UniqueDirs(const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  std::vector<std::string> seen;
  for (const std::string& d : dirs) {
    std::error_code ec;
    std::string key = std::filesystem::weakly_canonical(d, ec).generic_string();
    if (ec) key = std::filesystem::path(d).lexically_normal().generic_string();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    out.push_back(d);
  }
  return out;
}

// Options::context keys -> the fields they set (README "Offline context").
constexpr std::pair<std::string_view, std::string internal::ContextValues::*> kContextKeys[] = {
    {"subscriptionId", &internal::ContextValues::subscription_id},
    {"tenantId", &internal::ContextValues::tenant_id},
    {"resourceGroup", &internal::ContextValues::resource_group},
    {"location", &internal::ContextValues::location},
    {"deploymentName", &internal::ContextValues::deployment_name},
    {"environment", &internal::ContextValues::environment},
};

absl::StatusOr<internal::ContextValues> ParseContext(
    const std::map<std::string, std::string>& given) {
  internal::ContextValues v;
  std::vector<std::string> keys;
  for (const auto& [k, field] : kContextKeys) keys.emplace_back(k);
  for (const auto& [key, value] : given) {
    bool found = false;
    for (const auto& [k, field] : kContextKeys) {
      if (key == k) {
        v.*field = value;
        found = true;
      }
    }
    if (!found) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--context: unknown key '", key, "'", internal::DidYouMean(key, keys),
          "; the keys are subscriptionId, tenantId, resourceGroup, location, deploymentName, "
          "environment"));
    }
    if (value.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--context: key '", key, "' needs a value (KEY=VALUE)"));
    }
  }
  return v;
}

}  // namespace

struct Engine::Impl {
  Options options;
  std::unique_ptr<const internal::RuleSet> rules;
  internal::ContextValues context;
  // Azure Policy definitions (--policy): compiled once, copied into every rule set.
  std::vector<std::shared_ptr<const internal::Rule>> policy_rules;
  // Policy caches' rules: made by each rule set on first need.
  std::vector<std::shared_ptr<const internal::LazyRules>> policy_lazy;
  mutable std::vector<SkippedPolicy> skipped_policies;  // completed by SkippedPolicies()
  std::vector<InputError> policy_errors;
  mutable std::vector<std::string> policy_notes;  // config caches add theirs (under mu)
  // Policy caches list their skipped definitions when asked (SkippedPolicies).
  std::function<void(std::vector<SkippedPolicy>&)> more_skipped;
  mutable absl::once_flag skipped_once;

  std::function<absl::Status(std::vector<std::unique_ptr<internal::Rule>>&)> AddPolicyRules()
      const {
    if (policy_rules.empty()) return nullptr;
    return [this](std::vector<std::unique_ptr<internal::Rule>>& out) {
      for (const auto& r : policy_rules) out.push_back(internal::CopyRule(*r));
      return absl::OkStatus();
    };
  }

  // The InputErrors that policy caches found only when a rule was first used.
  std::vector<InputError> LatePolicyErrors() const {
    std::vector<InputError> out;
    auto add = [&](const std::vector<std::shared_ptr<const internal::LazyRules>>& lazy) {
      for (const auto& l : lazy) {
        for (const absl::Status& s : l->LateErrors()) out.push_back(internal::ToInputError(s, ""));
      }
    };
    add(policy_lazy);
    std::lock_guard<std::mutex> lock(mu);
    add(config_lazy);
    return out;
  }

  // Rule sets for configs that add rule packs, by config path (built once, then shared).
  mutable std::mutex mu;
  mutable std::vector<std::shared_ptr<const internal::LazyRules>> config_lazy;  // under mu
  mutable std::map<std::string, absl::StatusOr<std::unique_ptr<const internal::RuleSet>>> by_config;
  // Every load error of a config's own policies (RulesFor's status names only the first); under mu.
  mutable std::map<std::string, std::vector<absl::Status>> config_policy_errors;

  absl::StatusOr<const internal::RuleSet*> RulesFor(const internal::Config& config) const {
    std::lock_guard<std::mutex> lock(mu);
    auto it = by_config.find(config.path);
    if (it == by_config.end()) {
      internal::RuleSetOptions rs;
      rs.builtin_rules = options.builtin_rules;
      rs.rule_dirs = options.rule_dirs;
      rs.rule_dirs.insert(rs.rule_dirs.end(), config.rule_packs.begin(), config.rule_packs.end());
      rs.rule_dirs = UniqueDirs(rs.rule_dirs);
      rs.only = options.only;
      rs.disable = options.disable;
      rs.add_rules = AddPolicyRules();
      rs.lazy_rules = policy_lazy;
      if (!config.policies.empty()) {
        // The config's own policies, with its assignment values, besides --policy's.
        internal::PolicyLoadOptions po;
        po.alias_files = options.alias_files;
        po.missing_related_unknown = options.policy_missing_related_unknown;
        po.lazy_caches = true;
        for (const internal::ConfigPolicy& p : config.policies) {
          po.sources.push_back({p.path, p.parameters_json, p.category});
        }
        auto load = std::make_shared<internal::PolicyLoad>(internal::LoadPolicies(po));
        policy_notes.insert(policy_notes.end(), load->notes.begin(), load->notes.end());
        if (!load->errors.empty()) config_policy_errors[config.path] = load->errors;
        if (load->errors.empty()) {
          rs.lazy_rules.insert(rs.lazy_rules.end(), load->lazy.begin(), load->lazy.end());
          config_lazy.insert(config_lazy.end(), load->lazy.begin(), load->lazy.end());
        }
        auto base = rs.add_rules;
        rs.add_rules = [base, load](std::vector<std::unique_ptr<internal::Rule>>& out) {
          if (!load->errors.empty()) return load->errors.front();
          if (base) {
            if (absl::Status s = base(out); !s.ok()) return s;
          }
          for (const auto& r : load->rules) out.push_back(internal::CopyRule(*r));
          return absl::OkStatus();
        };
      }
      it = by_config.emplace(config.path, internal::RuleSet::Load(rs)).first;
    }
    if (!it->second.ok()) return it->second.status();
    return it->second->get();
  }

  // The load errors of the config's own policies, all of them (none when they loaded).
  std::vector<absl::Status> PolicyErrorsOf(const std::string& config_path) const {
    std::lock_guard<std::mutex> lock(mu);
    auto it = config_policy_errors.find(config_path);
    return it == config_policy_errors.end() ? std::vector<absl::Status>() : it->second;
  }

  internal::LintSettings settings(internal::ConfigResolver* configs) const {
    internal::LintSettings s;
    s.rules = rules.get();
    s.rules_for_config = [this](const internal::Config& c) { return RulesFor(c); };
    s.report_unknown = options.report_unknown;
    s.parameters_file = options.parameters_file;
    s.configs = configs;
    s.today = internal::TodayUtc();
    s.context = context;
    return s;
  }
};

const char* Version() { return ARMLINT_VERSION_STRING; }

void SetHeapInHugePages(bool on) { internal::Arena::SetHeapInHugePages(on); }

absl::StatusOr<Engine> Engine::Create(const Options& options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  impl->options.rule_dirs = UniqueDirs(options.rule_dirs);
  absl::StatusOr<internal::ContextValues> context = ParseContext(options.context);
  if (!context.ok()) return context.status();
  impl->context = *context;
  if (!options.policy_paths.empty()) {
    internal::PolicyLoadOptions po;
    po.paths = options.policy_paths;
    po.parameters_file = options.policy_parameters_file;
    po.alias_files = options.alias_files;
    po.missing_related_unknown = options.policy_missing_related_unknown;
    po.lazy_caches = true;
    internal::PolicyLoad load = internal::LoadPolicies(po);
    for (auto& r : load.rules) impl->policy_rules.push_back(std::move(r));
    impl->policy_lazy = std::move(load.lazy);
    impl->skipped_policies = std::move(load.skipped);
    impl->more_skipped = std::move(load.more_skipped);
    impl->policy_notes = std::move(load.notes);
    for (const absl::Status& s : load.errors) {
      impl->policy_errors.push_back(internal::ToInputError(s, ""));
    }
  }
  internal::RuleSetOptions rs;
  rs.add_rules = impl->AddPolicyRules();
  rs.lazy_rules = impl->policy_lazy;
  rs.builtin_rules = options.builtin_rules;
  rs.rule_dirs = impl->options.rule_dirs;
  rs.only = options.only;
  rs.disable = options.disable;
  absl::StatusOr<std::unique_ptr<const internal::RuleSet>> rules = internal::RuleSet::Load(rs);
  // As documented: the message starts with the rule file's file:line:col.
  if (!rules.ok()) return internal::WithLocationInMessage(rules.status());
  impl->rules = std::move(*rules);
  return Engine(std::move(impl));
}

namespace {

void Merge(internal::FileResult&& from, LintResult& into) {
  if (into.findings.capacity() == 0) {
    into.findings.swap(from.findings);  // a lone file's list is taken whole, not copied
  } else {
    std::move(from.findings.begin(), from.findings.end(), std::back_inserter(into.findings));
  }
  // The file's list is released as it is merged: otherwise every finding of the run would be
  // held twice (the moved-from shells are as large as the findings) until the lint returns.
  std::vector<Finding>().swap(from.findings);
  std::move(from.errors.begin(), from.errors.end(), std::back_inserter(into.errors));
  into.files += from.files;
  into.resources += from.resources;
  into.unevaluated_deployments += from.unevaluated_deployments;
  if (from.files > 0) into.files_linted.push_back(std::move(from.summary));
}

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
// With a workload root (--workload-root, else the config's "workloadRoot"), files below it are
// attributed from it (paths made absolute, so that neither the linted path nor the working
// directory matter); the label prefixes every workload.
void DefaultWorkloads(const Options& options, const std::vector<std::string>& paths,
                      const std::string& file, internal::FileResult& r) {
  // Config "workloads" globs, then --workload-root, then the config's "workloadRoot".
  if (r.summary.workload.empty()) {
    r.summary.workload = internal::WorkloadUnderRoot(options.workload_root, file);
  }
  if (r.summary.workload.empty()) {
    r.summary.workload = internal::WorkloadUnderRoot(r.config_workload_root, file);
  }
  if (r.summary.workload.empty()) {
    r.summary.workload = internal::DefaultWorkload(RootOf(paths, file), file);
  }
  if (!options.label.empty()) r.summary.workload = options.label + "/" + r.summary.workload;
  for (Finding& f : r.findings) f.workload = r.summary.workload;
}

void Finish(const Options& options, internal::ConfigResolver& configs, LintResult& result) {
  result.label = options.label;
  internal::SortFindings(result.findings);
  internal::SortErrors(result.errors);
  // failOn comes from --config, or from the config that applies to the working directory.
  absl::StatusOr<std::shared_ptr<const internal::Config>> run_config =
      configs.For((std::filesystem::current_path() / ".armlint-run").string());
  if (run_config.ok() && *run_config != nullptr && (*run_config)->fail_on.has_value()) {
    result.config_fail_on = (*run_config)->fail_on;
  }
  if (!options.baseline_file.empty()) {
    absl::StatusOr<std::vector<internal::BaselineEntry>> baseline =
        internal::ReadBaselineEntries(options.baseline_file);
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

// Checks each config once, before any file it governs is linted: it loads (schema), its rule
// packs load, and every rule id it names exists. Thread-compatible (the walk calls it).
class ConfigGate {
 public:
  ConfigGate(const Engine::Impl& impl, internal::ConfigResolver& configs)
      : impl_(impl), configs_(configs) {}

  // False once any config failed: nothing more is linted.
  bool Check(const std::string& file) {
    absl::StatusOr<std::shared_ptr<const internal::Config>> config = configs_.For(file);
    if (!config.ok()) {
      std::string key(config.status().message());
      if (seen_.insert(key).second) {
        errors_.push_back(internal::ToInputError(config.status(), file));
      }
      return ok_ = false;
    }
    if (*config == nullptr || !seen_.insert((*config)->path).second) return ok_;
    const internal::Config& c = **config;
    const internal::RuleSet* rules = impl_.rules.get();
    if (!c.rule_packs.empty() || !c.policies.empty()) {
      absl::StatusOr<const internal::RuleSet*> r = impl_.RulesFor(c);
      if (!r.ok()) {
        // Each broken policy file of the config, as --policy reports them, not only the first.
        std::vector<absl::Status> all = impl_.PolicyErrorsOf(c.path);
        if (all.empty()) all.push_back(r.status());
        for (const absl::Status& s : all) errors_.push_back(internal::ToInputError(s, c.path));
        return ok_ = false;
      }
      rules = *r;
    }
    for (const internal::ConfigRuleRef& ref : c.rule_refs) {
      if (internal::IsKnownRuleId(ref.id, rules->all_ids())) continue;
      InputError e;
      e.location.file = ref.at.file;
      e.location.line = ref.at.line;
      e.location.column = ref.at.column;
      e.location.pointer = ref.at.pointer;
      e.message = absl::StrCat("unknown rule id '", ref.id, "' in ", ref.key,
                               internal::DidYouMean(ref.id, rules->all_ids()));
      errors_.push_back(std::move(e));
      ok_ = false;
    }
    return ok_;
  }
  bool ok() const { return ok_; }
  std::vector<InputError> TakeErrors() { return std::move(errors_); }

 private:
  const Engine::Impl& impl_;
  internal::ConfigResolver& configs_;
  std::set<std::string> seen_;  // config paths (and load errors) checked
  std::vector<InputError> errors_;
  bool ok_ = true;
};

// "nothing to lint in PATH", one error per path given: a file at its start (1:1), a folder or
// stdin as such, with a hint for folders of Bicep files.
std::vector<InputError> NothingToLint(const std::vector<std::string>& paths, int bicep_skipped) {
  std::vector<InputError> out;
  for (const std::string& p : paths) {
    InputError e;
    e.location.file = p == "-" ? "<stdin>" : p;
    std::error_code ec;
    const bool dir = p != "-" && std::filesystem::is_directory(p, ec);
    if (p != "-" && !dir) {
      e.location.line = 1;
      e.location.column = 1;
    }
    e.message = absl::StrCat("nothing to lint in ", e.location.file,
                             dir ? ": no ARM template, parameter file or resource export in it"
                                 : ": not an ARM template, parameter file or resource export");
    if (dir && bicep_skipped > 0) {
      absl::StrAppend(&e.message, " (", bicep_skipped,
                      " .bicep/.bicepparam file(s) found: name them as paths to compile them, "
                      "or run `bicep build` first)");
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

// Named files, with the thread count left to the engine: a second thread is started for many
// files, or for files after the first that hold enough to lint. Below that its start and the
// shared tables it waits for while the first file builds them cost more than it saves
// (bench/startup.md, section 7: two to four templates of up to 400 KB lint as fast or faster
// on one thread).
constexpr std::size_t kFilesWorthAWorker = 16;
constexpr std::uintmax_t kBytesWorthAWorker = std::uintmax_t{2} << 20;

LintResult Engine::LintPaths(const std::vector<std::string>& paths, int jobs) const {
  const Options& opts = impl_->options;
  // Each shard lints the files whose path hashes to it; path errors are reported once.
  auto in_shard = [&](const std::string& f) {
    return opts.shard_count <= 1 || ShardOf(f, opts.shard_count) == opts.shard_index;
  };
  // What the walk sees in each folder spares the later look-ups of configs and parameter files
  // there: the walk records a folder before it reports any file in it.
  internal::FolderFacts folder_facts;
  internal::ConfigResolver configs(impl_->options.config_file, impl_->options.use_config);
  configs.set_folder_facts(&folder_facts);
  internal::LintSettings settings = impl_->settings(&configs);
  settings.folder_facts = &folder_facts;
  internal::RunCoverage coverage(paths);
  settings.linted_in_run = [&coverage](const std::string& f) { return coverage.Covers(f); };
  ConfigGate gate(*impl_, configs);
  std::atomic<bool> stop{false};

  // Files are linted as the walk finds them, by `jobs` threads: the calling thread walks the
  // tree (on a large tree, mostly waiting on the file system) while the others lint, then
  // lints too. Everything per file happens in the workers: linting, the default workload, and
  // sorting the file's findings, so that the merged list is usually in order already (Finish).
  internal::FileQueue queue;
  auto worker = [&] {
    std::size_t index = 0;
    while (const std::string* file = queue.Next(index)) {
      if (!in_shard(*file) || stop.load()) continue;
      internal::FileResult& r = queue.Result(index);
      const bool named = std::find(paths.begin(), paths.end(), *file) != paths.end();
      r = internal::LintFile(settings, *file, named);
      DefaultWorkloads(impl_->options, paths, *file, r);
      internal::SortFindings(r.findings);
      // Blocks that the last files' arenas did not need are freed (util/arena.h).
      internal::Arena::EndCacheUnit();
    }
  };
  // A thread is started for each file found, up to jobs - 1, so that linting one file starts
  // none. Results land in per-file slots: the output does not depend on which thread linted
  // what, nor on the order the walk found files in. With a thread for each CPU, each keeps to
  // its own until all have joined (util/thread.h: CpuPin).
  std::vector<internal::Thread> threads;
  std::optional<internal::CpuPin> pin;
  bool thread_refused = false;
  auto start_worker = [&] {
    // The core count only when a second file comes (reading it costs system calls).
    if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (threads.size() + 1 >= static_cast<std::size_t>(jobs) || thread_refused) return;
    if (!pin) pin.emplace(jobs);
    try {
      threads.emplace_back(worker, pin->cpu(threads.size() + 1));
    } catch (const std::system_error&) {
      thread_refused = true;  // out of threads (ulimit -u): fewer workers lint it all
    }
  };
  // A folder usually holds several files: its first worker starts before the walk, so that
  // the thread's start (a clone, its stack, ~0.1-0.3 ms) overlaps the walk to the first file
  // instead of delaying the first file's lint (the whole run's serial start).
  const bool folder = std::any_of(paths.begin(), paths.end(), [](const std::string& p) {
    std::error_code ec;
    return p != "-" && std::filesystem::is_directory(p, ec);
  });
  if (folder) start_worker();
  // A pre-commit hook's few named files: see kBytesWorthAWorker. An explicit thread count is
  // taken as asked.
  const bool auto_jobs = jobs <= 0;
  std::uintmax_t bytes_after_first = 0;
  auto worth_a_worker = [&](const std::string& file) {
    if (folder || !auto_jobs || bytes_after_first >= kBytesWorthAWorker ||
        queue.size() >= kFilesWorthAWorker) {
      return true;
    }
    std::error_code ec;
    const std::uintmax_t size =
        file == "-" ? kBytesWorthAWorker : std::filesystem::file_size(file, ec);
    bytes_after_first += ec ? kBytesWorthAWorker : size;
    return bytes_after_first >= kBytesWorthAWorker;
  };
  internal::WalkResult walk = internal::CollectFiles(
      paths,
      [&](const std::string& file) {
        // A config mistake stops the run before the files it governs are linted.
        if (!gate.Check(file)) stop = true;
        queue.Push(file);
        if (queue.size() > 1 && worth_a_worker(file)) start_worker();
      },
      &folder_facts);
  queue.Close();
  worker();
  // No more files: this thread's cached arena blocks would only add to the memory that merging
  // and reporting the findings take (worker threads free theirs as they end).
  internal::Arena::ReleaseCachedBlocks();
  for (internal::Thread& t : threads) t.join();
  pin.reset();

  LintResult result;
  if (!gate.ok()) {
    result.errors = gate.TakeErrors();
    internal::SortErrors(result.errors);
    return result;
  }
  result.errors = std::move(walk.errors);
  if (opts.shard_count > 1 && opts.shard_index != 1) result.errors.clear();
  std::vector<internal::FileResult*> in_order;
  std::size_t findings = 0;
  for (std::size_t i = 0; i < walk.files.size(); ++i) {
    if (!in_shard(walk.files[i])) continue;
    in_order.push_back(&queue.Result(walk.found_as[i]));
    findings += in_order.back()->findings.size();
  }
  // Several files' findings are moved into one list sized once; a lone file's is taken whole.
  if (in_order.size() > 1) result.findings.reserve(findings);
  for (internal::FileResult* r : in_order) Merge(std::move(*r), result);
  if (result.files == 0 && result.errors.empty() && !opts.allow_empty && opts.shard_count <= 1) {
    result.errors = NothingToLint(paths, walk.bicep_files_skipped);
  }
  result.errors.insert(result.errors.end(), impl_->policy_errors.begin(),
                       impl_->policy_errors.end());
  for (InputError& e : impl_->LatePolicyErrors()) result.errors.push_back(std::move(e));
  Finish(impl_->options, configs, result);
  return result;
}

LintResult Engine::LintBuffer(std::string_view display_name, std::string_view text) const {
  LintResult result;
  internal::ConfigResolver configs(impl_->options.config_file, impl_->options.use_config);
  internal::FileResult r =
      internal::LintText(impl_->settings(&configs), std::string(display_name), std::string(text));
  DefaultWorkloads(impl_->options, {std::string(display_name)}, std::string(display_name), r);
  Merge(std::move(r), result);
  result.errors.insert(result.errors.end(), impl_->policy_errors.begin(),
                       impl_->policy_errors.end());
  for (InputError& e : impl_->LatePolicyErrors()) result.errors.push_back(std::move(e));
  Finish(impl_->options, configs, result);
  return result;
}

std::vector<SkippedPolicy> Engine::SkippedPolicies() const {
  absl::call_once(impl_->skipped_once, [impl = impl_.get()] {
    if (!impl->more_skipped) return;
    std::vector<SkippedPolicy>& list = impl->skipped_policies;
    bool sort = !list.empty();
    impl->more_skipped(list);
    if (sort) {
      std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return std::tie(a.file, a.name) < std::tie(b.file, b.name);
      });
    }
  });
  return impl_->skipped_policies;
}

std::vector<std::string> Engine::PolicyNotes() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->policy_notes;
}

absl::StatusOr<PolicyCacheSummary> WritePolicyCache(const Options& options,
                                                    const std::string& path) {
  internal::PolicyLoadOptions po;
  po.paths = options.policy_paths;
  po.parameters_file = options.policy_parameters_file;
  po.alias_files = options.alias_files;
  po.record = true;
  internal::PolicyLoad load = internal::LoadPolicies(po);
  if (absl::Status s = internal::WritePolicyCache(po, load, path); !s.ok()) {
    return internal::WithLocationInMessage(s);
  }
  PolicyCacheSummary out;
  out.rules = load.records.size();
  out.skipped = load.skipped.size();
  for (const absl::Status& s : load.errors) out.errors.push_back(internal::ToInputError(s, ""));
  return out;
}

std::vector<InputError> Engine::PolicyErrors() const {
  std::vector<InputError> out = impl_->policy_errors;
  for (InputError& e : impl_->LatePolicyErrors()) out.push_back(std::move(e));
  return out;
}

std::vector<RuleInfo> Engine::Rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : impl_->rules->rules()) {
    out.push_back(internal::ToRuleInfo(*r));
  }
  return out;
}

}  // namespace armlint
