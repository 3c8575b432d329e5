// Findings rendered ahead of their report, by the threads that lint them (LintResult::rendered,
// Engine::LintPaths with a ReportOptions): the report then copies each finding's text instead of
// rendering it after the lint, where it would be the run's serial end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "armlint/armlint.hpp"

namespace armlint::internal {

// Where one finding's text is, and a hash of everything its rendering reads (so that a finding
// changed after it was rendered is told apart and rendered anew).
struct RenderedSpan {
  std::size_t begin = 0;
  std::size_t size = 0;
  std::uint32_t text = 0;  // index in RenderedFindings::texts
  std::uint64_t hash = 0;
};

struct RenderedFindings {
  Format format = Format::kJson;
  std::vector<std::string> texts;   // the chunks of the linting threads' stores (below)
  std::vector<RenderedSpan> spans;  // one per LintResult::findings, in that order
};

// Appends `findings` to `text` as the JSON report's findings array elements, each written as
// following another element (",\n    {...}"), and one span per finding (`text` index 0) to
// `spans`.
void RenderJsonFindings(const std::vector<Finding>& findings, std::string& text,
                        std::vector<RenderedSpan>& spans);

// Where one thread keeps the text it renders for many files: chunks of half a megabyte filled in
// turn. A string per file would scatter long-lived text between the short-lived data of the
// files linted meanwhile, and the heap would grow (by 2 MB pages, each faulted in) around both.
class RenderedTextStore {
 public:
  // Renders `findings` as RenderJsonFindings does, into this store: the spans' `text` is the
  // index of their chunk in chunks().
  void AddJson(const std::vector<Finding>& findings, std::vector<RenderedSpan>& spans);
  std::vector<std::string>& chunks() { return chunks_; }

 private:
  static constexpr std::size_t kChunkBytes = 512 * 1024;
  std::string scratch_;  // one file's text as it is rendered (kept for the next file)
  std::vector<std::string> chunks_;
};

// The hash RenderedSpan::hash holds for `f`: of every field the JSON report writes.
std::uint64_t RenderedHash(const Finding& f);

// The text rendered for the finding at `index` of the findings `rendered` was made for, when
// `f` (the finding there now) is still what was rendered; nullopt otherwise.
std::optional<std::string_view> RenderedText(const RenderedFindings& rendered, std::size_t index,
                                             const Finding& f);

}  // namespace armlint::internal
