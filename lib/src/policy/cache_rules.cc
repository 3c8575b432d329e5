// A policy cache's rules, made lazily (see cache_rules.h).
#include "policy/cache_rules.h"

#include <algorithm>
#include <array>

#include "json/compact_json.h"
#include "policy/policy_static.h"
#include "rules/builtin_rules.h"
#include "rules/rule_loader.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

using cache_format::Bad;
using cache_format::Hash64;
using cache_format::Unfield;
using cache_lines::Fields;
using cache_lines::Lines;
using cache_lines::Number;
using cache_lines::Numbers;

// The payload's ["name", "display name"] of the policy its rules come from; null when they are
// not a policy's.
const Value* PolicyPair(const Value& root) {
  const Value* pol = Key(&root, "policy");
  return pol != nullptr && pol->is_array() && pol->items().size() == 2 ? pol : nullptr;
}

// The metadata of a rule made from payload `n`, assigned by `initiative`.
void Fill(CacheData& data, std::uint32_t n, const std::string& initiative, Rule& r) {
  const Payload::Meta* m = data.payloads[n].Metadata(data, n);
  if (m == nullptr) return;
  r.problem = m->problem;
  r.solution = m->solution;
  r.learn_more_link = m->link;
  r.category = m->category;
  r.impact = m->impact;
  r.effect = m->effect;
  r.source = m->source;
  if (m->policy) r.policy = PolicyRef{m->policy->name, m->policy->display_name, initiative};
}

}  // namespace

std::uint32_t RuleLineCheck(std::string_view line) {
  return static_cast<std::uint32_t>(Hash64(line));
}

bool CacheData::PayloadBytes(std::uint32_t n, std::string_view& bytes, std::uint64_t& hash) const {
  if (n >= payload_count) return false;
  std::string_view entry = payload_table.substr(std::size_t{n} * kPayloadEntry, kPayloadEntry);
  std::uint32_t offset = 0, size = 0;
  if (entry.size() != kPayloadEntry || !Number(entry.substr(0, 8), offset, 16) ||
      !Number(entry.substr(8, 8), size, 16) || !Number(entry.substr(16), hash, 16) ||
      offset > blobs.size() || size > blobs.size() - offset) {
    return false;
  }
  bytes = blobs.substr(offset, size);
  return true;
}

const Document* Payload::Doc(CacheData& data, std::uint32_t n) {
  absl::call_once(parse_once, [&] {
    std::string_view bytes;
    std::uint64_t hash = 0;
    if (!data.PayloadBytes(n, bytes, hash)) {
      data.Late(Bad(data.path, Cat("corrupt (the entry of payload ", n, ")")));
      return;
    }
    if (Hash64(bytes) != hash) {
      data.Late(Bad(data.path,
                    Cat("corrupt (the payload at byte ", bytes.data() - data.file->view().data(),
                        ": its checksum does not match)")));
      return;
    }
    // The mapping outlives the document: CacheData holds both.
    absl::StatusOr<std::unique_ptr<Document>> d =
        Document::ParseBorrowed(data.path, bytes, Anchor::kPolicySource);
    if (!d.ok()) {
      data.Late(Bad(data.path, Cat("corrupt (", MessageOf(d.status()), ")")));
      return;
    }
    doc = std::shared_ptr<const Document>(std::move(*d));
  });
  return doc.get();
}

const Condition* Payload::Compile(CacheData& data, std::uint32_t n) {
  absl::call_once(compile_once, [&] {
    if (Doc(data, n) == nullptr) return;
    const Value& root = doc->root();
    policy = PolicyPair(root) != nullptr;
    const Value* cond = Key(&root, "if");
    if (cond == nullptr) return;
    PolicyParameters params;
    if (const Value* p = Key(&root, "parameters"); p != nullptr && p->is_object()) {
      for (const Member& m : p->members()) params[std::string(m.key)] = m.value;
    }
    ConditionOptions copts;
    copts.policy = true;
    copts.aliases = data.aliases;
    copts.parameters = &params;
    // As the loader does: Azure decides these effects' compliance on the stored resource.
    std::string effect = Str(Key(&root, "effect"));
    copts.platform_defaults = EqualsIgnoreCase(effect, "audit") ||
                              EqualsIgnoreCase(effect, "auditIfNotExists") ||
                              EqualsIgnoreCase(effect, "deployIfNotExists");
    absl::StatusOr<std::unique_ptr<Condition>> c = Condition::Compile(doc, *cond, copts);
    if (!c.ok()) return;
    auto scope = std::make_unique<Condition::PolicyScope>();
    const Value* indexed = Key(&root, "indexed");
    scope->indexed = indexed != nullptr && indexed->is_bool() && indexed->bool_value();
    scope->aliases = data.aliases;
    const Value* forced = Key(&root, "relatedUnknown");
    scope->missing_is_unknown = data.missing_related_unknown ||
                                (forced != nullptr && forced->is_bool() && forced->bool_value());
    scope->related_type = Str(Key(&root, "relatedType"));
    scope->related_type_lower = ToLower(scope->related_type);
    scope->related_name = Str(Key(&root, "relatedName"));
    if (const Value* ec = Key(&root, "existence")) {
      ConditionOptions eopts = copts;
      eopts.existence = true;
      absl::StatusOr<std::unique_ptr<Condition>> e = Condition::Compile(doc, *ec, eopts);
      if (!e.ok()) return;
      scope->existence = std::move(*e);
    }
    (*c)->SetPolicyScope(std::move(scope));
    condition = std::move(*c);
  });
  return condition.get();
}

const Payload::Meta* Payload::Metadata(CacheData& data, std::uint32_t n) {
  absl::call_once(meta_once, [&] {
    const Document* d = Doc(data, n);
    if (d == nullptr) return;
    const Value& root = d->root();
    auto made = std::make_unique<Meta>();
    Meta& m = *made;
    m.problem = Str(Key(&root, "problem"));
    m.solution = Str(Key(&root, "solution"));
    m.link = Str(Key(&root, "link"));
    m.category = data.category.value_or(
        ParseCategory(Str(Key(&root, "category"))).value_or(Category::kSecurity));
    m.impact = ParseImpact(Str(Key(&root, "impact"))).value_or(Impact::kMedium);
    m.effect = Str(Key(&root, "effect"));
    m.source = Str(Key(&root, "source"));
    if (const Value* pol = PolicyPair(root)) {
      m.policy = PolicyRef{Str(pol->items()[0]), Str(pol->items()[1]), ""};
    }
    meta = std::move(made);
  });
  return meta.get();
}

std::string_view CacheRules::Line(std::uint32_t i) const {
  std::uint32_t off = 0;
  std::string_view hex = offsets_.substr(std::size_t{i} * 8, 8);
  const std::uint8_t known = i < count_ ? checked_[i].load(std::memory_order_acquire) : 2;
  if (known != 2 && Number(hex, off, 16) && off < block_.size()) {
    std::string_view rest = block_.substr(off);
    std::string_view line = rest.substr(0, rest.find('\n'));
    // "<fields>\t<check>": the check is 8 hex digits of the fields' hash.
    std::uint32_t check = 0;
    if (line.size() > 9 && line[line.size() - 9] == '\t' &&
        Number(line.substr(line.size() - 8), check, 16)) {
      std::string_view fields = line.substr(0, line.size() - 9);
      if (known == 1) return fields;  // checked already: a rule's line is read several times
      if (RuleLineCheck(fields) == check) {
        checked_[i].store(1, std::memory_order_release);
        return fields;
      }
    }
  }
  if (i < count_) checked_[i].store(2, std::memory_order_release);
  data_->Late(Bad(data_->path, Cat("corrupt (the index line of rule ", i, ")")));
  return {};
}

std::string_view CacheRules::Id(std::uint32_t i) const {
  std::string_view line = Line(i);
  return line.substr(0, line.find('\t'));  // ids are written escaped, never with a tab
}

std::span<const std::uint32_t> CacheRules::OfType(std::string_view type) const {
  auto end = types_.get() + type_count_;
  auto it = std::lower_bound(types_.get(), end, type, [](const TypeRules& t, std::string_view v) {
    return TypeOrder(t.type, v);
  });
  if (it == end || it->type != type) return {};
  absl::call_once(it->once, [&] {
    if (!Numbers(it->numbers, count_, it->rules)) {
      data_->Late(Bad(data_->path, Cat("corrupt (the rules of type ", type, ")")));
    }
  });
  return it->rules;
}

bool CacheRules::PayloadOf(std::uint32_t i, std::array<std::string_view, 4>& f,
                           std::uint32_t& n) const {
  return Fields(Line(i), f) == 4 && Number(f[1], n) && n < data_->payload_count;
}

const Condition* CacheRules::SharedCondition(std::uint32_t i) const {
  std::array<std::string_view, 4> f;
  std::uint32_t n = 0;
  if (!PayloadOf(i, f, n)) return nullptr;
  Payload& p = data_->payloads[n];
  const Condition* c = p.Compile(*data_, n);
  return p.policy ? c : nullptr;
}

std::optional<LazyRules::Brief> CacheRules::BriefOf(std::uint32_t i) const {
  std::array<std::string_view, 4> f;
  std::uint32_t n = 0;
  if (!PayloadOf(i, f, n)) return std::nullopt;
  const Payload::Meta* m = data_->payloads[n].Metadata(*data_, n);
  if (m == nullptr) return std::nullopt;
  return Brief{m->category, m->impact};
}

bool CacheRules::Read(Lines& lines, std::string_view block) {
  std::string_view line;
  std::array<std::string_view, 3> f;
  block_ = block;
  if (!lines.Next(line) || Fields(line, f) != 3 || f[0] != "rules" || !Number(f[1], count_) ||
      f[2].size() != std::size_t{count_} * 8) {
    return false;
  }
  offsets_ = f[2];
  checked_ = std::make_unique<std::atomic<std::uint8_t>[]>(count_);
  std::uint32_t n = 0;
  if (!lines.Next(line) || Fields(line, f) != 2 || f[0] != "types" || !Number(f[1], n) ||
      n > lines.left()) {
    return false;
  }
  types_ = std::make_unique<TypeRules[]>(n);
  for (; type_count_ < n; ++type_count_) {
    TypeRules& t = types_[type_count_];
    if (!lines.Next(line) || Fields(line, f) != 2) return false;
    t.type = f[0];
    t.numbers = f[1];
    if (type_count_ > 0 && !TypeOrder(types_[type_count_ - 1].type, t.type)) return false;
  }
  if (!lines.Next(line) || Fields(line, f) != 2 || f[0] != "patterns" || !Number(f[1], n)) {
    return false;
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t rule = 0;
    if (!lines.Next(line) || Fields(line, f) != 2 || !Number(f[0], rule) || rule >= count_) {
      return false;
    }
    patterns_.emplace_back(f[1], rule);
  }
  if (!lines.Next(line) || Fields(line, f) != 2 || f[0] != "any") return false;
  return Numbers(f[1], count_, any_);
}

std::unique_ptr<Rule> CacheRules::Make(std::uint32_t i) const {
  auto r = std::make_unique<Rule>();
  std::array<std::string_view, 4> f;
  std::uint32_t n = 0;
  if (!PayloadOf(i, f, n)) {
    data_->Late(Bad(data_->path, Cat("corrupt (the index line of rule ", i, ")")));
    r->id = std::string(f[0]);
    return r;
  }
  r->id = Unfield(f[0]);
  for (std::string_view t = f[3]; !t.empty();) {
    std::size_t sp = t.find(' ');
    r->resource_types.emplace_back(t.substr(0, sp));
    t.remove_prefix(sp == std::string_view::npos ? t.size() : sp + 1);
  }
  CacheData* data = data_.get();
  r->lazy = std::make_shared<Rule::Lazy>();
  r->lazy->load = [data, n, initiative = Unfield(f[2])](Rule& self) {
    Fill(*data, n, initiative, self);
  };
  r->lazy->compile = [data, n] { return data->payloads[n].Compile(*data, n); };
  r->lazy->json_of = [data, n] {  // listings only
    const Document* d = data->payloads[n].Doc(*data, n);
    const Value* c = d != nullptr ? Key(&d->root(), "if") : nullptr;
    return c != nullptr ? CompactJson(*c) : std::string();
  };
  r->keep_alive = data_;
  return r;
}

}  // namespace armlint::internal
