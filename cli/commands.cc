// Command implementations: thin calls into the public API.
#include "cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/heap.h"

namespace armlint::cli {
namespace {

void PrintStatus(const absl::Status& s) { std::cerr << "armlint: " << s.message() << "\n"; }

// `rules --policy`: the definitions evaluated (as rules) and those left out, with why; policy
// files that do not load are errors (exit 2), so this also validates them.
int ListPolicies(const Engine& engine, const std::string& format_name) {
  std::optional<Format> format = ParseFormat(format_name);
  if (!format || (*format != Format::kText && *format != Format::kJson)) {
    std::cerr << "armlint: --policy lists as text or json\n";
    return kExitError;
  }
  absl::Status s = WritePolicyList(engine.Rules(), engine.SkippedPolicies(), engine.PolicyErrors(),
                                   *format, std::cout);
  if (!s.ok()) {
    PrintStatus(s);
    return kExitError;
  }
  return engine.PolicyErrors().empty() ? kExitOk : kExitError;
}

// "2026-12-06 07:30 UTC": SOURCE_DATE_EPOCH when set (reproducible reports), else now.
std::string GeneratedAt() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != 0) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == 0 && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

// The commit checked out in the working directory ("" outside git or without git).
std::string GitCommit() {
  FILE* p = popen("git rev-parse --short=12 HEAD 2>/dev/null", "r");
  if (p == nullptr) return "";
  char buf[64] = {};
  std::string out;
  if (std::fgets(buf, sizeof buf, p) != nullptr) out = buf;
  if (pclose(p) != 0) return "";
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// What makes a path relative to the working directory a link from the folder `output` is
// written to: "" beside it (or on stdout), "../" one level down, else the absolute folder.
std::string LinkBase(const std::string& output) {
  namespace fs = std::filesystem;
  if (output.empty()) return "";
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return "";
  const fs::path dir = fs::weakly_canonical(fs::absolute(output, ec), ec).parent_path();
  const fs::path rel = fs::weakly_canonical(cwd, ec).lexically_relative(dir);
  if (rel.empty()) return "file://" + cwd.generic_string() + "/";
  if (rel == ".") return "";
  return rel.generic_string() + "/";
}

// The HTML report's provenance and link base for a page written to `output`.
void HtmlDetails(ReportOptions& report, const std::string& output) {
  report.generated_at = GeneratedAt();
  report.commit = GitCommit();
  report.link_base = LinkBase(output);
}

}  // namespace

// RunLint after the arguments that need checking (--shard) are parsed into `args.options`.
int RunLintWith(const LintArgs& args);

// "K/N" with 1 <= K <= N.
bool ParseShard(const std::string& text, int& k, int& n) {
  std::size_t slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size()) return false;
  try {
    std::size_t used = 0;
    k = std::stoi(text.substr(0, slash), &used);
    if (used != slash) return false;
    n = std::stoi(text.substr(slash + 1), &used);
    if (used != text.size() - slash - 1) return false;
  } catch (...) {
    return false;
  }
  return n >= 1 && n <= 100000 && k >= 1 && k <= n;
}

std::string FormatNames() {
  std::string names;
  for (Format f : AllFormats()) {
    if (!names.empty()) names += ", ";
    names += FormatName(f);
  }
  return names;
}

// --format and --fail-on, shared by lint and merge; false (after saying why) when invalid.
bool ParseOutputFlags(const std::string& format_name, const std::string& fail_on_name,
                      std::optional<Format>& format, std::optional<Impact>& fail_on) {
  format = ParseFormat(format_name);
  if (!format) {
    std::cerr << "armlint: unknown --format '" << format_name << "' (" << FormatNames() << ")\n";
    return false;
  }
  fail_on.reset();
  if (fail_on_name == "none") return true;
  fail_on = ParseImpact(fail_on_name);
  if (!fail_on) {
    std::cerr << "armlint: unknown --fail-on '" << fail_on_name << "' (high, medium, low, none)\n";
    return false;
  }
  return true;
}

// Writes `result` to args' output (or stdout); false (after a message) when that fails.
bool Emit(const LintResult& result, const ReportOptions& report, const std::string& output) {
  absl::Status written;
  if (output.empty()) {
    written = WriteReport(result, report, std::cout);
    std::cout.flush();
  } else {
    std::ofstream out(output, std::ios::binary);
    if (!out) {
      std::cerr << "armlint: cannot write " << output << "\n";
      return false;
    }
    written = WriteReport(result, report, out);
    out.close();
    if (!out) {
      std::cerr << "armlint: cannot write " << output << "\n";
      return false;
    }
  }
  if (!written.ok()) {
    PrintStatus(written);
    return false;
  }
  return true;
}

int RunLint(const LintArgs& args) {
  LintArgs sharded = args;
  if (!args.shard.empty() &&
      !ParseShard(args.shard, sharded.options.shard_index, sharded.options.shard_count)) {
    std::cerr << "armlint: --shard takes K/N with 1 <= K <= N (e.g. 2/4), not '" << args.shard
              << "'\n";
    return kExitError;
  }
  return RunLintWith(sharded);
}

int RunMerge(const MergeArgs& args) {
  std::optional<Format> format;
  std::optional<Impact> fail_on;
  if (!ParseOutputFlags(args.format, args.fail_on, format, fail_on)) return kExitError;
  absl::StatusOr<LintResult> merged = MergeReports(args.reports);
  if (!merged.ok()) {
    PrintStatus(merged.status());
    return kExitError;
  }
  ReportOptions report;
  report.format = *format;
  if (report.format == Format::kHtml) HtmlDetails(report, args.output);
  if (!Emit(*merged, report, args.output)) return kExitError;
  // Like a single run: input errors recorded in the reports fail with 2.
  if (!merged->errors.empty()) return kExitError;
  return HasFailures(*merged, fail_on) ? kExitFindings : kExitOk;
}

namespace {

// One --format: where a format goes ("" = stdout or -o).
struct Output {
  Format format = Format::kText;
  std::string path;
};

// --format FMT[:PATH]... into outputs; false (after saying why) when invalid.
bool ParseOutputs(const LintArgs& args, std::vector<Output>& outputs) {
  std::vector<std::string> specs = args.formats;
  if (specs.empty()) specs.push_back("text");
  for (const std::string& spec : specs) {
    std::size_t colon = spec.find(':');
    Output o;
    std::string name = spec.substr(0, colon);
    std::optional<Format> f = ParseFormat(name);
    if (!f) {
      std::cerr << "armlint: unknown --format '" << name
                << "' (text, json, sarif, junit, markdown, github, html)\n";
      return false;
    }
    o.format = *f;
    if (colon != std::string::npos) {
      o.path = spec.substr(colon + 1);
      if (o.path.empty()) {
        std::cerr << "armlint: --format " << spec << ": give a file after ':' (FMT:PATH)\n";
        return false;
      }
    } else {
      o.path = args.output;
    }
    outputs.push_back(std::move(o));
  }
  // Two reports cannot share a destination.
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    for (std::size_t j = i + 1; j < outputs.size(); ++j) {
      if (outputs[i].path != outputs[j].path) continue;
      std::cerr << "armlint: --format: only one format can go to "
                << (outputs[i].path.empty() ? std::string("standard output") : outputs[i].path)
                << "; write the others to files with --format FMT:PATH\n";
      return false;
    }
  }
  return true;
}

// "3 files, 2 findings (1 High, 1 Medium), 0 errors": for the terminal when every report
// goes to a file.
std::string SummaryLine(const LintResult& r) {
  int by[3] = {0, 0, 0};
  int shown = 0;
  for (const Finding& f : r.findings) {
    if (f.suppressed || f.outcome != Outcome::kFail) continue;
    ++by[static_cast<int>(f.impact)];
    ++shown;
  }
  std::string s = std::to_string(r.files) + (r.files == 1 ? " file, " : " files, ") +
                  std::to_string(shown) + (shown == 1 ? " finding" : " findings");
  if (shown > 0) {
    std::string parts;
    for (int i = 0; i < 3; ++i) {
      if (by[i] == 0) continue;
      parts += (parts.empty() ? "" : ", ") + std::to_string(by[i]) + " " +
               std::string(ImpactName(static_cast<Impact>(i)));
    }
    s += " (" + parts + ")";
  }
  s += ", " + std::to_string(r.errors.size()) + (r.errors.size() == 1 ? " error" : " errors");
  return s;
}

}  // namespace

int RunLintWith(const LintArgs& args) {
  std::optional<Format> format;
  std::optional<Impact> fail_on;
  if (!ParseOutputFlags("text", args.fail_on, format, fail_on)) return kExitError;
  std::vector<Output> outputs;
  if (!ParseOutputs(args, outputs)) return kExitError;
  std::optional<Impact> min_impact;
  if (!args.min_impact.empty()) {
    min_impact = ParseImpact(args.min_impact);
    if (!min_impact) {
      std::cerr << "armlint: unknown --min-impact '" << args.min_impact
                << "' (high, medium, low)\n";
      return kExitError;
    }
  }
  // Many files will be linted on a second thread too (a folder, or more than a pre-commit hook
  // passes; two cores): its malloc arena is made ready, in huge pages, while the engine loads
  // (cli/heap.h). For a few files the set-up (a thread, a 2 MB page) would cost more than the
  // lock it spares.
  constexpr std::size_t kManyFiles = 16;
  const bool threads =
      (args.paths.size() >= kManyFiles || std::any_of(args.paths.begin(), args.paths.end(),
                                                      [](const std::string& p) {
                                                        std::error_code ec;
                                                        return p != "-" &&
                                                               std::filesystem::is_directory(p, ec);
                                                      })) &&
      (args.jobs > 1 || (args.jobs <= 0 && std::thread::hardware_concurrency() > 1));
  std::thread second_heap = threads ? PrepareSecondHeap() : std::thread();
  absl::StatusOr<Engine> engine = Engine::Create(args.options);
  if (second_heap.joinable()) second_heap.join();
  if (!engine.ok()) {
    PrintStatus(engine.status());
    return kExitError;
  }
  LintResult result = engine->LintPaths(args.paths, args.jobs);
  for (const std::string& note : engine->PolicyNotes()) std::cerr << "armlint: " << note << "\n";
  if (!args.fail_on_given && result.config_fail_on.has_value()) fail_on = *result.config_fail_on;
  if (!args.write_baseline.empty()) {
    absl::Status s = WriteBaseline(result, args.write_baseline);
    if (!s.ok()) {
      PrintStatus(s);
      return kExitError;
    }
    std::cerr << "armlint: wrote " << args.write_baseline << "\n";
  }
  const int code = !result.errors.empty()
                       ? kExitError
                       : (HasFailures(result, fail_on) ? kExitFindings : kExitOk);
  // --min-impact hides lower findings from every report; the exit code is decided above.
  const LintResult* shown = &result;
  LintResult filtered;
  int hidden = 0;
  if (min_impact.has_value()) {
    filtered = result;
    std::erase_if(filtered.findings, [&](const Finding& f) {
      bool lower = static_cast<int>(f.impact) > static_cast<int>(*min_impact);
      hidden += lower ? 1 : 0;
      return lower;
    });
    shown = &filtered;
  }
  ReportOptions report;
  report.color = args.color_allowed;
  report.quiet = args.quiet;
  report.verbose = args.verbose;
  report.show_suppressed = args.show_suppressed;
  report.jobs = args.jobs;
  for (const Output& o : outputs) {
    if (o.format == Format::kSarif) report.rules = engine->Rules();
  }
  bool all_to_files = true;
  std::vector<std::string> written_to;
  for (const Output& o : outputs) {
    report.format = o.format;
    report.color = args.color_allowed && o.path.empty();
    if (o.format == Format::kHtml) HtmlDetails(report, o.path);
    if (!Emit(*shown, report, o.path)) return kExitError;
    if (o.path.empty()) {
      all_to_files = false;
    } else {
      written_to.push_back(std::string(FormatName(o.format)) + " to " + o.path);
    }
  }
  if (all_to_files) {
    std::string line = "armlint: " + SummaryLine(*shown);
    if (hidden > 0) {
      line +=
          " (" + std::to_string(hidden) + " below --min-impact " + args.min_impact + " not shown)";
    }
    for (std::size_t i = 0; i < written_to.size(); ++i) {
      line += (i == 0 ? "; wrote " : ", ") + written_to[i];
    }
    std::cout << line << "\n";
  } else if (hidden > 0) {
    std::cerr << "armlint: " << hidden << " finding(s) below --min-impact " << args.min_impact
              << " not shown\n";
  }
  // The process exits next: the findings and the compiled rules are left for the kernel to
  // reclaim with the address space instead of being freed one by one (~5 ms of a 0.1 s corpus
  // run, after all the other work is done). Still reachable, so leak checkers stay quiet.
  static const LintResult* const kept_result = new LintResult(std::move(result));
  static const Engine* const kept_engine = new Engine(std::move(*engine));
  (void)kept_result;
  (void)kept_engine;
  return code;
}

int RunRules(const RulesArgs& args) {
  Options options;
  if (!args.check_dir.empty()) {
    // Validate one pack on its own: every file parsed, every condition compiled.
    absl::StatusOr<std::vector<RuleInfo>> pack = CheckRulePack(args.check_dir);
    if (!pack.ok()) {
      PrintStatus(pack.status());
      return kExitError;
    }
    std::cout << args.check_dir << ": " << pack->size() << " rules OK\n";
    return kExitOk;
  }
  if (!args.write_cache.empty()) {
    if (args.policy_paths.empty()) {
      std::cerr << "armlint: --write-cache needs --policy PATH (the definitions to cache)\n";
      return kExitError;
    }
    options.policy_paths = args.policy_paths;
    options.policy_parameters_file = args.policy_parameters_file;
    options.alias_files = args.alias_files;
    absl::StatusOr<PolicyCacheSummary> cache = WritePolicyCache(options, args.write_cache);
    if (!cache.ok()) {
      PrintStatus(cache.status());
      return kExitError;
    }
    // Load errors are kept in the cache too: a cached run reports them as the folder does.
    for (const InputError& e : cache->errors) {
      std::cerr << e.location.file;
      if (e.location.line > 0) std::cerr << ":" << e.location.line << ":" << e.location.column;
      std::cerr << ": error: " << e.message << "\n";
    }
    std::cout << args.write_cache << ": " << cache->rules << " definitions evaluated, "
              << cache->skipped << " left out, " << cache->errors.size() << " errors\n";
    return cache->errors.empty() ? kExitOk : kExitError;
  }
  options.builtin_rules = !args.no_default_rules && args.policy_paths.empty();
  options.rule_dirs = args.rule_dirs;
  options.policy_paths = args.policy_paths;
  options.policy_parameters_file = args.policy_parameters_file;
  options.alias_files = args.alias_files;
  absl::StatusOr<Engine> engine = Engine::Create(options);
  if (!engine.ok()) {
    PrintStatus(engine.status());
    return kExitError;
  }
  std::vector<RuleInfo> rules = engine->Rules();
  for (const std::string& note : engine->PolicyNotes()) std::cerr << "armlint: " << note << "\n";
  if (!args.policy_paths.empty() && !args.show) return ListPolicies(*engine, args.format);
  if (args.show) {
    for (const RuleInfo& r : rules) {
      if (r.id == args.show_id) {
        WriteRuleDetails(r, std::cout);
        return kExitOk;
      }
    }
    std::cerr << "armlint: no rule '" << args.show_id << "' (see 'armlint rules')\n";
    return kExitError;
  }
  std::optional<Format> format = ParseFormat(args.format);
  if (!format) {
    std::cerr << "armlint: unknown --format '" << args.format << "' (text, json, markdown)\n";
    return kExitError;
  }
  absl::Status s = WriteRuleList(rules, *format, std::cout);
  if (!s.ok()) {
    PrintStatus(s);
    return kExitError;
  }
  return kExitOk;
}

int RunTestRules(const std::string& dir, const std::string& fixtures_dir) {
  absl::StatusOr<FixtureReport> report;
  if (fixtures_dir.empty()) {
    report = TestRules(dir);
  } else {
    TestRulesOptions options;
    options.rules_dir = dir;
    options.fixtures_dir = fixtures_dir;
    report = TestRules(options);
  }
  if (!report.ok()) {
    PrintStatus(report.status());
    return kExitError;
  }
  for (const std::string& failure : report->failures) std::cout << failure << "\n";
  std::cout << report->rules << " rules, " << report->fixtures << " fixtures: "
            << (report->ok() ? "all passed" : std::to_string(report->failures.size()) + " failed")
            << "\n";
  return report->ok() ? kExitOk : kExitFindings;
}

int RunExpand(const ExpandArgs& args) {
  if (args.format != "json") {
    std::cerr << "armlint: expand writes json, not --format '" << args.format << "'\n";
    return kExitError;
  }
  ExpandResult out = Expand(args.file, args.options);
  std::cout << out.json;
  if (!out.json.empty() && out.json.back() != '\n') std::cout << "\n";
  std::cout.flush();
  // The input errors as the text report words them: file:line:col: error: message.
  for (const InputError& e : out.errors) {
    std::cerr << e.location.file;
    if (e.location.line > 0) std::cerr << ":" << e.location.line << ":" << e.location.column;
    std::cerr << ": error: " << e.message << "\n";
  }
  return out.errors.empty() ? kExitOk : kExitError;
}

}  // namespace armlint::cli
