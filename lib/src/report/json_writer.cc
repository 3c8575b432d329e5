// Pretty-prints a boost::json value with 2-space indentation, keys in insertion order.
#include "report/json_writer.h"

#include <string>

#include <boost/json/serialize.hpp>

namespace armlint::internal {
namespace {

namespace json = boost::json;

void Indent(int depth, std::ostream& out) {
  out << std::string(static_cast<size_t>(depth) * 2, ' ');
}

void Write(const json::value& v, int depth, std::ostream& out) {
  if (const json::object* o = v.if_object()) {
    if (o->empty()) {
      out << "{}";
      return;
    }
    out << "{\n";
    bool first = true;
    for (const json::key_value_pair& kv : *o) {
      if (!first) out << ",\n";
      first = false;
      Indent(depth + 1, out);
      out << json::serialize(json::string_view(kv.key())) << ": ";
      Write(kv.value(), depth + 1, out);
    }
    out << "\n";
    Indent(depth, out);
    out << "}";
    return;
  }
  if (const json::array* a = v.if_array()) {
    if (a->empty()) {
      out << "[]";
      return;
    }
    out << "[\n";
    bool first = true;
    for (const json::value& e : *a) {
      if (!first) out << ",\n";
      first = false;
      Indent(depth + 1, out);
      Write(e, depth + 1, out);
    }
    out << "\n";
    Indent(depth, out);
    out << "]";
    return;
  }
  out << json::serialize(v);
}

}  // namespace

void WritePrettyJson(const json::value& v, std::ostream& out) {
  Write(v, 0, out);
  out << "\n";
}

}  // namespace armlint::internal
