// Pretty-printed JSON with 2-space indentation, written as it is produced: the JSON report
// streams its findings through PrettyJsonWriter without building a document first, and
// WritePrettyJson prints a boost::json value (the SARIF report) through the same writer, so
// both formats lay out and escape JSON the same way.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace armlint::internal {

// Objects and arrays one member per line, empty ones as {} and []; strings escaped as
// boost::json serializes them (", \ and control characters; non-ASCII kept as UTF-8, bytes that
// are not well-formed UTF-8 replaced by U+FFFD); doubles in plain notation ("72.5", not
// "7.25E1"). Output is buffered and handed to the stream in chunks; Finish() ends the document
// with a newline and flushes. The caller nests Begin/End calls correctly and gives every object
// member a Key() before its value.
class PrettyJsonWriter {
 public:
  explicit PrettyJsonWriter(std::ostream& out) : out_(&out) {}
  PrettyJsonWriter(PrettyJsonWriter&&) = default;
  ~PrettyJsonWriter() { Flush(); }

  // For long arrays rendered in pieces (each piece can be rendered in its own thread): a writer
  // with no stream whose values continue this writer's innermost open container at its
  // current position, as if `follows_values` values had been written there already. Take()
  // gives its text; Append() places the pieces here, in order.
  PrettyJsonWriter Detached(bool follows_values) const;
  std::string Take() && { return std::move(buf_); }
  // Room for `bytes` of output in a detached writer's text: reserved address space is only
  // touched (and faulted in) as it is written, so a generous guess costs nothing, where growing
  // by doubling would copy and fault in the text several times over.
  void Reserve(std::size_t bytes) { buf_.reserve(bytes); }
  void Append(std::string_view piece);

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(std::int64_t n);
  void UInt(std::uint64_t n);
  void Double(double d);
  void Bool(bool b);
  void Null();
  // Any boost::json value, recursively.
  void Value(const boost::json::value& v);

  // Key(key) then the value.
  template <typename T>
  void Member(std::string_view key, const T& value) {
    Key(key);
    Put(value);
  }

  void Finish();

 private:
  void Put(std::string_view s) { String(s); }
  void Put(const std::string& s) { String(s); }
  void Put(const char* s) { String(s); }
  void Put(int n) { Int(n); }
  void Put(std::int64_t n) { Int(n); }
  void Put(double d) { Double(d); }
  void Put(bool b) { Bool(b); }

  template <typename N>
  void Number(N n);
  void BeforeValue();
  void Open(char c);
  void Close(char c);
  void NewLine(std::size_t depth);
  void Flush();

  PrettyJsonWriter() = default;

  std::ostream* out_ = nullptr;  // null for a detached writer
  std::string buf_;
  // One entry per open container: whether it has a member yet.
  std::vector<bool> nonempty_;
  bool after_key_ = false;
};

// `v` pretty-printed, then a newline.
void WritePrettyJson(const boost::json::value& v, std::ostream& out);

// Appends `s` as a quoted JSON string, escaped as above.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace armlint::internal
