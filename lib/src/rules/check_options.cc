// Reading native checks' options from the config (rules.options.<rule-id>).
#include "rules/check_options.h"

#include <algorithm>

#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

const Value* CheckOptionsReader::Get(std::string_view name, std::string_view deprecated_key,
                                     std::string& path) {
  names_.emplace_back(name);
  if (!deprecated_key.empty()) deprecated_keys_.emplace_back(deprecated_key);
  if (own_ != nullptr && own_->is_object()) {
    if (const Value* v = own_->Find(name)) {
      path = Cat("rules.options.", rule_id_, ".", name);
      return v;
    }
  }
  if (!deprecated_key.empty() && all_ != nullptr && all_->is_object()) {
    if (const Value* v = all_->Find(deprecated_key)) {
      path = Cat("rules.options.", deprecated_key);
      return v;
    }
  }
  return nullptr;
}

absl::Status CheckOptionsReader::Strings(std::string_view name, std::vector<std::string>& out,
                                         std::string_view deprecated_key) {
  std::string path;
  const Value* v = Get(name, deprecated_key, path);
  if (v == nullptr) return absl::OkStatus();
  if (!v->is_array()) {
    return config_.ErrorAt(v->pos(), Cat("'", path, "' must be an array of strings"));
  }
  std::vector<std::string> items;
  for (const Value* item : v->items()) {
    if (!item->is_string() || item->string_value().empty()) {
      return config_.ErrorAt(item->pos(), Cat("'", path, "' must hold non-empty strings"));
    }
    items.emplace_back(item->string_value());
  }
  out = std::move(items);
  return absl::OkStatus();
}

absl::Status CheckOptionsReader::Int(std::string_view name, int min, int max, int& out,
                                     std::string_view deprecated_key) {
  std::string path;
  const Value* v = Get(name, deprecated_key, path);
  if (v == nullptr) return absl::OkStatus();
  if (!v->is_int() || v->int_value() < min || v->int_value() > max) {
    return config_.ErrorAt(v->pos(), Cat("'", path, "' must be from ", min, " to ", max));
  }
  out = static_cast<int>(v->int_value());
  return absl::OkStatus();
}

absl::Status CheckOptionsReader::Finish() const {
  if (own_ == nullptr) return absl::OkStatus();
  if (!own_->is_object()) {
    return config_.ErrorAt(own_->pos(), Cat("'rules.options.", rule_id_, "' must be an object"));
  }
  for (const Member& m : own_->members()) {
    if (std::any_of(names_.begin(), names_.end(),
                    [&](const std::string& n) { return EqualsIgnoreCase(n, m.key); })) {
      continue;
    }
    std::string known;
    for (const std::string& n : names_) known += Cat(known.empty() ? "" : ", ", n);
    return config_.ErrorAt(m.key_pos, Cat("unknown option '", m.key, "' of rule '", rule_id_,
                                          "' (known: ", known, ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<CheckOptionsMap> ParseCheckOptions(const Document& config, const Value* options) {
  CheckOptionsMap out;
  std::vector<std::string> deprecated;
  std::string with_options;
  for (const NativeCheck* check : NativeChecks()) {
    if (check->parse_options == nullptr) continue;
    with_options += Cat(with_options.empty() ? "" : ", ", check->name);
    const Value* own =
        options != nullptr && options->is_object() ? options->Find(check->name) : nullptr;
    CheckOptionsReader reader(config, check->name, own, options);
    absl::StatusOr<std::shared_ptr<const CheckOptions>> parsed = check->parse_options(reader);
    if (!parsed.ok()) return parsed.status();
    if (absl::Status s = reader.Finish(); !s.ok()) return s;
    deprecated.insert(deprecated.end(), reader.deprecated_keys().begin(),
                      reader.deprecated_keys().end());
    out.emplace(std::string(check->name), std::move(*parsed));
  }
  if (options == nullptr || !options->is_object()) return out;
  for (const Member& m : options->members()) {
    if (out.contains(std::string(m.key)) ||
        std::find(deprecated.begin(), deprecated.end(), m.key) != deprecated.end()) {
      continue;
    }
    const bool is_check = FindNativeCheck(m.key) != nullptr;
    return config.ErrorAt(m.key_pos, Cat(is_check ? "rule '" : "unknown rule '", m.key,
                                         is_check ? "' takes no options" : "' in rules.options",
                                         " (rules with options: ", with_options, ")"));
  }
  return out;
}

}  // namespace armlint::internal
