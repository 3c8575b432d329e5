// The one name <-> enum table for formats, categories and impacts, and the report dispatch.
#include <algorithm>
#include <ostream>
#include <sstream>

#include "absl/strings/str_cat.h"

#include "armlint/armlint.hpp"
#include "report/writers.h"
#include "util/did_you_mean.h"
#include "util/strings.h"

namespace armlint {
namespace {

using Writer = absl::Status (*)(const LintResult&, const ReportOptions&, std::ostream&);

struct FormatRow {
  Format format;
  std::string_view name;
  Writer writer;
};

// Adding a format: an enumerator in armlint.hpp, a row here, a writer in report/<name>.cc.
// The CLI's --format takes exactly these names.
constexpr FormatRow kFormats[] = {
    {Format::kText, "text", internal::WriteText},
    {Format::kJson, "json", internal::WriteJson},
    {Format::kSarif, "sarif", internal::WriteSarif},
    {Format::kJunit, "junit", internal::WriteJunit},
    {Format::kMarkdown, "markdown", internal::WriteMarkdown},
    {Format::kGithub, "github", internal::WriteGithub},
    {Format::kHtml, "html", internal::WriteHtml},
};

constexpr std::string_view kCategoryNames[] = {"Cost", "Security", "Reliability", "Performance",
                                               "OperationalExcellence"};
constexpr std::string_view kImpactNames[] = {"High", "Medium", "Low"};

const FormatRow* FindFormat(Format f) {
  for (const FormatRow& row : kFormats) {
    if (row.format == f) return &row;
  }
  return nullptr;
}

}  // namespace

std::string_view FormatName(Format f) {
  const FormatRow* row = FindFormat(f);
  return row == nullptr ? std::string_view("unknown") : row->name;
}

std::optional<Format> ParseFormat(std::string_view name) {
  for (const FormatRow& row : kFormats) {
    if (internal::EqualsIgnoreCase(row.name, name)) return row.format;
  }
  return std::nullopt;
}

std::vector<Format> AllFormats() {
  std::vector<Format> out;
  for (const FormatRow& row : kFormats) out.push_back(row.format);
  return out;
}

std::string_view CategoryName(Category c) {
  const auto i = static_cast<std::size_t>(c);
  return i < std::size(kCategoryNames) ? kCategoryNames[i] : std::string_view("Unknown");
}

std::string_view NearestName(std::string_view name, std::span<const std::string_view> candidates) {
  return internal::NearestName(name, candidates);
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (Category c : internal::kAllCategories) {
    if (internal::EqualsIgnoreCase(CategoryName(c), name)) return c;
  }
  return std::nullopt;
}

std::string_view ImpactName(Impact i) {
  const auto n = static_cast<std::size_t>(i);
  return n < std::size(kImpactNames) ? kImpactNames[n] : std::string_view("Unknown");
}

std::optional<Impact> ParseImpact(std::string_view name) {
  for (Impact i : internal::kAllImpacts) {
    if (internal::EqualsIgnoreCase(ImpactName(i), name)) return i;
  }
  return std::nullopt;
}

absl::Status WriteReport(const LintResult& result, const ReportOptions& options,
                         std::ostream& out) {
  const FormatRow* row = FindFormat(options.format);
  if (row == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown report format ", static_cast<int>(options.format)));
  }
  absl::Status status = row->writer(result, options, out);
  if (!status.ok()) return status;
  out.flush();
  if (!out) {
    return absl::UnavailableError(absl::StrCat("could not write the ", std::string(row->name),
                                               " report (output stream failed)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> FormatReport(const LintResult& result, const ReportOptions& options) {
  std::ostringstream out;
  absl::Status status = WriteReport(result, options, out);
  if (!status.ok()) return status;
  return std::move(out).str();
}

bool HasFailures(const LintResult& result, std::optional<Impact> threshold) {
  if (!threshold.has_value()) return false;
  // Impacts are declared from the most severe (kHigh = 0): "at or above" is "<=".
  for (const Finding& f : result.findings) {
    if (!f.suppressed && f.outcome == Outcome::kFail &&
        static_cast<int>(f.impact) <= static_cast<int>(*threshold)) {
      return true;
    }
  }
  return false;
}

namespace internal {

std::string_view ReportToolVersion() {
#ifdef ARMLINT_VERSION_STRING
  return ARMLINT_VERSION_STRING;
#else
  return "0.0.0";
#endif
}

std::string_view OutcomeName(Outcome o) { return o == Outcome::kUnknown ? "unknown" : "fail"; }

ReportCounts CountResult(const LintResult& result) {
  ReportCounts c;
  c.files = result.files;
  c.resources = result.resources;
  c.errors = static_cast<int>(result.errors.size());
  c.unevaluated_deployments = result.unevaluated_deployments;
  c.baselined = result.baselined;
  c.baseline_fixed = result.baseline_fixed;
  int suppressed_listed = 0;
  for (const Finding& f : result.findings) {
    if (f.suppressed) {
      ++suppressed_listed;
    } else if (f.outcome == Outcome::kUnknown) {
      ++c.unknown;
    } else {
      ++c.findings;
      ++c.by_category[static_cast<int>(f.category)];
      ++c.by_impact[static_cast<int>(f.impact)];
    }
  }
  // The engine may count suppressed findings it did not keep; never report fewer than listed.
  c.suppressed = std::max(result.suppressed, suppressed_listed);
  return c;
}

std::vector<const Finding*> ListedFindings(const LintResult& result, const ReportOptions& options) {
  std::vector<const Finding*> out;
  for (const Finding& f : result.findings) {
    if (!f.suppressed || options.show_suppressed) out.push_back(&f);
  }
  return out;
}

std::string Plural(int n, std::string_view noun) {
  return absl::StrCat(n, " ", std::string(noun), n == 1 ? "" : "s");
}

}  // namespace internal
}  // namespace armlint
