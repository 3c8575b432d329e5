// Azure Policy loader + evaluation: the input is a policy definition file (any shape the loader
// takes: definition, properties, array, initiative, template deploying definitions); every
// definition is compiled and evaluated on a fixed set of exported resources.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fixed_resources.h"
#include "json/document.h"
#include "policy/policy_loader.h"
#include "resources/resource.h"
#include "rules/condition.h"

using namespace armlint::internal;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<Resource>& resources = armlint::fuzz::FixedResources();

  auto parsed =
      Document::Parse("policy.json", std::string(reinterpret_cast<const char*>(data), size));
  if (!parsed.ok()) return 0;
  PolicyLoadOptions options;
  options.documents.push_back(std::shared_ptr<const Document>(std::move(*parsed)));
  PolicyLoad load = LoadPolicies(options);
  for (const auto& rule : load.rules) {
    for (const Resource& r : resources) (void)rule->condition->Evaluate(r, resources);
  }
  return 0;
}
