// `armlint rules --policy`: policy definitions evaluated as rules, those left out and why.
#include <map>
#include <ostream>

#include <boost/json.hpp>

#include "armlint/armlint.hpp"
#include "report/rule_json.h"

namespace armlint {
namespace {

namespace json = boost::json;

json::object RuleObject(const RuleInfo& r) {
  json::object o = internal::RuleJsonHead(r);
  o["learnMoreLink"] = r.learn_more_link;
  o["source"] = r.source;
  o["effect"] = r.effect;
  if (r.policy) {
    o["policy"] = json::object{{"name", r.policy->name},
                               {"displayName", r.policy->display_name},
                               {"initiative", r.policy->initiative}};
  }
  return o;
}

}  // namespace

absl::Status WritePolicyList(const std::vector<RuleInfo>& rules,
                             const std::vector<SkippedPolicy>& skipped,
                             const std::vector<InputError>& errors, Format format,
                             std::ostream& out) {
  if (format == Format::kJson) {
    json::object root;
    json::array rs, sk, er;
    for (const RuleInfo& r : rules) rs.emplace_back(RuleObject(r));
    for (const SkippedPolicy& s : skipped) {
      sk.emplace_back(json::object{{"name", s.name}, {"file", s.file}, {"reason", s.reason}});
    }
    for (const InputError& e : errors) {
      er.emplace_back(json::object{{"file", e.location.file},
                                   {"line", e.location.line},
                                   {"column", e.location.column},
                                   {"message", e.message}});
    }
    root["rules"] = std::move(rs);
    root["skipped"] = std::move(sk);
    root["errors"] = std::move(er);
    out << json::serialize(root) << "\n";
    return absl::OkStatus();
  }
  if (format != Format::kText) {
    return absl::InvalidArgumentError("policy listings are text or json");
  }
  std::map<std::string, int> by_effect;
  for (const RuleInfo& r : rules) {
    ++by_effect[r.effect];
    out << r.id << "  " << ImpactName(r.impact) << "  " << r.effect << "  " << r.problem << "\n";
  }
  if (!skipped.empty()) out << "\nleft out:\n";
  for (const SkippedPolicy& s : skipped) {
    out << s.name << "  " << s.file << ": " << s.reason << "\n";
  }
  for (const InputError& e : errors) {
    out << e.location.file << ":" << e.location.line << ":" << e.location.column
        << ": error: " << e.message << "\n";
  }
  out << rules.size() << " policy definitions evaluated";
  for (const auto& [effect, n] : by_effect) out << ", " << n << " " << effect;
  out << "; " << skipped.size() << " left out; " << errors.size() << " errors\n";
  return absl::OkStatus();
}

}  // namespace armlint
