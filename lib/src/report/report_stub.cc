// Placeholder report writers until the report stage lands.
#include <ostream>
#include <sstream>

#include "armlint/armlint.hpp"
#include "util/strings.h"

namespace armlint {
std::string_view CategoryName(Category c) {
  switch (c) {
    case Category::kCost:
      return "Cost";
    case Category::kSecurity:
      return "Security";
    case Category::kReliability:
      return "Reliability";
    case Category::kPerformance:
      return "Performance";
    case Category::kOperationalExcellence:
      return "OperationalExcellence";
  }
  return "";
}
std::optional<Category> ParseCategory(std::string_view n) {
  for (Category c : {Category::kCost, Category::kSecurity, Category::kReliability,
                     Category::kPerformance, Category::kOperationalExcellence}) {
    if (internal::EqualsIgnoreCase(n, CategoryName(c))) return c;
  }
  return std::nullopt;
}
std::string_view ImpactName(Impact i) {
  return i == Impact::kHigh ? "High" : i == Impact::kMedium ? "Medium" : "Low";
}
std::optional<Impact> ParseImpact(std::string_view n) {
  for (Impact i : {Impact::kHigh, Impact::kMedium, Impact::kLow}) {
    if (internal::EqualsIgnoreCase(n, ImpactName(i))) return i;
  }
  return std::nullopt;
}
std::string_view FormatName(Format f) { return f == Format::kJson ? "json" : "text"; }
std::optional<Format> ParseFormat(std::string_view n) {
  if (n == "json") return Format::kJson;
  if (n == "text") return Format::kText;
  return std::nullopt;
}
std::vector<Format> AllFormats() { return {Format::kText, Format::kJson}; }
absl::Status WriteReport(const LintResult& r, const ReportOptions&, std::ostream& out) {
  for (const Finding& f : r.findings) {
    out << f.location.file << ":" << f.location.line << ":" << f.location.column << " " << f.rule_id
        << " " << f.impacted_value << "\n";
  }
  for (const InputError& e : r.errors) {
    out << e.location.file << ":" << e.location.line << ":" << e.location.column
        << ": error: " << e.message << "\n";
  }
  out << r.findings.size() << " findings, " << r.errors.size() << " errors\n";
  return absl::OkStatus();
}
absl::StatusOr<std::string> FormatReport(const LintResult& r, const ReportOptions& o) {
  std::ostringstream s;
  absl::Status st = WriteReport(r, o, s);
  if (!st.ok()) return st;
  return s.str();
}
bool HasFailures(const LintResult& r, std::optional<Impact> threshold) {
  if (!threshold) return false;
  for (const Finding& f : r.findings) {
    if (!f.suppressed && f.outcome == Outcome::kFail &&
        static_cast<int>(f.impact) <= static_cast<int>(*threshold))
      return true;
  }
  return false;
}
}  // namespace armlint
