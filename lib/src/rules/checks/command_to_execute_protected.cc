// command-to-execute-protected: a VM extension's commandToExecute in public `settings` that uses
// a secure parameter or a list*() function (arm-ttk "CommandToExecute Must Use
// ProtectedSettings For Secrets"): public settings are readable by anyone who can read the VM;
// move the command to `protectedSettings`.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  const std::vector<const Member*>& settings = checks::Index(context, *tmpl).settings;
  if (settings.empty()) return;
  absl::flat_hash_set<std::string> secure = checks::SecureParameters(*tmpl);
  for (const Member* m : settings) {
    if (!m->value->is_object()) continue;
    const Value* cmd = m->value->Find("commandToExecute");
    if (cmd == nullptr) continue;
    bool bad = false;
    checks::ForEachString(*cmd, [&](const Value& s) {
      if (!checks::IsExpression(s.string_value())) return;
      if (checks::CallsListFunction(s.string_value()) ||
          checks::ReferencesSecure(s.string_value(), secure)) {
        bad = true;
      }
    });
    if (bad) {
      out.push_back(
          checks::MakeHit(rule, cmd->pos(), "commandToExecute uses a secret in public settings"));
    }
  }
}

}  // namespace

extern const NativeCheck kCommandToExecuteProtected{
    "command-to-execute-protected", Run,
    "commandToExecute in an extension's public settings that uses secure parameters or list*()"};

}  // namespace armlint::internal
