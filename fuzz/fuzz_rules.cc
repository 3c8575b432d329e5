// Rule-file loader + condition evaluation: the input is a rule file; it is loaded as the rule
// file named after its "id" (ParseRuleText), its "if" compiled, and the condition evaluated on
// a fixed set of exported resources.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fixed_resources.h"
#include "json/document.h"
#include "resources/resource.h"
#include "rules/condition.h"
#include "rules/rule_loader.h"

using namespace armlint::internal;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<Resource>& resources = armlint::fuzz::FixedResources();

  std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = Document::Parse("rule.json", text);
  if (!parsed.ok()) return 0;
  std::shared_ptr<const Document> doc(std::move(*parsed));
  std::string id = "rule";
  if (const Value* v = doc->root().Find("id");
      v != nullptr && v->is_string() && v->string_value().size() < 100 &&
      v->string_value().find('/') == std::string_view::npos) {
    id = std::string(v->string_value());
  }
  (void)ParseRuleText(id + ".json", text);

  const Value* cond = doc->root().Find("if");
  if (cond == nullptr) cond = &doc->root();
  auto compiled = Condition::Compile(doc, *cond);
  if (!compiled.ok()) return 0;
  for (const Resource& r : resources) (void)(*compiled)->Evaluate(r);
  return 0;
}
