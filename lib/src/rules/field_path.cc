// Field path parsing: see field_path.h for the accepted forms.
#include "rules/field_path.h"

#include <array>

#include "absl/strings/str_cat.h"

#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Members of a resource object that aliases name directly rather than under `properties`.
constexpr std::array<std::string_view, 13> kTopLevel = {
    "sku",       "kind",       "location", "tags", "identity", "plan", "zones", "extendedLocation",
    "managedBy", "apiVersion", "name",     "type", "id"};

bool IsTopLevel(std::string_view key) {
  for (std::string_view k : kTopLevel) {
    if (EqualsIgnoreCase(k, key)) return true;
  }
  return false;
}

absl::Status Bad(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(Cat("invalid field path '", text, "': ", why));
}

// Parses "a.b[*].c['d.e'][0]" into steps.
absl::Status ParseSteps(std::string_view text, std::string_view whole, std::vector<PathStep>& out) {
  std::size_t i = 0;
  bool expect_name = true;  // at start or after '.'
  while (i < text.size()) {
    char c = text[i];
    if (c == '[') {
      std::size_t close;
      PathStep step;
      if (i + 1 < text.size() && (text[i + 1] == '\'' || text[i + 1] == '"')) {
        char q = text[i + 1];
        std::string key;
        std::size_t j = i + 2;
        for (;; ++j) {
          if (j >= text.size()) return Bad(whole, "unterminated quoted name in brackets");
          if (text[j] == q) {
            if (q == '\'' && j + 1 < text.size() && text[j + 1] == '\'') {  // '' escapes '
              key += '\'';
              ++j;
              continue;
            }
            break;
          }
          key += text[j];
        }
        if (j + 1 >= text.size() || text[j + 1] != ']') return Bad(whole, "expected ']'");
        close = j + 1;
        step.key = std::move(key);
      } else {
        close = text.find(']', i);
        if (close == std::string_view::npos) return Bad(whole, "missing ']'");
        std::string_view inner = text.substr(i + 1, close - i - 1);
        if (inner == "*") {
          step.kind = PathStep::Kind::kWildcard;
        } else if (!inner.empty() &&
                   inner.find_first_not_of("0123456789") == std::string_view::npos &&
                   inner.size() < 10) {
          step.kind = PathStep::Kind::kIndex;
          step.index = static_cast<std::size_t>(std::stoul(std::string(inner)));
        } else if (!inner.empty()) {
          step.key = std::string(inner);
        } else {
          return Bad(whole, "empty brackets");
        }
      }
      if (expect_name && !out.empty()) return Bad(whole, "'.' must be followed by a name");
      out.push_back(std::move(step));
      i = close + 1;
      expect_name = false;
      if (i < text.size() && text[i] != '.' && text[i] != '[') {
        return Bad(whole, "expected '.' or '[' after ']'");
      }
      if (i < text.size() && text[i] == '.') {
        ++i;
        expect_name = true;
        if (i == text.size()) return Bad(whole, "ends with '.'");
      }
      continue;
    }
    if (!expect_name) return Bad(whole, "expected '.' or '['");
    std::size_t end = text.find_first_of(".[", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view name = text.substr(i, end - i);
    if (name.empty()) return Bad(whole, "empty segment");
    for (char ch : name) {
      if (ch == ']' || ch == '\'' || ch == '"' || ch == ' ' || ch == '/') {
        return Bad(whole, Cat("unexpected character '", std::string(1, ch), "'"));
      }
    }
    PathStep step;
    step.key = std::string(name);
    out.push_back(std::move(step));
    i = end;
    expect_name = false;
    if (i < text.size() && text[i] == '.') {
      ++i;
      expect_name = true;
      if (i == text.size()) return Bad(whole, "ends with '.'");
    }
  }
  if (out.empty()) return Bad(whole, "empty path");
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<FieldPath> ParseFieldPath(std::string_view text) {
  FieldPath path;
  path.text = std::string(text);
  if (text.empty()) return Bad(text, "empty path");
  std::string_view rest = text;
  bool alias = false;
  std::size_t bracket = text.find('[');
  std::size_t slash = text.substr(0, bracket).rfind('/');
  if (slash != std::string_view::npos) {
    std::string_view type = text.substr(0, slash);
    std::size_t first_slash = type.find('/');
    std::string_view ns = type.substr(0, first_slash);
    if (first_slash == std::string_view::npos || ns.find('.') == std::string_view::npos ||
        type.back() == '/' || type.find("//") != std::string_view::npos) {
      return Bad(text, "an alias is '<Namespace.Provider>/<type>/<property path>'");
    }
    rest = text.substr(slash + 1);
    alias = true;
  }
  // platform.<fact>: armlint's SKU facts (resources/platform_facts.h), not a resource member.
  if (!alias && StartsWithIgnoreCase(rest, "platform.") && rest.size() > 9) {
    absl::Status s = ParseSteps(rest.substr(9), text, path.steps);
    if (!s.ok()) return s;
    path.root = FieldRoot::kPlatform;
    return path;
  }
  // tags.<name>: the whole remainder is the tag name (tag names may contain dots).
  if (StartsWithIgnoreCase(rest, "tags.") && rest.size() > 5) {
    path.steps.push_back(PathStep{PathStep::Kind::kKey, "tags", 0});
    path.steps.push_back(PathStep{PathStep::Kind::kKey, std::string(rest.substr(5)), 0});
    return path;
  }
  absl::Status s = ParseSteps(rest, text, path.steps);
  if (!s.ok()) return s;
  for (const PathStep& st : path.steps) {
    if (st.kind == PathStep::Kind::kWildcard) path.has_wildcard = true;
  }
  const PathStep& first = path.steps.front();
  if (alias && (first.kind != PathStep::Kind::kKey || !IsTopLevel(first.key))) {
    path.steps.insert(path.steps.begin(), PathStep{PathStep::Kind::kKey, "properties", 0});
    return path;
  }
  if (path.steps.size() == 1 && first.kind == PathStep::Kind::kKey) {
    if (EqualsIgnoreCase(first.key, "name")) path.root = FieldRoot::kName;
    if (EqualsIgnoreCase(first.key, "fullName")) path.root = FieldRoot::kFullName;
    if (EqualsIgnoreCase(first.key, "type")) path.root = FieldRoot::kType;
    if (EqualsIgnoreCase(first.key, "id")) path.root = FieldRoot::kId;
    if (path.root != FieldRoot::kBody) path.steps.clear();
  }
  return path;
}

absl::StatusOr<FieldPath> ParseAliasedFieldPath(std::string_view text, const AliasTable& aliases) {
  std::size_t bracket = text.find('[');
  if (text.substr(0, bracket).find('/') == std::string_view::npos) {
    if (EqualsIgnoreCase(text, "tags[]")) {
      // A tag name from an empty parameter (concat('tags[', parameters('name'), ']')).
      FieldPath p;
      p.text = std::string(text);
      p.steps = {PathStep{PathStep::Kind::kKey, "tags", 0}, PathStep{PathStep::Kind::kKey, "", 0}};
      return p;
    }
    return ParseFieldPath(text);
  }
  const std::vector<AliasTarget>* targets = aliases.Find(text);
  if (targets == nullptr || targets->empty()) {
    std::size_t slash = text.substr(0, bracket).rfind('/');
    std::string_view type = text.substr(0, slash);
    if (aliases.FindType(type) == nullptr) {
      return absl::InvalidArgumentError(Cat("unknown alias '", text, "': ", kNoAliasType, " '",
                                            type,
                                            "' (add the provider's aliases with --aliases FILE)"));
    }
    std::string near = aliases.Suggest(text);
    return absl::InvalidArgumentError(
        Cat("unknown alias '", text, "'",
            near.empty() ? std::string(" (add the provider's aliases with --aliases FILE)")
                         : Cat(" (did you mean '", near, "'?)")));
  }
  FieldPath path;
  path.text = std::string(text);
  for (const AliasTarget& t : *targets) {
    AliasStep step;
    step.type_lower = t.type_lower;
    step.read_only = t.read_only;
    absl::Status s = ParseSteps(t.default_path, t.default_path, step.steps);
    if (!s.ok()) return Bad(text, Cat("its path '", t.default_path, "' is not a field path"));
    for (const AliasVersionPath& v : t.versioned) {
      std::vector<PathStep> steps;
      if (!ParseSteps(v.path, v.path, steps).ok()) {
        return Bad(text, Cat("its path '", v.path, "' is not a field path"));
      }
      step.versioned.emplace_back(v.api_versions, std::move(steps));
    }
    path.alias_targets.push_back(std::move(step));
  }
  path.steps = path.alias_targets.front().steps;
  for (const AliasStep& a : path.alias_targets) {
    for (const PathStep& st : a.steps) {
      if (st.kind == PathStep::Kind::kWildcard) path.has_wildcard = true;
    }
  }
  return path;
}

bool PathHasPrefix(const std::vector<PathStep>& path, const std::vector<PathStep>& prefix) {
  if (prefix.size() > path.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const PathStep& a = path[i];
    const PathStep& b = prefix[i];
    if (a.kind != b.kind) return false;
    if (a.kind == PathStep::Kind::kKey && !EqualsIgnoreCase(a.key, b.key)) return false;
    if (a.kind == PathStep::Kind::kIndex && a.index != b.index) return false;
  }
  return true;
}

int PathSpecificity(const FieldPath& path) {
  switch (path.root) {
    case FieldRoot::kType:  // every rule tests the type: it is a filter, not evidence
      return 0;
    case FieldRoot::kName:
    case FieldRoot::kFullName:
    case FieldRoot::kId:
    case FieldRoot::kPlatform:
      return 1;
    case FieldRoot::kScope:
      return 8 + static_cast<int>(path.steps.size());
    case FieldRoot::kBody:
      break;
  }
  return static_cast<int>(path.steps.size());
}

}  // namespace armlint::internal
