// appgw-http-redirect: an application gateway listener on plain HTTP whose request routing
// rule does not redirect (to HTTPS), so the gateway serves the application unencrypted
// (Learn "Application Gateway redirect overview",
// learn.microsoft.com/azure/application-gateway/redirect-overview, and "HTTP to HTTPS
// redirection", learn.microsoft.com/azure/application-gateway/redirect-http-to-https-portal).
// A routing rule belongs to a listener through properties.httpListener.id, whose last segment
// names it; an id not known offline gives an unknown outcome. A listener no rule uses serves
// nothing and is not reported; path-based rules (urlPathMap) redirect per path and are not
// judged.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

constexpr std::string_view kGateway = "microsoft.network/applicationgateways";

const Value* Member(const Value* v, std::string_view key) {
  return v != nullptr && v->is_object() ? v->Find(key) : nullptr;
}

std::span<const Value* const> Items(const Value* v) {
  if (v == nullptr || !v->is_array()) return {};
  return v->items();
}

// The listener a routing rule uses: the last segment of httpListener.id ("" when not known).
std::string ListenerOf(const Value& rule, bool& unknown) {
  const Value* id = Member(Member(Member(&rule, "properties"), "httpListener"), "id");
  if (id == nullptr || !id->is_string()) {
    unknown = unknown || (id != nullptr && id->is_unknown());
    return "";
  }
  std::string_view s = id->string_value();
  std::size_t slash = s.rfind('/');
  return ToLower(slash == std::string_view::npos ? s : s.substr(slash + 1));
}

void Check(const Rule& rule, const Resource& gw, std::vector<Hit>& out) {
  const Value* props = Member(gw.body, "properties");
  const auto rules = Items(Member(props, "requestRoutingRules"));
  for (const Value* listener : Items(Member(props, "httpListeners"))) {
    const Value* protocol = Member(Member(listener, "properties"), "protocol");
    const Value* name = Member(listener, "name");
    if (protocol == nullptr || !protocol->is_string() ||
        !EqualsIgnoreCase(protocol->string_value(), "Http")) {
      continue;
    }
    bool unknown = name == nullptr || !name->is_string();
    bool used = false, plain = false;
    const std::string me = unknown ? "" : ToLower(name->string_value());
    for (const Value* r : rules) {
      std::string target = ListenerOf(*r, unknown);
      if (target.empty() || target != me) continue;
      used = true;
      // Path-based rules redirect (or not) per path in their URL path map: not judged here.
      const Value* rule_props = Member(r, "properties");
      const Value* redirect = Member(rule_props, "redirectConfiguration");
      if ((redirect == nullptr || redirect->is_null()) &&
          Member(rule_props, "urlPathMap") == nullptr) {
        plain = true;
      }
    }
    if (!plain && !(unknown && !used)) continue;
    Hit hit;
    hit.rule = &rule;
    hit.resource = &gw;
    hit.anchor = protocol->anchor();
    if (plain) {
      hit.message = Cat("Its routing rule for the HTTP listener '", name->string_value(),
                        "' forwards to a backend instead of redirecting.");
    } else {
      hit.outcome = Tri::kUnknown;
      hit.message = "Which routing rule uses this HTTP listener is not known offline.";
    }
    out.push_back(std::move(hit));
  }
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  for (const Resource& r : *context.resources) {
    if (r.body != nullptr && EqualsIgnoreCase(r.type, kGateway)) Check(rule, r, out);
  }
}

}  // namespace

extern const NativeCheck kAppgwHttpRedirect{
    "appgw-http-redirect", Run,
    "an application gateway HTTP listener whose routing rule forwards instead of redirecting"};

}  // namespace armlint::internal
