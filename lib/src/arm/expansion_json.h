// Renders an Expansion as the JSON `armlint expand` prints:
//
//   {"resources": [{"type": ..., "name": ..., "id": ..., "apiVersion": ..., ...}, ...],
//    "outputs": {"<name>": {"type": "...", "value": ...}},
//    "errors": [{"file": ..., "line": 3, "column": 17, "message": "..."}]}   (when any)
//
// Unknown values are written {"$unknown": "<why>"}; values flagged kFlagSecure (secure
// parameters and what is computed from them, secure outputs, list*() results) never appear:
// each leaf of one (string, number, bool, null, unknown) is written "***", and a secure array or
// object keeps its shape, every leaf inside it masked. `existing` resources are not deployed and
// are left out. A nested deployment's inline template is written {"$expanded": "..."}: its
// resources follow it.
#pragma once

#include <string>

#include <boost/json/value.hpp>

#include "arm/expand.h"
#include "json/value.h"

namespace armlint::internal {

// One value: Unknown as {"$unknown": why}, secure leaves as "***". `secure`: `v` is inside a
// secure array or object (all its leaves are secret).
boost::json::value ValueToJson(const Value& v);
boost::json::value ValueToJson(const Value& v, bool secure);

boost::json::value ExpansionToJson(const Expansion& expansion);

// Indented with two spaces, ending with a newline.
std::string PrettyJson(const boost::json::value& v);

}  // namespace armlint::internal
