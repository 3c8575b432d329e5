// Lints an in-memory template with the installed armlint library and prints the findings.
#include <iostream>

#include "armlint/armlint.hpp"

int main() {
  const char* text = R"({"contentVersion": "1.0.0.0", "resources": [{
  "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
  "name": "st1", "properties": {"minimumTlsVersion": "TLS1_0"}}]})";
  absl::StatusOr<armlint::Engine> engine = armlint::Engine::Create(armlint::Options{});
  if (!engine.ok()) {
    std::cerr << "armlint: " << engine.status() << "\n";
    return 2;
  }
  armlint::LintResult result = engine->LintBuffer("main.json", text);
  for (const armlint::Finding& f : result.findings)
    std::cout << f.location.file << ":" << f.location.line << ":" << f.location.column << " "
              << armlint::ImpactName(f.impact) << " " << f.rule_id << "\n";
  return 0;
}
