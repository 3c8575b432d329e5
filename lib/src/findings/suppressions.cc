// Suppression directives and their matching.
#include "findings/suppressions.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "findings/rule_ids.h"
#include "util/glob.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// Offset just past the JSON value starting at `start` (an object or array), skipping strings
// and comments; the text's end when unbalanced.
std::uint32_t ValueEnd(std::string_view text, std::uint32_t start) {
  int depth = 0;
  for (std::size_t i = start; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      std::size_t e = text.find("*/", i + 2);
      i = e == std::string_view::npos ? text.size() : e + 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return static_cast<std::uint32_t>(i + 1);
    }
  }
  return static_cast<std::uint32_t>(text.size());
}

}  // namespace

std::string TodayUtc() { return absl::FormatTime("%Y-%m-%d", absl::Now(), absl::UTCTimeZone()); }

Suppressor::Suppressor(const Document& doc, std::shared_ptr<const Config> config, std::string today,
                       std::vector<absl::Status>& errors, const RuleIdList* known_ids)
    : doc_(doc), config_(std::move(config)), today_(std::move(today)) {
  for (const Comment& c : doc.comments()) {
    std::string_view text = StdView(absl::StripAsciiWhitespace(AbslView(c.text)));
    if (!text.starts_with("armlint-disable")) continue;
    Directive d;
    d.pos = c.pos;
    std::string_view rest;
    if (text.starts_with("armlint-disable-next-line")) {
      d.scope = Scope::kNextLine;
      rest = text.substr(25);
    } else if (text.starts_with("armlint-disable-resource")) {
      d.scope = Scope::kResource;
      rest = text.substr(24);
    } else if (text.starts_with("armlint-disable-file")) {
      d.scope = Scope::kFile;
      rest = text.substr(20);
    } else {
      errors.push_back(doc.ErrorAt(c.pos,
                                   "unknown directive (armlint-disable-next-line, "
                                   "armlint-disable-resource, armlint-disable-file)"));
      continue;
    }
    std::size_t dash = rest.find("--");
    std::string_view why =
        dash == std::string_view::npos ? std::string_view() : rest.substr(dash + 2);
    why = StdView(absl::StripAsciiWhitespace(AbslView(why)));
    if (why.empty()) {
      errors.push_back(doc.ErrorAt(
          c.pos, "suppression needs a justification: '... <id> -- <why it is acceptable>'"));
      continue;
    }
    d.justification = std::string(why);
    std::string_view head = rest.substr(0, dash);
    std::size_t until = head.find(" until ");
    if (until != std::string_view::npos) {
      std::string_view date = StdView(absl::StripAsciiWhitespace(AbslView(head.substr(until + 7))));
      if (!IsDate(date)) {
        errors.push_back(doc.ErrorAt(c.pos, "suppression 'until' needs a date YYYY-MM-DD"));
        continue;
      }
      d.until = std::string(date);
      head = head.substr(0, until);
    }
    for (absl::string_view id :
         absl::StrSplit(AbslView(head), absl::ByAnyChar(", "), absl::SkipEmpty())) {
      if (known_ids != nullptr && id != "*" && !IsKnownRuleId(StdView(id), *known_ids)) {
        errors.push_back(
            doc.ErrorAt(c.pos, absl::StrCat("unknown rule id '", id, "' in suppression",
                                            DidYouMean(StdView(id), *known_ids))));
      }
      d.ids.emplace_back(id);
    }
    if (d.ids.empty()) {
      errors.push_back(doc.ErrorAt(c.pos, "suppression names no rule id (use '*' for all)"));
      continue;
    }
    d.target_line = doc.Position(c.pos).line + 1;
    directives_.push_back(std::move(d));
  }
}

bool Suppressor::Covers(const Directive& d, std::string_view rule_id) const {
  for (const std::string& id : d.ids) {
    if (id == "*" || id == rule_id) return true;
  }
  return false;
}

std::optional<SuppressionMatch> Suppressor::Check(const Directive& d) const {
  SuppressionMatch m{d.justification, ""};
  if (!d.until.empty() && d.until < today_) m.expired_on = d.until;
  return m;
}

std::uint32_t Suppressor::ResourceEnd(const Resource& r) const {
  return ValueEnd(doc_.text(), r.anchor.pos);
}

std::optional<SuppressionMatch> Suppressor::Match(std::string_view rule_id, std::uint32_t offset,
                                                  bool offset_known,
                                                  const Resource* resource) const {
  std::optional<SuppressionMatch> expired;
  auto consider = [&](std::optional<SuppressionMatch> m) -> bool {
    if (!m) return false;
    if (m->expired_on.empty()) return true;
    if (!expired) expired = m;
    return false;
  };
  bool resource_in_doc = resource != nullptr && resource->anchor.known() &&
                         resource->anchor.source == 0 && resource->doc == &doc_;
  // Lines are looked up only when a directive needs them (most files have none).
  int line = offset_known && !directives_.empty() ? doc_.Position(offset).line : 0;
  int resource_line =
      resource_in_doc && !directives_.empty() ? doc_.Position(resource->anchor.pos).line : 0;
  for (const Directive& d : directives_) {
    if (!Covers(d, rule_id)) continue;
    bool applies = false;
    switch (d.scope) {
      case Scope::kFile:
        applies = true;
        break;
      case Scope::kNextLine:
        applies = (line != 0 && d.target_line == line) ||
                  (resource_line != 0 && d.target_line == resource_line);
        break;
      case Scope::kResource:
        if (resource_in_doc) {
          applies = d.target_line == resource_line ||
                    (d.pos > resource->anchor.pos && d.pos < ResourceEnd(*resource));
        }
        break;
    }
    if (applies && consider(Check(d))) return Check(d);
  }
  if (resource != nullptr && resource->body != nullptr) {
    const Value* tags = resource->body->Find("tags");
    const Value* tag = tags ? tags->Find("armlint-suppress") : nullptr;
    if (tag != nullptr && tag->is_string()) {
      for (absl::string_view id : absl::StrSplit(AbslView(tag->string_value()),
                                                 absl::ByAnyChar(", "), absl::SkipEmpty())) {
        if (id == "*" || StdView(id) == rule_id) {
          const Value* why = tags->Find("armlint-suppress-justification");
          return SuppressionMatch{why && why->is_string() ? std::string(why->string_value())
                                                          : "suppressed by the resource's "
                                                            "armlint-suppress tag",
                                  ""};
        }
      }
    }
  }
  if (config_ != nullptr) {
    std::string rel = RelativeTo(doc_.path(), config_->dir);
    for (const ConfigSuppression& s : config_->suppressions) {
      if (s.rule != "*" && s.rule != rule_id) continue;
      if (!s.file.empty() && !GlobMatch(s.file, rel)) continue;
      if (!s.resource.empty()) {
        if (resource == nullptr) continue;
        bool hit = GlobMatchResource(s.resource, resource->type) ||
                   GlobMatchResource(s.resource, resource->name) ||
                   GlobMatchResource(s.resource, resource->id);
        if (!hit) continue;
      }
      SuppressionMatch m{s.justification, ""};
      if (!s.expires.empty() && s.expires < today_) m.expired_on = s.expires;
      if (consider(m)) return m;
    }
  }
  return expired;
}

}  // namespace armlint::internal
