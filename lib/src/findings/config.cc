// Loading and discovery of .armlint.json files; validation is the schema's
// (findings/config_schema.h).
#include "findings/config.h"

#include <filesystem>
#include <optional>

#include "absl/strings/str_cat.h"

#include "arm/functions/common.h"
#include "findings/config_schema.h"
#include "json/document.h"
#include "rules/environments.h"
#include "util/strings.h"

namespace armlint::internal {
namespace fs = std::filesystem;

namespace {

using Node = ConfigSchemaReader::Node;

std::string Resolve(const std::string& dir, const std::string& p) {
  if (p.empty() || fs::path(p).is_absolute() || dir.empty()) return p;
  return (fs::path(dir) / p).lexically_normal().generic_string();
}

// The validated config only holds what the schema allows: these read, they do not check.
std::string Str(const Node& n) {
  return n.present() && n.value()->is_string() ? std::string(n.value()->string_value()) : "";
}

std::vector<std::string> Strings(const Node& n) {
  std::vector<std::string> out;
  for (const Node& item : n.Items()) out.push_back(Str(item));
  return out;
}

absl::Status Unexpected(const Node& n, std::string_view what) {
  return absl::InternalError(absl::StrCat(
      "docs/armlint.schema.json allows ", AbslView(what), " the config loader cannot read: ",
      n.present() && n.value()->is_string() ? AbslView(n.value()->string_value())
                                            : absl::string_view("?")));
}

void Ref(const Document& doc, const Node& n, std::string_view key, Config& c) {
  if (!n.present() || !n.value()->is_string()) return;
  SourceLocation at = doc.Locate(n.value()->pos());
  at.file = doc.path();
  c.rule_refs.push_back({std::string(n.value()->string_value()), std::string(key), at});
}

absl::Status ReadRules(const Document& doc, const Node& rules, Config& c) {
  if (Node v = rules.Get("enable"); v.present()) {
    c.enable = Strings(v);
    for (const Node& item : v.Items()) Ref(doc, item, "rules.enable", c);
  }
  Node disable = rules.Get("disable");
  c.disable = Strings(disable);
  for (const Node& item : disable.Items()) Ref(doc, item, "rules.disable", c);
  for (const Node& item : rules.Get("disableCategories").Items()) {
    std::optional<Category> cat = ParseCategory(Str(item));
    if (!cat) return Unexpected(item, "a category");
    c.disable_categories.push_back(*cat);
  }
  for (const auto& [id, impact_node] : rules.Get("impact").Entries()) {
    std::optional<Impact> impact = ParseImpact(Str(impact_node));
    if (!impact) return Unexpected(impact_node, "an impact");
    c.impact[std::string(id)] = *impact;
    if (impact_node.present()) {
      SourceLocation at = doc.Locate(impact_node.value()->pos());
      at.file = doc.path();
      c.rule_refs.push_back({std::string(id), "rules.impact", at});
    }
  }
  // Each native check reads (and checks) its own options.
  absl::StatusOr<CheckOptionsMap> options = ParseCheckOptions(doc, rules.Get("options").Claim());
  if (!options.ok()) return options.status();
  c.check_options = std::move(*options);
  return absl::OkStatus();
}

void ReadSuppressions(const Document& doc, const Node& list, Config& c) {
  for (const Node& item : list.Items()) {
    ConfigSuppression sup;
    Node rule = item.Get("rule");
    sup.rule = Str(rule);
    if (sup.rule != "*") Ref(doc, rule, "suppressions[].rule", c);
    sup.resource = Str(item.Get("resource"));
    sup.file = Str(item.Get("file"));
    sup.justification = Str(item.Get("justification"));
    sup.expires = Str(item.Get("expires"));
    c.suppressions.push_back(std::move(sup));
  }
}

// Checks `doc` against docs/armlint.schema.json, then reads it into `c`.
absl::Status ReadConfig(const Document& doc, Config& c) {
  if (absl::Status s = ValidateConfig(doc); !s.ok()) return s;
  absl::StatusOr<const Document*> schema = ConfigSchema();
  if (!schema.ok()) return schema.status();
  ConfigSchemaReader reader(doc, **schema);
  Node root = reader.Root();
  root.Get("$schema");  // for editors only
  if (absl::Status s = ReadRules(doc, root.Get("rules"), c); !s.ok()) return s;
  if (Node v = root.Get("failOn"); v.present()) {
    const std::string level = Str(v);
    if (level == "none") {
      c.fail_on = std::optional<Impact>();
    } else if (std::optional<Impact> i = ParseImpact(level)) {
      c.fail_on = i;
    } else {
      return Unexpected(v, "a failOn value");
    }
  }
  for (const std::string& p : Strings(root.Get("rulePacks"))) {
    c.rule_packs.push_back(Resolve(c.dir, p));
  }
  for (const Node& item : root.Get("policies").Items()) {
    ConfigPolicy p;
    p.path = Resolve(c.dir, Str(item.Get("path")));
    if (Node params = item.Get("parameters"); params.present() && params.value() != nullptr) {
      p.parameters_json = ToJson(*params.value());
    }
    if (Node cat = item.Get("category"); cat.present()) {
      p.category = ParseCategory(Str(cat));
      if (!p.category) return Unexpected(cat, "a category");
    }
    c.policies.push_back(std::move(p));
  }
  c.ignore = Strings(root.Get("ignore"));
  for (const Node& item : root.Get("parameters").Items()) {
    c.parameters.push_back({Str(item.Get("template")), Resolve(c.dir, Str(item.Get("file")))});
  }
  ReadSuppressions(doc, root.Get("suppressions"), c);
  for (const auto& [glob, name] : root.Get("workloads").Entries()) {
    c.workloads.emplace_back(std::string(glob), Str(name));
  }
  if (Node wr = root.Get("workloadRoot"); wr.present()) c.workload_root = Resolve(c.dir, Str(wr));
  // The schema's enum holds the accepted spellings; stored canonical.
  auto environment = [](const Node& n) -> absl::StatusOr<std::string> {
    std::optional<std::string_view> env = CanonicalEnvironment(Str(n));
    if (!env) return Unexpected(n, "a workload environment");
    return std::string(*env);
  };
  if (Node env = root.Get("workloadEnvironment"); env.present()) {
    absl::StatusOr<std::string> e = environment(env);
    if (!e.ok()) return e.status();
    c.workload_environment = *e;
  }
  for (const auto& [key, env] : root.Get("workloadEnvironments").Entries()) {
    absl::StatusOr<std::string> e = environment(env);
    if (!e.ok()) return e.status();
    c.workload_environments.emplace_back(std::string(key), *e);
  }
  if (Node ctx = root.Get("context"); ctx.present()) {
    c.context.subscription_id = Str(ctx.Get("subscriptionId"));
    c.context.tenant_id = Str(ctx.Get("tenantId"));
    c.context.resource_group = Str(ctx.Get("resourceGroup"));
    c.context.location = Str(ctx.Get("location"));
    c.context.deployment_name = Str(ctx.Get("deploymentName"));
    c.context.environment = Str(ctx.Get("environment"));
  }
  return reader.Finish();
}

}  // namespace

std::string RelativeTo(const std::string& file, const std::string& dir) {
  if (dir.empty()) return fs::path(file).generic_string();
  std::error_code ec;
  fs::path rel = fs::relative(fs::absolute(file, ec), fs::absolute(dir, ec), ec);
  if (ec || rel.empty() || rel.native().starts_with("..")) return fs::path(file).generic_string();
  return rel.generic_string();
}

absl::StatusOr<std::shared_ptr<const Config>> LoadConfig(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(path);
  if (!doc.ok()) return doc.status();
  auto c = std::make_shared<Config>();
  c->path = path;
  fs::path dir = fs::path(path).parent_path();
  c->dir = (dir.empty() ? fs::path(".") : dir).generic_string();
  if (absl::Status s = ReadConfig(**doc, *c); !s.ok()) return s;
  return std::shared_ptr<const Config>(std::move(c));
}

absl::StatusOr<std::shared_ptr<const Config>> ConfigResolver::Cached(const std::string& path) {
  auto it = by_path_.find(path);
  if (it == by_path_.end()) it = by_path_.emplace(path, LoadConfig(path)).first;
  return it->second;
}

absl::StatusOr<std::shared_ptr<const Config>> ConfigResolver::For(const std::string& file) {
  if (!enabled_) return std::shared_ptr<const Config>();
  std::lock_guard<std::mutex> lock(mu_);
  if (!explicit_path_.empty()) return Cached(explicit_path_);
  if (file == "-" || file == "<stdin>") return std::shared_ptr<const Config>();
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
  std::vector<std::string> visited;
  std::string found;
  for (int guard = 0; guard < 64 && !dir.empty(); ++guard) {
    std::string key = dir.string();
    if (auto it = dir_to_config_.find(key); it != dir_to_config_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    std::optional<FolderFacts::Facts> listed;
    if (facts_ != nullptr) listed = facts_->Find(key);
    if ((!listed || listed->config) && fs::is_regular_file(dir / ".armlint.json", ec)) {
      // Named relative to the working directory when below it, as errors show it.
      fs::path config = dir / ".armlint.json";
      fs::path rel = config.lexically_proximate(fs::current_path(ec));
      found = (!ec && !rel.empty() && *rel.begin() != "..") ? rel.string() : config.string();
      break;
    }
    if (((!listed || listed->git) && fs::exists(dir / ".git", ec)) || dir == dir.parent_path()) {
      break;
    }
    dir = dir.parent_path();
  }
  for (const std::string& d : visited) dir_to_config_[d] = found;
  if (found.empty()) return std::shared_ptr<const Config>();
  return Cached(found);
}

}  // namespace armlint::internal
