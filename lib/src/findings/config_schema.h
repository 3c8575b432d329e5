// The configuration schema (docs/armlint.schema.json, embedded at build time) and a reader that
// keeps the config loader and the schema in step.
//
// The schema is the one definition of the config's keys and types: LoadConfig validates a
// config against it first (ValidateConfig), then reads it through a ConfigSchemaReader, which
// only hands out keys the schema declares and, at Finish(), reports every key of the config the
// loader did not read. A key added to the schema but not to the loader (or the reverse) is
// therefore an Internal error on the first config that uses it; config_schema_test builds a
// config with every property of the schema to catch that before a user does.
//
//   ConfigSchemaReader r(doc);
//   ConfigSchemaReader::Node rules = r.Root().Get("rules");
//   if (rules.present()) ... rules.Get("disable").value() ...
//   ARMLINT_RETURN_IF_ERROR(r.Finish());
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

#include "json/document.h"
#include "json/value.h"

namespace armlint::internal {

// The parsed schema; Internal if the embedded text does not parse or leaves the supported subset
// (json/schema_validate.h). Parsed once, thread-safe; lives for the whole process.
absl::StatusOr<const Document*> ConfigSchema();

// The schema's text as embedded (for tests and `docs/` checks).
std::string_view ConfigSchemaText();

// Checks `config` against the schema: OK, or an InputError at the offending value or key.
absl::Status ValidateConfig(const Document& config);

// Reads a config that passed ValidateConfig. Not thread-safe; one per load.
class ConfigSchemaReader {
 public:
  // A value of the config with the schema that describes it. value() is null when absent.
  class Node {
   public:
    bool present() const { return value_ != nullptr; }
    const Value* value() const { return value_; }
    // The member `key` of this object. `key` must be a property of this node's schema, else the
    // reader records a drift error (Finish()) and the node is absent.
    Node Get(std::string_view key) const;
    // Array items, each with the items schema.
    std::vector<Node> Items() const;
    // All members of a map-like object (schema with additionalProperties), each with that schema.
    std::vector<std::pair<std::string_view, Node>> Entries() const;
    // The value, handed whole to a reader of its own that checks what it reads (native checks'
    // options, rules/check_options.h): it and everything in it count as read.
    const Value* Claim() const;

   private:
    friend class ConfigSchemaReader;
    Node(ConfigSchemaReader* reader, const Value* value, const Value* schema, std::string path)
        : reader_(reader), value_(value), schema_(schema), path_(std::move(path)) {}
    ConfigSchemaReader* reader_;
    const Value* value_;
    const Value* schema_;  // resolved ($ref followed); null when unknown
    std::string path_;     // "rules.options", for drift messages
  };

  // `config` and the schema must outlive the reader.
  ConfigSchemaReader(const Document& config, const Document& schema)
      : config_(config), schema_(schema) {}

  Node Root();

  // The first drift between loader and schema: a key the loader asked for that the schema does
  // not declare, or a key present in the config (and declared) that the loader never read.
  // Internal, at the key's position.
  absl::Status Finish() const;

 private:
  const Value* Resolve(const Value* schema) const;
  absl::Status Unread(const Value& v, const Value* schema, const std::string& path) const;

  const Document& config_;
  const Document& schema_;
  absl::Status drift_;
  absl::flat_hash_set<std::pair<const Value*, std::string>> read_;  // (object, key) pairs read
  absl::flat_hash_set<const Value*> maps_read_;                     // objects read via Entries()
  absl::flat_hash_set<const Value*> claimed_;                       // values read via Claim()
};

}  // namespace armlint::internal
