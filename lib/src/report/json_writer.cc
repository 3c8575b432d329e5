#include "report/json_writer.h"

#include <charconv>
#include <cstring>

#include "absl/strings/str_format.h"

#include "util/json_escape.h"
#include "util/swar.h"
#include "util/utf8.h"

namespace armlint::internal {
namespace {

namespace json = boost::json;

// Output is handed to the stream when the buffer passes this size, so that a report of any
// length needs only this much memory beyond its findings.
constexpr std::size_t kFlushAt = 64 * 1024;

// ",\n" and the indentation of the deepest level written in one append: a value's separator
// and line start are a slice of it.
constexpr std::size_t kMaxSliceDepth = 60;
constexpr std::string_view kCommaIndent =
    ",\n                                                  "
    "                                                                      ";
static_assert(kCommaIndent.size() == 2 + 2 * kMaxSliceDepth);

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  const std::size_t special = swar::FindJsonSpecial(s, 0);
  if (special == s.size()) {
    out.append(s);  // the common case: nothing to escape or check
  } else if (IsValidUtf8(s.substr(special))) {
    AppendJsonEscaped(out, s);
  } else {
    AppendJsonEscaped(out, ValidUtf8(s));
  }
  out += '"';
}

void PrettyJsonWriter::NewLine(std::size_t depth) {
  if (depth <= kMaxSliceDepth) {
    buf_.append(kCommaIndent.data() + 1, 1 + 2 * depth);
    return;
  }
  buf_ += '\n';
  buf_.append(depth * 2, ' ');
}

void PrettyJsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (nonempty_.empty()) return;  // the top-level value
  const std::size_t depth = nonempty_.size();
  const bool comma = nonempty_.back();
  nonempty_.back() = true;
  if (depth <= kMaxSliceDepth) {
    buf_.append(kCommaIndent.data() + (comma ? 0 : 1), (comma ? 2 : 1) + 2 * depth);
    return;
  }
  if (comma) buf_ += ',';
  NewLine(depth);
}

void PrettyJsonWriter::Key(std::string_view key) {
  BeforeValue();
  // Keys are short names with nothing to escape: quoted, with ": ", in one append.
  char quoted[64];
  if (key.size() + 4 <= sizeof quoted && swar::FindJsonSpecial(key, 0) == key.size()) {
    quoted[0] = '"';
    std::memcpy(quoted + 1, key.data(), key.size());
    std::memcpy(quoted + 1 + key.size(), "\": ", 3);
    buf_.append(quoted, key.size() + 4);
  } else {
    AppendJsonString(buf_, key);
    buf_ += ": ";
  }
  after_key_ = true;
}

void PrettyJsonWriter::Open(char c) {
  BeforeValue();
  buf_ += c;
  nonempty_.push_back(false);
}

void PrettyJsonWriter::Close(char c) {
  const bool nonempty = nonempty_.back();
  nonempty_.pop_back();
  if (nonempty) NewLine(nonempty_.size());
  buf_ += c;
  if (buf_.size() >= kFlushAt) Flush();
}

void PrettyJsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(buf_, s);
}

template <typename N>
void PrettyJsonWriter::Number(N n) {
  BeforeValue();
  char digits[24];
  buf_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

void PrettyJsonWriter::Int(std::int64_t n) { Number(n); }
void PrettyJsonWriter::UInt(std::uint64_t n) { Number(n); }

void PrettyJsonWriter::Double(double d) {
  BeforeValue();
  absl::StrAppendFormat(&buf_, "%.15g", d);
}

void PrettyJsonWriter::Bool(bool b) {
  BeforeValue();
  buf_ += b ? "true" : "false";
}

void PrettyJsonWriter::Null() {
  BeforeValue();
  buf_ += "null";
}

void PrettyJsonWriter::Value(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object:
      BeginObject();
      for (const json::key_value_pair& kv : v.get_object()) {
        Key(std::string_view(kv.key().data(), kv.key().size()));
        Value(kv.value());
      }
      EndObject();
      return;
    case json::kind::array:
      BeginArray();
      for (const json::value& e : v.get_array()) Value(e);
      EndArray();
      return;
    case json::kind::string:
      String(std::string_view(v.get_string().data(), v.get_string().size()));
      return;
    case json::kind::int64:
      Int(v.get_int64());
      return;
    case json::kind::uint64:
      UInt(v.get_uint64());
      return;
    case json::kind::double_:
      Double(v.get_double());
      return;
    case json::kind::bool_:
      Bool(v.get_bool());
      return;
    case json::kind::null:
      Null();
      return;
  }
}

void PrettyJsonWriter::Finish() {
  buf_ += '\n';
  Flush();
}

void PrettyJsonWriter::Flush() {
  if (out_ == nullptr) return;
  out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

PrettyJsonWriter PrettyJsonWriter::Detached(bool follows_values) const {
  PrettyJsonWriter piece;
  piece.nonempty_ = nonempty_;
  if (!piece.nonempty_.empty()) piece.nonempty_.back() = piece.nonempty_.back() || follows_values;
  return piece;
}

void PrettyJsonWriter::Append(std::string_view piece) {
  if (piece.empty()) return;
  if (!nonempty_.empty()) nonempty_.back() = true;
  if (out_ == nullptr || piece.size() < kFlushAt) {
    buf_.append(piece);
    if (buf_.size() >= kFlushAt) Flush();
    return;
  }
  Flush();  // then the piece straight to the stream, not copied through the buffer
  out_->write(piece.data(), static_cast<std::streamsize>(piece.size()));
}

void WritePrettyJson(const json::value& v, std::ostream& out) {
  PrettyJsonWriter w(out);
  w.Value(v);
  w.Finish();
}

}  // namespace armlint::internal
