// Pretty-prints a boost::json value with 2-space indentation, keys in insertion order.
#pragma once

#include <ostream>

#include <boost/json/value.hpp>

namespace armlint::internal {

// Objects and arrays one member per line, empty ones as {} and []; scalars as boost::json
// serializes them (strings escaped, non-ASCII kept as UTF-8). Ends with a newline.
void WritePrettyJson(const boost::json::value& v, std::ostream& out);

}  // namespace armlint::internal
