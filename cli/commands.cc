// Command implementations: thin calls into the public API.
#include "cli/commands.h"

#include <fstream>
#include <iostream>
#include <optional>

namespace armlint::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

void PrintStatus(const absl::Status& s) { std::cerr << "armlint: " << s.message() << "\n"; }

}  // namespace

int RunLint(const LintArgs& args) {
  std::optional<Format> format = ParseFormat(args.format);
  if (!format) {
    std::cerr << "armlint: unknown --format '" << args.format
              << "' (text, json, sarif, junit, markdown, github, html)\n";
    return kExitError;
  }
  std::optional<Impact> fail_on;
  if (args.fail_on != "none") {
    fail_on = ParseImpact(args.fail_on);
    if (!fail_on) {
      std::cerr << "armlint: unknown --fail-on '" << args.fail_on
                << "' (high, medium, low, none)\n";
      return kExitError;
    }
  }
  absl::StatusOr<Engine> engine = Engine::Create(args.options);
  if (!engine.ok()) {
    PrintStatus(engine.status());
    return kExitError;
  }
  LintResult result = engine->LintPaths(args.paths, args.jobs);
  ReportOptions report;
  report.format = *format;
  report.color = args.color_allowed;
  report.quiet = args.quiet;
  report.show_suppressed = args.show_suppressed;
  absl::Status written;
  if (args.output.empty()) {
    written = WriteReport(result, report, std::cout);
    std::cout.flush();
  } else {
    std::ofstream out(args.output, std::ios::binary);
    if (!out) {
      std::cerr << "armlint: cannot write " << args.output << "\n";
      return kExitError;
    }
    written = WriteReport(result, report, out);
    out.close();
    if (!out) {
      std::cerr << "armlint: cannot write " << args.output << "\n";
      return kExitError;
    }
  }
  if (!written.ok()) {
    PrintStatus(written);
    return kExitError;
  }
  if (!result.errors.empty()) return kExitError;
  return HasFailures(result, fail_on) ? kExitFindings : kExitOk;
}

int RunRules(const RulesArgs& args) {
  (void)args;
  std::cerr << "armlint: 'rules' is not available yet\n";
  return kExitError;
}

int RunTestRules(const std::string& dir, const std::string& fixtures_dir) {
  (void)dir;
  (void)fixtures_dir;
  std::cerr << "armlint: 'test-rules' is not available yet\n";
  return kExitError;
}

int RunExpand(const std::string& file, const std::string& parameters) {
  (void)file;
  (void)parameters;
  std::cerr << "armlint: 'expand' is not available yet\n";
  return kExitError;
}

}  // namespace armlint::cli
