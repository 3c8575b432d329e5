// Baseline fingerprints, file format and application.
#include "findings/baseline.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include <boost/json.hpp>

#include "json/document.h"
#include "util/hash.h"
#include "util/strings.h"

namespace armlint {
namespace json = boost::json;
namespace internal {

std::string Fingerprint(std::string_view rule_id, std::string_view file,
                        std::string_view resource_id, std::string_view relative_pointer) {
  return FingerprintOfPath(rule_id, FingerprintPath(file), resource_id, relative_pointer);
}

namespace {

// Whether lexically_normal() leaves `p` as it is: no empty or "." component, ".." only as a
// leading run of a relative path, no trailing separator ("../corpus/a/main.json").
bool AlreadyNormal(std::string_view p) {
  if (p.empty() || p.back() == '/') return false;
  const bool absolute = p.front() == '/';
  bool named = false;  // a component other than ".." seen
  for (std::size_t start = absolute ? 1 : 0; start <= p.size();) {
    std::size_t slash = p.find('/', start);
    if (slash == std::string_view::npos) slash = p.size();
    const std::string_view c = p.substr(start, slash - start);
    if (c.empty() || c == ".") return false;
    if (c != "..") {
      named = true;
    } else if (named || absolute) {
      return false;
    }
    start = slash + 1;
  }
  return true;
}

}  // namespace

std::string FingerprintPath(std::string_view file) {
  // Most paths are normal already: no path object for them.
  if (AlreadyNormal(file)) return std::string(file);
  return std::filesystem::path(std::string(file)).lexically_normal().generic_string();
}

std::string FingerprintOfPath(std::string_view rule_id, std::string_view fingerprint_path,
                              std::string_view resource_id, std::string_view relative_pointer) {
  // FNV-1a 64 over the parts, each followed by 0x1f: stable across platforms and releases.
  Fnv1a64 h(kArmlintFnv64OffsetBasis);
  h.Add(rule_id).AddByte(0x1f).Add(fingerprint_path).AddByte(0x1f);
  h.Add(resource_id).AddByte(0x1f).Add(relative_pointer).AddByte(0x1f);
  return Hex64(h.value());  // not StrFormat: a fingerprint for every finding of a run
}

absl::StatusOr<std::vector<BaselineEntry>> ReadBaselineEntries(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(path);
  if (!doc.ok()) return doc.status();
  const Value& root = (*doc)->root();
  const Value* findings = root.Find("findings");
  if (!root.is_object() || findings == nullptr || !findings->is_array()) {
    return (*doc)->ErrorAt(root.pos(), "not an armlint baseline: expected {\"findings\": [...]}");
  }
  int version = 1;
  if (const Value* v = root.Find("armlintBaseline"); v != nullptr && v->is_int()) {
    version = static_cast<int>(v->int_value());
  }
  auto str = [](const Value* f, std::string_view key) {
    const Value* v = f->Find(key);
    return v != nullptr && v->is_string() ? std::string(v->string_value()) : std::string();
  };
  std::vector<BaselineEntry> out;
  for (const Value* f : findings->items()) {
    const Value* fp = f->Find("fingerprint");
    if (fp == nullptr || !fp->is_string()) {
      return (*doc)->ErrorAt(f->pos(), "baseline entry without a \"fingerprint\" string");
    }
    BaselineEntry e;
    e.fingerprint = std::string(fp->string_value());
    e.version = version;
    if (version < 2) {
      e.rule_id = str(f, "ruleId");
      e.file = FingerprintPath(str(f, "file"));
      e.resource_id = str(f, "resourceId");
      e.pointer = str(f, "pointer");
    }
    out.push_back(std::move(e));
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> ReadBaseline(const std::string& path) {
  absl::StatusOr<std::vector<BaselineEntry>> entries = ReadBaselineEntries(path);
  if (!entries.ok()) return entries.status();
  std::vector<std::string> out;
  for (BaselineEntry& e : *entries) out.push_back(std::move(e.fingerprint));
  return out;
}

std::optional<Scores> ReadBaselineScores(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(path);
  if (!doc.ok()) return std::nullopt;
  const Value* score = (*doc)->root().Find("score");
  if (score == nullptr || !score->is_object()) return std::nullopt;
  auto number = [](const Value* v) -> std::optional<double> {
    if (v == nullptr) return std::nullopt;
    if (v->is_int()) return static_cast<double>(v->int_value());
    if (v->is_double()) return v->double_value();
    return std::nullopt;
  };
  Scores s;
  for (int c = 0; c < kCategoryCount; ++c) {
    s.category[c] = number(score->Find(CategoryName(static_cast<Category>(c))));
  }
  s.overall = number(score->Find("overall"));
  return s;
}

void ApplyBaseline(const std::vector<BaselineEntry>& baseline, LintResult& result) {
  std::vector<std::string> fingerprints;
  using Legacy = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Legacy, int> legacy;
  for (const BaselineEntry& e : baseline) {
    if (e.version >= 2) {
      fingerprints.push_back(e.fingerprint);
    } else {
      ++legacy[Legacy{e.rule_id, e.file, e.resource_id, e.pointer}];
    }
  }
  if (!legacy.empty()) {
    std::vector<Finding> kept;
    for (Finding& f : result.findings) {
      auto it = legacy.find(
          Legacy{f.rule_id, FingerprintPath(f.location.file), f.resource_id, f.location.pointer});
      if (!f.suppressed && it != legacy.end() && it->second > 0) {
        --it->second;
        ++result.baselined;
        continue;
      }
      kept.push_back(std::move(f));
    }
    result.findings = std::move(kept);
    for (const auto& [key, n] : legacy) result.baseline_fixed += n;
  }
  ApplyBaseline(fingerprints, result);
}

void ApplyBaseline(const std::vector<std::string>& baseline, LintResult& result) {
  std::map<std::string, int> left;
  for (const std::string& fp : baseline) ++left[fp];
  std::vector<Finding> kept;
  for (Finding& f : result.findings) {
    auto it = left.find(f.fingerprint);
    if (!f.suppressed && it != left.end() && it->second > 0) {
      --it->second;
      ++result.baselined;
      continue;
    }
    kept.push_back(std::move(f));
  }
  result.findings = std::move(kept);
  for (const auto& [fp, n] : left) result.baseline_fixed += n;
}

}  // namespace internal

absl::Status WriteBaseline(const LintResult& result, const std::string& path) {
  std::vector<const Finding*> sorted;
  for (const Finding& f : result.findings) {
    if (!f.suppressed && f.outcome == Outcome::kFail) sorted.push_back(&f);
  }
  // Sorted by what a reviewer reads (file, rule, resource, property), one entry per line, so
  // that a re-recorded baseline's diff shows the findings that came and went.
  std::sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) {
    return std::tie(a->location.file, a->rule_id, a->resource_id, a->location.pointer,
                    a->fingerprint) < std::tie(b->location.file, b->rule_id, b->resource_id,
                                               b->location.pointer, b->fingerprint);
  });
  // The scores at the time of the baseline, so that later runs can show the change.
  Assessments all;
  for (const FileSummary& f : result.files_linted) all.Add(f.assessments);
  const Scores scores = ComputeScores(all);
  std::string score = "{";
  auto put = [&score](std::string_view key, const std::optional<double>& v) {
    if (score.size() > 1) score += ", ";
    absl::StrAppend(&score, "\"", internal::AbslView(key), "\": ",
                    v.has_value() ? absl::StrFormat("%.1f", std::round(*v * 10) / 10) : "null");
  };
  for (int c = 0; c < kCategoryCount; ++c)
    put(CategoryName(static_cast<Category>(c)), scores.category[c]);
  put("overall", scores.overall);
  score += "}";
  std::string text = "{\n  \"armlintBaseline\": 2,\n  \"score\": " + score + ",\n  \"findings\": [";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const Finding* f = sorted[i];
    json::object o;
    o["fingerprint"] = f->fingerprint;
    o["ruleId"] = f->rule_id;
    o["file"] = f->location.file;
    o["resourceId"] = f->resource_id;
    o["pointer"] = f->location.pointer;
    text += (i == 0 ? "\n    " : ",\n    ") + json::serialize(o);
  }
  text += sorted.empty() ? "]\n}\n" : "\n  ]\n}\n";
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return absl::InvalidArgumentError("cannot write baseline " + path);
  return absl::OkStatus();
}

}  // namespace armlint
