// The embedded configuration schema, validation against it, and the drift-checking reader.
#include "findings/config_schema.h"

#include <cstddef>
#include <memory>

#include "absl/strings/str_cat.h"

#include "json/schema_validate.h"
#include "util/embedded_file.h"
#include "util/input_error.h"
#include "util/strings.h"

namespace armlint::internal {

// Generated from docs/armlint.schema.json by scripts/embed-rules.cmake (config_schema_data.cc).
extern const EmbeddedFile kConfigSchemaFiles[];
extern const std::size_t kConfigSchemaFileCount;

namespace {

constexpr std::string_view kSchemaPath = "docs/armlint.schema.json";

absl::StatusOr<std::unique_ptr<Document>> ParseSchema() {
  if (kConfigSchemaFileCount != 1) {
    return absl::InternalError("docs/armlint.schema.json was not embedded in the build");
  }
  absl::StatusOr<std::unique_ptr<Document>> doc =
      Document::Parse(std::string(kSchemaPath), std::string(kConfigSchemaFiles[0].text));
  if (!doc.ok()) {
    return absl::InternalError(
        absl::StrCat("the embedded configuration schema: ", doc.status().message()));
  }
  if (absl::Status s = CheckSchemaSubset((*doc)->root()); !s.ok()) {
    return absl::InternalError(absl::StrCat("docs/armlint.schema.json: ", s.message()));
  }
  return doc;
}

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : absl::StrCat(path, ".", AbslView(key));
}

}  // namespace

std::string_view ConfigSchemaText() {
  return kConfigSchemaFileCount == 1 ? kConfigSchemaFiles[0].text : std::string_view();
}

absl::StatusOr<const Document*> ConfigSchema() {
  // Built on first use and never destroyed: configs may load during static destruction of
  // other objects, and the schema is a few kilobytes.
  static const auto* const parsed = new absl::StatusOr<std::unique_ptr<Document>>(ParseSchema());
  if (!parsed->ok()) return parsed->status();
  return parsed->value().get();
}

absl::Status ValidateConfig(const Document& config) {
  absl::StatusOr<const Document*> schema = ConfigSchema();
  if (!schema.ok()) return schema.status();
  return ValidateAgainstSchema((*schema)->root(), config, "the configuration");
}

const Value* ConfigSchemaReader::Resolve(const Value* schema) const {
  return schema == nullptr ? nullptr : ResolveSchemaRef(schema_.root(), *schema);
}

ConfigSchemaReader::Node ConfigSchemaReader::Root() {
  return Node(this, &config_.root(), Resolve(&schema_.root()), "");
}

ConfigSchemaReader::Node ConfigSchemaReader::Node::Get(std::string_view key) const {
  std::string path = Join(path_, key);
  const Value* props = schema_ ? ExactMember(*schema_, "properties") : nullptr;
  const Value* declared = props ? ExactMember(*props, key) : nullptr;
  if (declared == nullptr) {
    if (schema_ != nullptr && reader_->drift_.ok()) {
      reader_->drift_ =
          absl::InternalError(absl::StrCat("the config loader reads '", path, "', which ",
                                           AbslView(kSchemaPath), " does not declare"));
    }
    return Node(reader_, nullptr, nullptr, std::move(path));
  }
  const Value* member = value_ ? ExactMember(*value_, key) : nullptr;
  if (member != nullptr) reader_->read_.emplace(value_, std::string(key));
  return Node(reader_, member, reader_->Resolve(declared), std::move(path));
}

std::vector<ConfigSchemaReader::Node> ConfigSchemaReader::Node::Items() const {
  std::vector<Node> out;
  if (value_ == nullptr || !value_->is_array()) return out;
  const Value* items = schema_ ? reader_->Resolve(ExactMember(*schema_, "items")) : nullptr;
  for (std::size_t i = 0; i < value_->items().size(); ++i) {
    out.push_back(Node(reader_, value_->items()[i], items, absl::StrCat(path_, "[", i, "]")));
  }
  return out;
}

std::vector<std::pair<std::string_view, ConfigSchemaReader::Node>>
ConfigSchemaReader::Node::Entries() const {
  std::vector<std::pair<std::string_view, Node>> out;
  if (value_ == nullptr || !value_->is_object()) return out;
  const Value* extra =
      schema_ ? reader_->Resolve(ExactMember(*schema_, "additionalProperties")) : nullptr;
  reader_->maps_read_.insert(value_);
  for (const Member& m : value_->members()) {
    out.emplace_back(m.key, Node(reader_, m.value, extra, Join(path_, m.key)));
  }
  return out;
}

const Value* ConfigSchemaReader::Node::Claim() const {
  if (value_ != nullptr) reader_->claimed_.insert(value_);
  return value_;
}

absl::Status ConfigSchemaReader::Unread(const Value& v, const Value* schema_in,
                                        const std::string& path) const {
  if (claimed_.contains(&v)) return absl::OkStatus();
  const Value* schema = Resolve(schema_in);
  if (schema == nullptr || !schema->is_object()) return absl::OkStatus();
  if (v.is_array()) {
    const Value* items = ExactMember(*schema, "items");
    for (std::size_t i = 0; items != nullptr && i < v.items().size(); ++i) {
      absl::Status s = Unread(*v.items()[i], items, absl::StrCat(path, "[", i, "]"));
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }
  if (!v.is_object()) return absl::OkStatus();
  const Value* props = ExactMember(*schema, "properties");
  const Value* extra = ExactMember(*schema, "additionalProperties");
  for (const Member& m : v.members()) {
    const std::string key_path = Join(path, m.key);
    const Value* declared = props ? ExactMember(*props, m.key) : nullptr;
    bool read = false;
    if (declared != nullptr) {
      read = read_.contains(std::make_pair(&v, std::string(m.key)));
    } else if (extra != nullptr && extra->is_object()) {
      declared = extra;
      read = maps_read_.contains(&v);
    } else {
      continue;  // not declared: ValidateConfig has rejected it already
    }
    if (!read) {
      return InputError(config_.Locate(m.key_pos),
                        absl::StrCat(AbslView(kSchemaPath), " declares '", key_path,
                                     "' but the config loader does not read it"),
                        absl::StatusCode::kInternal);
    }
    if (absl::Status s = Unread(*m.value, declared, key_path); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status ConfigSchemaReader::Finish() const {
  if (!drift_.ok()) return drift_;
  return Unread(config_.root(), &schema_.root(), "");
}

}  // namespace armlint::internal
