// Policy definitions and initiatives -> rules (see policy_loader.h).
#include "policy/policy_loader.h"

#include <algorithm>
#include <atomic>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

#include "arm/evaluator.h"
#include "arm/expression_parser.h"
#include "knowledge/aliases.h"
#include "policy/policy_cache.h"
#include "policy/policy_files.h"
#include "policy/policy_parameters.h"
#include "policy/policy_static.h"
#include "rules/condition.h"
#include "rules/field_path.h"
#include "rules/operators.h"
#include "rules/rule_loader.h"
#include "util/expression_syntax.h"
#include "util/str_cat.h"
#include "util/strings.h"
#include "util/thread.h"

namespace armlint::internal {
namespace {

// What compiled policy rules point into: kept alive by every rule.
struct Holder {
  std::vector<std::shared_ptr<const Document>> docs;
  std::vector<std::unique_ptr<AliasTable>> aliases;
};

// One definition to compile: the definition and the values given for its parameters.
struct Instance {
  const PolicyItem* def = nullptr;
  GivenValues given;
  std::string initiative;  // the set's name (displayName in PolicyRef)
  std::string initiative_display;
};

std::string PortalLink(std::string_view name) {
  return Cat(
      "https://portal.azure.com/#view/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/"
      "%2Fproviders%2FMicrosoft.Authorization%2FpolicyDefinitions%2F",
      name);
}

// From this many policy files on, two threads parse them.
constexpr std::size_t kParallelPolicyFiles = 64;

class Loader {
 public:
  explicit Loader(const PolicyLoadOptions& options) : options_(options) {}
  PolicyLoad Run();

 private:
  void Skip(const PolicyItem& item, std::string reason, const std::string& initiative = "") {
    out_.skipped.push_back(
        SkippedPolicy{initiative.empty() ? item.name : Cat(item.name, " (", initiative, ")"),
                      item.doc->path(), std::move(reason)});
  }
  void Compile(const Instance& inst);
  void ExpandSet(const PolicyItem& set, std::vector<Instance>& instances,
                 absl::flat_hash_set<const PolicyItem*>& members);
  const PolicyItem* FindDefinition(std::string_view id) const;

  const PolicyLoadOptions& options_;
  PolicyLoad out_;
  PolicyLoad cached_;  // what cache files gave
  void MergeCached();
  std::shared_ptr<Holder> holder_ = std::make_shared<Holder>();
  const AliasTable* aliases_ = nullptr;
  GivenValues assigned_;
  std::vector<GivenValues> source_values_;
  const GivenValues& ValuesFor(const PolicyItem& item) const {
    return item.source < 0 ? assigned_ : source_values_[static_cast<std::size_t>(item.source)];
  }
  void LoadFiles(const std::vector<std::string>& paths, int source);
  std::vector<PolicyItem> items_;
  absl::flat_hash_map<std::string, const PolicyItem*> by_id_;  // lower-cased id and name
  absl::flat_hash_set<std::string> ids_;
};

// Cache rules come sorted and skipped lists are read when listed: a load from caches alone
// sorts nothing.
void Loader::MergeCached() {
  if (out_.rules.empty()) {
    out_.rules = std::move(cached_.rules);
  } else {
    for (auto& r : cached_.rules) out_.rules.push_back(std::move(r));
  }
  for (auto& s : cached_.skipped) out_.skipped.push_back(std::move(s));
  for (auto& s : cached_.errors) out_.errors.push_back(std::move(s));
  for (auto& n : cached_.notes) out_.notes.push_back(std::move(n));
  out_.more_skipped = std::move(cached_.more_skipped);
  for (auto& l : cached_.lazy) out_.lazy.push_back(std::move(l));
}

const PolicyItem* Loader::FindDefinition(std::string_view id) const {
  auto it = by_id_.find(ToLower(id));
  if (it != by_id_.end()) return it->second;
  std::size_t slash = id.rfind('/');
  if (slash != std::string_view::npos) {
    it = by_id_.find(ToLower(id.substr(slash + 1)));
    if (it != by_id_.end()) return it->second;
  }
  return nullptr;
}

void Loader::ExpandSet(const PolicyItem& set, std::vector<Instance>& instances,
                       absl::flat_hash_set<const PolicyItem*>& members) {
  const Document& doc = *set.doc;
  BoundParameters bound;
  if (absl::Status s = BindParameters(doc, Key(set.props, "parameters"), ValuesFor(set), bound);
      !s.ok()) {
    out_.errors.push_back(s);
    return;
  }
  std::string display = Str(Key(set.props, "displayName"));
  const Value* list = Key(set.props, "policyDefinitions");
  if (list == nullptr || !list->is_array()) {
    out_.errors.push_back(doc.ErrorAt(set.props->pos(), "'policyDefinitions' must be an array"));
    return;
  }
  for (const Value* member : list->items()) {
    std::string id = Str(Key(member, "policyDefinitionId"));
    const PolicyItem* def = id.empty() ? nullptr : FindDefinition(id);
    if (def == nullptr || def->is_set) {
      std::string ref = Str(Key(member, "policyDefinitionReferenceId"));
      out_.skipped.push_back(
          SkippedPolicy{Cat(ref.empty() ? id : ref, " (", set.name, ")"), doc.path(),
                        Cat("initiative member ", id, " is not among the loaded definitions")});
      continue;
    }
    members.insert(def);
    Instance inst;
    inst.def = def;
    inst.initiative = set.name;
    inst.initiative_display = display;
    if (const Value* params = Key(member, "parameters"); params != nullptr && params->is_object()) {
      bool ok = true;
      for (const Member& m : params->members()) {
        const Value* v = Key(m.value, "value");
        if (v == nullptr) continue;
        absl::StatusOr<const Value*> r = Static(doc, *v, bound.values);
        if (!r.ok()) {
          // A set parameter without a value: left to the definition's default.
          if (!bound.missing.empty()) continue;
          out_.errors.push_back(r.status());
          ok = false;
          break;
        }
        inst.given.values[ToLower(m.key)] = *r;
        inst.given.docs[ToLower(m.key)] = &doc;
      }
      if (!ok) continue;
    }
    instances.push_back(std::move(inst));
  }
}

void Loader::LoadFiles(const std::vector<std::string>& paths, int source) {
  absl::StatusOr<std::vector<std::string>> files = PolicyFiles(paths);
  if (!files.ok()) {
    out_.errors.push_back(files.status());
    return;
  }
  // Reading and parsing the files (~3,600 for the built-in definitions) is independent work:
  // two threads, results kept in file order so the load stays deterministic.
  if (options_.record) out_.files_read.insert(out_.files_read.end(), files->begin(), files->end());
  std::vector<absl::StatusOr<std::unique_ptr<Document>>> docs(files->size());
  std::atomic<std::size_t> next{0};
  auto parse = [&] {
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < files->size();) {
      docs[i] = Document::Load((*files)[i], Anchor::kPolicySource);
    }
  };
  if (files->size() >= kParallelPolicyFiles) {
    Thread helper(parse);
    parse();
    helper.join();
  } else {
    parse();
  }
  for (absl::StatusOr<std::unique_ptr<Document>>& doc : docs) {
    if (!doc.ok()) {
      out_.errors.push_back(doc.status());
      continue;
    }
    std::shared_ptr<const Document> shared(std::move(*doc));
    holder_->docs.push_back(shared);
    std::size_t before = items_.size();
    if (absl::Status s = ReadPolicyItems(shared, items_); !s.ok()) out_.errors.push_back(s);
    for (std::size_t i = before; i < items_.size(); ++i) items_[i].source = source;
  }
}

PolicyLoad Loader::Run() {
  // Alias tables: the built-in one, then each --aliases file on top.
  for (const std::string& f : options_.alias_files) {
    if (options_.record) out_.files_read.push_back(f);
    absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(f);
    if (!doc.ok()) {
      out_.errors.push_back(doc.status());
      continue;
    }
    const AliasTable* base = aliases_ != nullptr ? aliases_ : &AliasTable::Builtin();
    absl::StatusOr<std::unique_ptr<AliasTable>> t = AliasTable::FromJson((*doc)->root(), base);
    if (!t.ok()) {
      out_.errors.push_back((*doc)->ErrorAt((*doc)->root().pos(), MessageOf(t.status())));
      continue;
    }
    aliases_ = t->get();
    holder_->aliases.push_back(std::move(*t));
  }
  if (!options_.parameters_file.empty()) {
    if (options_.record) out_.files_read.push_back(options_.parameters_file);
    absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(options_.parameters_file);
    if (!doc.ok()) {
      out_.errors.push_back(doc.status());
    } else {
      std::shared_ptr<const Document> shared(std::move(*doc));
      holder_->docs.push_back(shared);
      absl::StatusOr<PolicyParameters> values = ReadAssignmentValues(*shared);
      if (!values.ok()) {
        out_.errors.push_back(values.status());
      } else {
        assigned_.values = std::move(*values);
        for (const auto& [k, v] : assigned_.values) assigned_.docs[k] = shared.get();
      }
    }
  }
  // Cache files (policy_cache.h) are read as they are; the other paths loaded.
  std::vector<std::string> paths;
  for (const std::string& p : options_.paths) {
    if (IsPolicyCachePath(p)) {
      ReadPolicyCache(p, options_, std::nullopt, cached_);
    } else {
      paths.push_back(p);
    }
  }
  if (!paths.empty()) LoadFiles(paths, -1);
  for (const std::shared_ptr<const Document>& doc : options_.documents) {
    holder_->docs.push_back(doc);
    if (absl::Status s = ReadPolicyItems(doc, items_); !s.ok()) out_.errors.push_back(s);
  }
  for (std::size_t i = 0; i < options_.sources.size(); ++i) {
    const std::string& path = options_.sources[i].path;
    const std::string& params = options_.sources[i].parameters_json;
    GivenValues values;
    if (!params.empty()) {
      absl::StatusOr<std::unique_ptr<Document>> doc =
          Document::Parse(Cat(path, " (parameters)"), params);
      if (doc.ok()) {
        std::shared_ptr<const Document> shared(std::move(*doc));
        holder_->docs.push_back(shared);
        absl::StatusOr<PolicyParameters> v = ReadAssignmentValues(*shared);
        if (v.ok()) {
          values.values = std::move(*v);
          for (const auto& [k, unused] : values.values) values.docs[k] = shared.get();
        } else {
          out_.errors.push_back(v.status());
        }
      }
    }
    source_values_.push_back(std::move(values));
    if (IsPolicyCachePath(path)) {
      ReadPolicyCache(path, options_, options_.sources[i].category, cached_);
      continue;
    }
    LoadFiles({path}, static_cast<int>(i));
  }
  for (const PolicyItem& item : items_) {
    if (item.is_set) continue;
    if (!item.id.empty()) by_id_.emplace(ToLower(item.id), &item);
    by_id_.emplace(ToLower(item.name), &item);
  }
  std::vector<Instance> instances;
  absl::flat_hash_set<const PolicyItem*> members;
  for (const PolicyItem& item : items_) {
    if (item.is_set) ExpandSet(item, instances, members);
  }
  for (const PolicyItem& item : items_) {
    if (item.is_set || members.contains(&item)) continue;
    Instance inst;
    inst.def = &item;
    inst.given = ValuesFor(item);
    instances.push_back(std::move(inst));
  }
  for (const Instance& inst : instances) Compile(inst);
  MergeCached();
  auto by_id = [](const auto& a, const auto& b) { return a->id < b->id; };
  if (!std::is_sorted(out_.rules.begin(), out_.rules.end(), by_id)) {
    std::sort(out_.rules.begin(), out_.rules.end(), by_id);
  }
  std::sort(out_.records.begin(), out_.records.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  std::sort(out_.skipped.begin(), out_.skipped.end(), [](const auto& a, const auto& b) {
    return std::tie(a.file, a.name) < std::tie(b.file, b.name);
  });
  return std::move(out_);
}

void Loader::Compile(const Instance& inst) {
  const PolicyItem& def = *inst.def;
  const Document& doc = *def.doc;
  const Value* props = def.props;
  std::string mode = Str(Key(props, "mode"));
  if (mode.empty()) mode = "All";
  bool indexed = EqualsIgnoreCase(mode, "Indexed");
  if (!indexed && !EqualsIgnoreCase(mode, "All")) {
    Skip(def, Cat("mode '", mode, "' evaluates data-plane objects, not template resources"),
         inst.initiative);
    return;
  }
  const Value* rule = Key(props, "policyRule");
  const Value* cond = Key(rule, "if");
  const Value* then = Key(rule, "then");
  if (rule == nullptr || cond == nullptr || then == nullptr) {
    Skip(def, "no condition: a Microsoft-managed or manual control", inst.initiative);
    return;
  }
  if (NeverTrue(*cond)) {
    // Microsoft-managed controls: {"value": "false", "equals": "true"} stands for a control
    // Microsoft attests, not a condition on resources.
    Skip(def, "no condition: a Microsoft-managed control (its rule is never true)",
         inst.initiative);
    return;
  }
  BoundParameters bound;
  if (absl::Status s = BindParameters(doc, Key(props, "parameters"), inst.given, bound); !s.ok()) {
    out_.errors.push_back(s);
    return;
  }
  const Value* effect_value = Key(then, "effect");
  if (effect_value == nullptr) {
    out_.errors.push_back(doc.ErrorAt(then->pos(), "policyRule.then has no 'effect'"));
    return;
  }
  if (!bound.missing.empty()) {
    Skip(def, Cat("required parameter '", bound.missing.front(), "' has no value"),
         inst.initiative);
    return;
  }
  absl::StatusOr<const Value*> effect = Static(doc, *effect_value, bound.values);
  if (!effect.ok()) {
    out_.errors.push_back(effect.status());
    return;
  }
  if (!(*effect)->is_string()) {
    out_.errors.push_back(doc.ErrorAt(effect_value->pos(), "the effect must be a string"));
    return;
  }
  std::string e = ToLower((*effect)->string_value());
  if (e == "disabled" || e == "manual") {
    Skip(def, Cat("effect ", (*effect)->string_value(), ": not evaluated"), inst.initiative);
    return;
  }
  static constexpr std::string_view kEffects[] = {
      "deny", "audit", "auditifnotexists", "deployifnotexists", "modify", "append"};
  if (std::find(std::begin(kEffects), std::end(kEffects), e) == std::end(kEffects)) {
    Skip(def,
         Cat("effect ", (*effect)->string_value(),
             " does not apply to the resources a template deploys"),
         inst.initiative);
    return;
  }
  ConditionOptions copts;
  copts.policy = true;
  copts.aliases = aliases_;
  copts.parameters = &bound.values;
  // Azure decides these effects' compliance on the stored resource, deny/modify/append on the
  // request as sent.
  copts.platform_defaults = e == "audit" || e == "auditifnotexists" || e == "deployifnotexists";
  absl::StatusOr<std::unique_ptr<Condition>> condition = Condition::Compile(def.doc, *cond, copts);
  if (!condition.ok()) {
    if (MessageOf(condition.status()).find(kNoAliasType) != std::string::npos) {
      // The alias table lacks the whole provider: say so instead of failing the run.
      Skip(def, std::string(condition.status().message()), inst.initiative);
      return;
    }
    out_.errors.push_back(condition.status());
    return;
  }
  auto scope = std::make_unique<Condition::PolicyScope>();
  scope->indexed = indexed;
  scope->aliases = aliases_;
  scope->missing_is_unknown = options_.missing_related_unknown;
  PolicyPayloadParts parts;  // what a cache keeps besides the rule's metadata
  parts.cond = cond;
  parts.params = &bound.values;
  parts.indexed = indexed;
  if (e == "auditifnotexists" || e == "deployifnotexists") {
    const Value* details = Key(then, "details");
    const Value* type = Key(details, "type");
    if (type == nullptr) {
      out_.errors.push_back(doc.ErrorAt(then->pos(), Cat(e, ": 'details.type' is required")));
      return;
    }
    absl::StatusOr<const Value*> t = Static(doc, *type, bound.values);
    if (!t.ok() || !(*t)->is_string()) {
      Skip(def, "the related resource type is not known before deployment", inst.initiative);
      return;
    }
    scope->related_type_lower = ToLower((*t)->string_value());
    scope->related_type = std::string((*t)->string_value());
    // The related resource lives outside the deployment (another resource group, the
    // subscription) or is created by the platform (private endpoint connections, Defender
    // assessments, a resource's Defender pricing, which inherits the subscription's plan when
    // not set): a template cannot show it, so its absence is unknown, not a finding.
    std::string scope_kind = Str(Key(details, "existenceScope"));
    static constexpr std::string_view kPlatformMade[] = {"/privateendpointconnections",
                                                         "microsoft.security/assessments",
                                                         "microsoft.security/complianceresults",
                                                         "microsoft.security/pricings",
                                                         "microsoft.advisor/",
                                                         "microsoft.policyinsights/"};
    bool platform = false;
    for (std::string_view p : kPlatformMade) {
      platform = platform || scope->related_type_lower.find(p) != std::string::npos;
    }
    if (platform || EqualsIgnoreCase(scope_kind, "subscription") ||
        Key(details, "resourceGroupName") != nullptr) {
      scope->missing_is_unknown = true;
      parts.related_unknown = true;
    }
    if (const Value* name = Key(details, "name")) {
      absl::StatusOr<const Value*> n = Static(doc, *name, bound.values);
      if (n.ok() && (*n)->is_string() && !IsExpression((*n)->string_value())) {
        scope->related_name = std::string((*n)->string_value());
      }
    }
    if (const Value* ec = Key(details, "existenceCondition")) {
      ConditionOptions eopts = copts;
      eopts.existence = true;
      absl::StatusOr<std::unique_ptr<Condition>> exist = Condition::Compile(def.doc, *ec, eopts);
      if (!exist.ok()) {
        if (MessageOf(exist.status()).find(kNoAliasType) != std::string::npos) {
          Skip(def, std::string(MessageOf(exist.status())), inst.initiative);
          return;
        }
        out_.errors.push_back(exist.status());
        return;
      }
      scope->existence = std::move(*exist);
      parts.existence = ec;
    }
  }
  parts.related_type = scope->related_type;
  parts.related_name = scope->related_name;
  (*condition)->SetPolicyScope(std::move(scope));
  auto r = std::make_unique<Rule>();
  r->id = def.name;
  if (!ids_.insert(r->id).second) {
    r->id = Cat(def.name, "@", inst.initiative);
    if (!ids_.insert(r->id).second) return;  // the same member twice in one initiative
  }
  std::string display = Str(Key(props, "displayName"));
  r->problem = display.empty() ? def.name : display;
  r->solution = Str(Key(props, "description"));
  if (r->solution.empty()) r->solution = r->problem;
  r->learn_more_link = def.builtin ? PortalLink(def.name) : std::string();
  r->category = def.source < 0
                    ? options_.category
                    : options_.sources[static_cast<std::size_t>(def.source)].category.value_or(
                          Category::kSecurity);
  r->impact = ImpactOfEffect(e);
  r->source = doc.path();
  // Listings only: written out when asked for (it was a quarter of loading the built-ins).
  r->lazy = std::make_shared<Rule::Lazy>();
  r->lazy->json_of = [doc = def.doc, cond] { return CompactJson(*cond); };
  if (auto types = TypesOf(doc, *cond, bound.values)) {
    r->resource_types = std::move(*types);
  }
  r->condition = std::move(*condition);
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"deny", "deny"},
      {"audit", "audit"},
      {"auditifnotexists", "auditIfNotExists"},
      {"deployifnotexists", "deployIfNotExists"},
      {"modify", "modify"},
      {"append", "append"}};
  for (const auto& [lower, name] : kNames) {
    if (lower == e) r->effect = std::string(name);
  }
  r->policy =
      PolicyRef{def.name, display,
                inst.initiative_display.empty() ? inst.initiative : inst.initiative_display};
  r->keep_alive = holder_;
  if (options_.record) {
    out_.records.push_back(
        PolicyRecord{r->id, r->resource_types, PolicyPayload(*r, parts), r->policy->initiative});
  }
  out_.rules.push_back(std::move(r));
}

}  // namespace

Impact ImpactOfEffect(std::string_view effect) {
  if (EqualsIgnoreCase(effect, "deny")) return Impact::kHigh;
  if (EqualsIgnoreCase(effect, "audit") || EqualsIgnoreCase(effect, "auditIfNotExists")) {
    return Impact::kMedium;
  }
  return Impact::kLow;
}

PolicyLoad LoadPolicies(const PolicyLoadOptions& options) {
  Loader loader(options);
  return loader.Run();
}

}  // namespace armlint::internal
