// Pretty-prints a boost::json value with 2-space indentation, keys in insertion order.
#include "report/json_writer.h"

#include <string>

#include "absl/strings/str_format.h"
#include <boost/json/serialize.hpp>

#include "report/escape.h"

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
      out << json::serialize(
                 json::value(ValidUtf8(std::string_view(kv.key().data(), kv.key().size()))))
          << ": ";
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
  // Boost.JSON copies string bytes as they are; a file name that is not UTF-8 would make the
  // whole report unreadable to strict parsers.
  if (const json::string* s = v.if_string();
      s != nullptr && !IsValidUtf8(std::string_view(s->data(), s->size()))) {
    out << json::serialize(json::value(ValidUtf8(std::string_view(s->data(), s->size()))));
    return;
  }
  // Boost.JSON prints doubles in exponent form ("7.25E1"); reports hold scores, "72.5" reads
  // better and parses the same.
  if (const double* d = v.if_double()) {
    out << absl::StrFormat("%.15g", *d);
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
