// API Management policy documents of a deployment, parsed with pugixml
// (rules/checks/apim_policy.h).
#include "rules/checks/apim_policy.h"

#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal::checks {
namespace {

constexpr std::string_view kService = "microsoft.apimanagement/service";
constexpr std::string_view kGlobal = "microsoft.apimanagement/service/policies";

const Value* Member(const Value* v, std::string_view key) {
  return v != nullptr && v->is_object() ? v->Find(key) : nullptr;
}

}  // namespace

std::vector<ApimPolicy> ApimPolicies(const CheckContext& context) {
  std::vector<ApimPolicy> out;
  if (context.resources == nullptr) return out;
  for (const Resource& r : *context.resources) {
    if (r.body == nullptr || !StartsWithIgnoreCase(r.type, kService) ||
        !EndsWithIgnoreCase(r.type, "/policies")) {
      continue;
    }
    const Value* props = Member(r.body, "properties");
    const Value* format = Member(props, "format");
    ApimPolicy p;
    p.resource = &r;
    p.value = Member(props, "value");
    p.global = EqualsIgnoreCase(r.type, kGlobal);
    if (format != nullptr && format->is_unknown()) {
      p.problem = "Its format is not known offline.";
    } else if (format != nullptr && format->is_string() &&
               !EqualsIgnoreCase(format->string_value(), "xml") &&
               !EqualsIgnoreCase(format->string_value(), "rawxml")) {
      continue;  // xml-link, rawxml-link: the policy is at a URL
    } else if (p.value == nullptr || p.value->is_unknown() || !p.value->is_string()) {
      if (p.value == nullptr) continue;  // no policy document
      p.problem = "Its policy document is not known offline.";
    } else {
      p.xml = std::make_shared<pugi::xml_document>();
      const std::string_view text = p.value->string_value();
      pugi::xml_parse_result result =
          p.xml->load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
      if (result) {
        p.parsed = Tri::kTrue;
      } else {
        p.problem = Cat("Its policy document is not well-formed XML (", result.description(),
                        " at offset ", static_cast<long long>(result.offset), ").");
        p.xml.reset();
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace armlint::internal::checks
