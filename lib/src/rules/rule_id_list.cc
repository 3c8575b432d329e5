// Rule id lists over the build-time tables of built-in rules.
#include "rules/rule_id_list.h"

#include <algorithm>

#include "rules/builtin_rules.h"
#include "rules/rule_set_lazy.h"

namespace armlint::internal {

std::optional<std::size_t> FindBuiltinRule(std::string_view id) {
  std::span<const std::uint16_t> by_id = kBuiltinRuleTables.by_id;
  auto it = std::lower_bound(
      by_id.begin(), by_id.end(), id,
      [](std::uint16_t i, std::string_view v) { return kBuiltinRuleIndex[i].id < v; });
  if (it == by_id.end() || kBuiltinRuleIndex[*it].id != id) return std::nullopt;
  return *it;
}

namespace {

bool IsBuiltinId(std::string_view id) { return FindBuiltinRule(id).has_value(); }

}  // namespace

RuleIdList::RuleIdList(std::vector<std::string> others) : others_(std::move(others)) {
  std::erase_if(others_, [](const std::string& id) { return IsBuiltinId(id); });
  std::sort(others_.begin(), others_.end());
  others_.erase(std::unique(others_.begin(), others_.end()), others_.end());
}

bool RuleIdList::contains(std::string_view id) const {
  if (IsBuiltinId(id) || std::binary_search(others_.begin(), others_.end(), id)) return true;
  for (const auto& l : lazy_) {
    if (l->Find(id)) return true;
  }
  return false;
}

std::vector<std::string_view> RuleIdList::Sorted() const {
  std::vector<std::string_view> out;
  out.reserve(size());
  auto o = others_.begin();
  for (std::uint16_t i : kBuiltinRuleTables.by_id) {
    std::string_view id = kBuiltinRuleIndex[i].id;
    for (; o != others_.end() && *o < id; ++o) out.emplace_back(*o);
    out.push_back(id);
  }
  for (; o != others_.end(); ++o) out.emplace_back(*o);
  if (!lazy_.empty()) {
    for (const auto& l : lazy_) {
      for (std::uint32_t i = 0; i < l->size(); ++i) out.push_back(l->Id(i));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

std::size_t RuleIdList::size() const {
  std::size_t n = kBuiltinRuleTables.by_id.size() + others_.size();
  for (const auto& l : lazy_) n += l->size();
  return n;  // an id both here and in a lazy source counts twice
}

}  // namespace armlint::internal
