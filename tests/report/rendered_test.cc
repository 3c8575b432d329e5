// Findings rendered ahead of the JSON report (report/rendered.h, LintResult::rendered): the
// report copies each rendering that still holds and renders anything else anew, so its text is
// always that of a report rendered from scratch.
#include "report/rendered.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

#include "report/report_test_util.h"

namespace armlint {
namespace {

using internal::RenderedFindings;
using testing::Render;

// `r`'s findings rendered as a run renders them: in two "files" (two texts), in order.
std::shared_ptr<RenderedFindings> RenderAhead(const LintResult& r) {
  auto out = std::make_shared<RenderedFindings>();
  const std::size_t half = r.findings.size() / 2;
  for (auto [begin, end] : {std::pair{std::size_t{0}, half}, {half, r.findings.size()}}) {
    std::vector<Finding> file(r.findings.begin() + static_cast<std::ptrdiff_t>(begin),
                              r.findings.begin() + static_cast<std::ptrdiff_t>(end));
    std::string text;
    std::vector<internal::RenderedSpan> spans;
    internal::RenderJsonFindings(file, text, spans);
    for (internal::RenderedSpan& s : spans) {
      s.text = static_cast<std::uint32_t>(out->texts.size());
      out->spans.push_back(s);
    }
    out->texts.push_back(std::move(text));
  }
  return out;
}

TEST(RenderedFindings, ReportIsTheSameAsRenderedAfterwards) {
  for (LintResult r : {testing::BasicResult(), testing::HostileResult()}) {
    ASSERT_FALSE(r.findings.empty());
    const std::string plain = Render(r, Format::kJson);
    const std::string with_suppressed = Render(r, Format::kJson, false, true);
    r.rendered = RenderAhead(r);
    EXPECT_EQ(Render(r, Format::kJson), plain);
    EXPECT_EQ(Render(r, Format::kJson, false, true), with_suppressed);
  }
}

TEST(RenderedFindings, TheRenderedTextIsWhatTheReportCopies) {
  LintResult r = testing::BasicResult();
  auto rendered = RenderAhead(r);
  // The same spans over text planted in place of the first finding's: the report copies it,
  // which shows that it does not render that finding again.
  const internal::RenderedSpan& first = rendered->spans[0];
  std::string& text = rendered->texts[first.text];
  const std::string planted = ",\n    {\"planted\": true}";
  text.replace(first.begin, first.size, planted);
  const std::ptrdiff_t shift =
      static_cast<std::ptrdiff_t>(planted.size()) - static_cast<std::ptrdiff_t>(first.size);
  rendered->spans[0].size = planted.size();
  for (std::size_t i = 1; i < rendered->spans.size(); ++i) {
    if (rendered->spans[i].text == first.text) {
      rendered->spans[i].begin =
          static_cast<std::size_t>(static_cast<std::ptrdiff_t>(rendered->spans[i].begin) + shift);
    }
  }
  r.rendered = rendered;
  const std::string report = Render(r, Format::kJson);
  EXPECT_NE(report.find("\"findings\": [\n    {\"planted\": true},\n    {"), std::string::npos)
      << report;
}

TEST(RenderedFindings, ChangedFindingsAreRenderedAnew) {
  LintResult r = testing::BasicResult();
  r.rendered = RenderAhead(r);
  // Edited in place, reordered, one dropped: whatever no longer matches is rendered here.
  r.findings[1].problem = "an edited problem";
  r.findings[2].location.line += 7;
  std::swap(r.findings[0], r.findings[3]);
  LintResult fresh = r;
  fresh.rendered = nullptr;
  EXPECT_EQ(Render(r, Format::kJson), Render(fresh, Format::kJson));
  EXPECT_NE(Render(r, Format::kJson).find("an edited problem"), std::string::npos);
  r.findings.pop_back();
  fresh.findings.pop_back();
  EXPECT_EQ(Render(r, Format::kJson), Render(fresh, Format::kJson));
}

TEST(RenderedFindings, TextHoldsOnlyWhileTheFindingIsUnchanged) {
  LintResult r = testing::BasicResult();
  auto rendered = RenderAhead(r);
  ASSERT_EQ(rendered->spans.size(), r.findings.size());
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    std::optional<std::string_view> text = internal::RenderedText(*rendered, i, r.findings[i]);
    ASSERT_TRUE(text.has_value()) << i;
    EXPECT_TRUE(text->starts_with(",\n    {\n      \"ruleId\": \"")) << *text;
  }
  Finding changed = r.findings[0];
  changed.suppressed = !changed.suppressed;
  EXPECT_FALSE(internal::RenderedText(*rendered, 0, changed).has_value());
  changed = r.findings[0];
  changed.workload = "elsewhere";
  EXPECT_FALSE(internal::RenderedText(*rendered, 0, changed).has_value());
  EXPECT_FALSE(internal::RenderedText(*rendered, r.findings.size(), r.findings[0]).has_value());
}

TEST(RenderedFindings, StoreKeepsEachFilesTextInItsChunks) {
  LintResult r = testing::BasicResult();
  internal::RenderedTextStore store;
  std::vector<internal::RenderedSpan> first, second, large;
  store.AddJson(r.findings, first);
  store.AddJson({r.findings[1]}, second);
  // A file whose text is larger than a chunk: a chunk of its own.
  std::vector<Finding> many(700, r.findings[0]);
  store.AddJson(many, large);
  ASSERT_EQ(first.size(), r.findings.size());
  ASSERT_EQ(second.size(), 1u);
  ASSERT_EQ(large.size(), many.size());
  ASSERT_EQ(store.chunks().size(), 2u);
  // The two small files share the first chunk, one after the other.
  EXPECT_EQ(second[0].text, first.back().text);
  EXPECT_EQ(second[0].begin, first.back().begin + first.back().size);
  EXPECT_EQ(large[0].text, 1u);
  EXPECT_EQ(large[0].begin, 0u);
  RenderedFindings all;
  all.texts = store.chunks();
  all.spans = first;
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    std::string alone;
    std::vector<internal::RenderedSpan> spans;
    internal::RenderJsonFindings({r.findings[i]}, alone, spans);
    EXPECT_EQ(internal::RenderedText(all, i, r.findings[i]).value_or(""), alone) << i;
  }
}

TEST(RenderedFindings, OtherFormatsIgnoreIt) {
  LintResult r = testing::BasicResult();
  const std::string sarif = Render(r, Format::kSarif);
  const std::string text = Render(r, Format::kText);
  r.rendered = RenderAhead(r);
  EXPECT_EQ(Render(r, Format::kSarif), sarif);
  EXPECT_EQ(Render(r, Format::kText), text);
}

}  // namespace
}  // namespace armlint
