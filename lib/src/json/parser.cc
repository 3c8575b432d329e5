// A one-pass, recursive-descent JSON parser for ARM's lenient JSON (see parser.h).
#include "json/parser.h"

#include <charconv>
#include <cstring>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

#include "json/scan.h"
#include "util/limits.h"
#include "util/name_set.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace armlint::internal {
namespace {

class Parser {
 public:
  Parser(std::string_view text, Arena& arena, std::uint8_t source, ParseOutput& out)
      : p_(text.data()),
        begin_(text.data()),
        end_(text.data() + text.size()),
        arena_(arena),
        source_(source),
        out_(out) {}

  void Run() {
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;
    SkipSpace();
    if (failed_) return;
    if (p_ == end_) return Fail("empty document: expected a JSON value");
    const Value* v = ParseValue(0);
    if (failed_) return;
    SkipSpace();
    if (failed_) return;
    if (p_ != end_) return Fail("unexpected content after the JSON value");
    out_.root = v;
  }

 private:
  std::uint32_t Off(const char* p) const { return static_cast<std::uint32_t>(p - begin_); }
  Anchor At(const char* p) const { return Anchor{Off(p), source_}; }

  void Fail(std::string msg) { FailAt(p_, std::move(msg)); }
  void FailAt(const char* p, std::string msg) {
    if (failed_) return;
    failed_ = true;
    out_.error = ParseError{Off(p), std::move(msg)};
  }

  static std::string Describe(const char* p, const char* end) {
    if (p >= end) return "end of file";
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x7f) return absl::StrCat("'", AbslView(std::string_view(p, 1)), "'");
    static const char* hex = "0123456789abcdef";
    std::string s = "byte 0x";
    s += hex[c >> 4];
    s += hex[c & 15];
    return s;
  }

  // Inlined fast path: most tokens are not preceded by whitespace or a comment.
  void SkipSpace() {
    if (p_<end_&& static_cast<unsigned char>(*p_)> ' ' && *p_ != '/') return;
    SkipSpaceSlow();
  }

  // A leaf on the hot path (comments go out of line), so that it keeps the position in a
  // register and saves none on entry: it runs before most tokens of indented JSON.
  [[gnu::noinline]] void SkipSpaceSlow() {
    const char* p = p_;
    for (;;) {
      p = json_scan::SkipWhitespace(p, end_);
      p_ = p;
      if (p == end_ || *p != '/' || !SkipComment()) return;
      p = p_;
    }
  }

  // Skips the comment at p_ (a '/'), recording it; false when there is none, or it is
  // unterminated (then p_ is the end).
  [[gnu::noinline]] bool SkipComment() {
    if (p_ + 1 < end_ && p_[1] == '/') {
      const char* start = p_;
      p_ += 2;
      const char* text = p_;
      while (p_ < end_ && *p_ != '\n' && *p_ != '\r') ++p_;
      out_.comments.push_back({Off(start), std::string_view(text, p_ - text)});
      return true;
    }
    if (p_ + 1 < end_ && p_[1] == '*') {
      const char* start = p_;
      p_ += 2;
      const char* text = p_;
      while (p_ + 1 < end_ && !(p_[0] == '*' && p_[1] == '/')) ++p_;
      if (p_ + 1 >= end_) {
        p_ = end_;
        FailAt(start, "unterminated /* comment");
        return false;
      }
      out_.comments.push_back({Off(start), std::string_view(text, p_ - text)});
      p_ += 2;
      return true;
    }
    return false;
  }

  const Value* ParseValue(int depth) {
    if (depth > limits::kMaxJsonDepth) {
      Fail(absl::StrCat("JSON nesting deeper than the limit of ", limits::kMaxJsonDepth,
                        " (kMaxJsonDepth)"));
      return nullptr;
    }
    if (p_ >= end_) {
      Fail("unexpected end of file: expected a value");
      return nullptr;
    }
    last_nodes_ = 1;  // a scalar; ParseArray and ParseObject set their own
    switch (*p_) {
      case '{':
        return ParseObject(depth);
      case '[':
        return ParseArray(depth);
      case '"': {
        const char* start = p_;
        std::string_view s;
        if (!ParseString(s)) return nullptr;
        return Value::StringView(arena_, s, At(start));
      }
      case 't':
        return ParseLiteral("true", Value::Bool(arena_, true, At(p_)));
      case 'f':
        return ParseLiteral("false", Value::Bool(arena_, false, At(p_)));
      case 'n':
        return ParseLiteral("null", Value::Null(arena_, At(p_)));
      default:
        if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return ParseNumber();
        Fail(absl::StrCat("unexpected ", Describe(p_, end_), ": expected a value"));
        return nullptr;
    }
  }

  const Value* ParseLiteral(std::string_view word, const Value* v) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::memcmp(p_, word.data(), word.size()) != 0 ||
        (p_ + word.size() < end_ && IsIdentChar(p_[word.size()]))) {
      Fail(absl::StrCat("invalid literal: expected '", AbslView(word), "'"));
      return nullptr;
    }
    p_ += word.size();
    return v;
  }

  static bool IsIdentChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  const Value* ParseNumber() {
    const char* start = p_;
    bool is_int = true;
    if (*p_ == '-') ++p_;
    if (p_ >= end_ || !(*p_ >= '0' && *p_ <= '9')) {
      Fail("invalid number: expected a digit");
      return nullptr;
    }
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ < end_ && *p_ == '.') {
      is_int = false;
      ++p_;
      if (p_ >= end_ || !(*p_ >= '0' && *p_ <= '9')) {
        Fail("invalid number: expected a digit after '.'");
        return nullptr;
      }
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      is_int = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ >= end_ || !(*p_ >= '0' && *p_ <= '9')) {
        Fail("invalid number: expected a digit in the exponent");
        return nullptr;
      }
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (is_int) {
      std::int64_t i = 0;
      auto r = std::from_chars(start, p_, i);
      if (r.ec == std::errc() && r.ptr == p_) return Value::Int(arena_, i, At(start));
    }
    double d = 0;
    auto r = std::from_chars(start, p_, d);
    if (r.ec == std::errc::result_out_of_range) {
      FailAt(start, "number out of range");
      return nullptr;
    }
    if (r.ec != std::errc() || r.ptr != p_) {
      FailAt(start, "invalid number");
      return nullptr;
    }
    return Value::Double(arena_, d, At(start));
  }

  // Parses a string literal at p_ (which is '"'). Without escapes the result is a view into the
  // source; otherwise it is decoded into the arena.
  bool ParseString(std::string_view& out) {
    const char* open = p_;
    ++p_;
    const char* start = p_;
    for (;;) {
      p_ = json_scan::FindStringSpecial(p_, end_);
      if (p_ == end_) break;
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out = std::string_view(start, p_ - start);
        ++p_;
        return true;
      }
      if (c == '\\') return ParseEscapedString(open, start, out);
      if (!SkipUtf8()) return false;  // c >= 0x80
    }
    FailAt(open, "unterminated string");
    return false;
  }

  // Validates one UTF-8 sequence at p_ and advances past it.
  bool SkipUtf8() {
    const Utf8Sequence seq = CheckUtf8(std::string_view(p_, static_cast<std::size_t>(end_ - p_)));
    switch (seq.problem) {
      case Utf8Problem::kNone:
        p_ += seq.length;
        return true;
      case Utf8Problem::kBadByte:
        Fail("invalid UTF-8 in string");
        return false;
      case Utf8Problem::kTruncated:
        Fail("invalid UTF-8 in string (truncated sequence)");
        return false;
      case Utf8Problem::kOverlongOrSurrogate:
        Fail("invalid UTF-8 in string (overlong or surrogate)");
        return false;
    }
    return false;
  }

  static void AppendUtf8(std::string& s, std::uint32_t cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool ReadHex4(std::uint32_t& v) {
    if (end_ - p_ < 4) {
      Fail("invalid \\u escape: expected 4 hex digits");
      return false;
    }
    v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = p_[i];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v |= c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        v |= c - 'A' + 10;
      } else {
        Fail("invalid \\u escape: expected 4 hex digits");
        return false;
      }
    }
    p_ += 4;
    return true;
  }

  bool ParseEscapedString(const char* open, const char* start, std::string_view& out) {
    std::string& buf = scratch_string_;
    buf.assign(start, p_);
    for (;;) {
      const char* run = p_;  // up to the next quote, escape or non-ASCII byte, as it is
      p_ = json_scan::FindStringSpecial(p_, end_);
      buf.append(run, p_);
      if (p_ == end_) break;
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        if (buf.size() > limits::kMaxStringBytes) {
          FailAt(open, "string longer than kMaxStringBytes");
          return false;
        }
        out = arena_.Copy(buf);
        return true;
      }
      if (c == '\\') {
        const char* esc = p_;
        ++p_;
        if (p_ >= end_) break;
        char e = *p_++;
        switch (e) {
          case '"':
            buf += '"';
            break;
          case '\\':
            buf += '\\';
            break;
          case '/':
            buf += '/';
            break;
          case '\'':
            buf += '\'';
            break;
          case 'b':
            buf += '\b';
            break;
          case 'f':
            buf += '\f';
            break;
          case 'n':
            buf += '\n';
            break;
          case 'r':
            buf += '\r';
            break;
          case 't':
            buf += '\t';
            break;
          case 'u': {
            std::uint32_t cp;
            if (!ReadHex4(cp)) return false;
            if (cp >= 0xD800 && cp <= 0xDBFF && end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
              const char* save = p_;
              p_ += 2;
              std::uint32_t lo;
              if (!ReadHex4(lo)) return false;
              if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              } else {
                p_ = save;
              }
            }
            // A lone surrogate becomes U+FFFD, as .NET's decoder does.
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            AppendUtf8(buf, cp);
            break;
          }
          default:
            FailAt(esc, absl::StrCat("invalid escape '\\", AbslView(std::string_view(&e, 1)),
                                     "' in string"));
            return false;
        }
        continue;
      }
      const char* s = p_;  // c >= 0x80
      if (!SkipUtf8()) return false;
      buf.append(s, p_);
    }
    FailAt(open, "unterminated string");
    return false;
  }

  const Value* ParseArray(int depth) {
    const char* open = p_;
    ++p_;
    std::size_t base = items_.size();
    std::uint64_t nodes = 1;
    SkipSpace();
    while (!failed_) {
      if (p_ >= end_) {
        FailAt(open, "unterminated array: expected ']'");
        break;
      }
      if (*p_ == ']') {
        ++p_;
        const Value* v = Value::ParsedArray(
            arena_, std::span<const Value* const>(items_.data() + base, items_.size() - base),
            At(open), nodes);
        items_.resize(base);
        last_nodes_ = nodes;
        return v;
      }
      const Value* item = ParseValue(depth + 1);
      if (failed_) break;
      nodes += last_nodes_;
      items_.push_back(item);
      SkipSpace();
      if (failed_) break;
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        SkipSpace();  // a trailing comma before ']' is accepted
      } else if (p_ < end_ && *p_ != ']') {
        Fail(absl::StrCat("unexpected ", Describe(p_, end_), ": expected ',' or ']' in array"));
      }
    }
    items_.resize(base);
    return nullptr;
  }

  const Value* ParseObject(int depth) {
    const char* open = p_;
    ++p_;
    std::size_t base = members_.size();
    std::uint64_t nodes = 1;
    // One bit per key signature (length, first and last byte, case bit set): two keys that
    // differ in one of those cannot be equal, so only an object where a bit repeats is looked
    // at for duplicates (a few in a hundred).
    std::uint64_t signatures = 0;
    bool maybe_duplicates = false;
    SkipSpace();
    while (!failed_) {
      if (p_ >= end_) {
        FailAt(open, "unterminated object: expected '}'");
        break;
      }
      if (*p_ == '}') {
        ++p_;
        if (maybe_duplicates) nodes -= DropDuplicates(base);
        const Value* v = Value::ParsedObject(
            arena_, std::span<const Member>(members_.data() + base, members_.size() - base),
            At(open), nodes);
        members_.resize(base);
        last_nodes_ = nodes;
        return v;
      }
      if (*p_ != '"') {
        Fail(absl::StrCat("unexpected ", Describe(p_, end_),
                          ": expected a property name in double quotes"));
        break;
      }
      const char* key_start = p_;
      std::string_view key;
      if (!ParseString(key)) break;
      const std::uint64_t bit = std::uint64_t{1} << (KeySignature(key) & 63);
      maybe_duplicates |= (signatures & bit) != 0;
      signatures |= bit;
      SkipSpace();
      if (failed_) break;
      if (p_ >= end_ || *p_ != ':') {
        Fail(absl::StrCat("unexpected ", Describe(p_, end_), ": expected ':' after property name"));
        break;
      }
      ++p_;
      if (p_ < end_ && *p_ == ' ') ++p_;  // the usual ": ", without a call
      SkipSpace();
      if (failed_) break;
      const Value* v = ParseValue(depth + 1);
      if (failed_) break;
      nodes += last_nodes_;
      members_.push_back(Member{key, v, Off(key_start)});
      SkipSpace();
      if (failed_) break;
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        SkipSpace();  // a trailing comma before '}' is accepted
      } else if (p_ < end_ && *p_ != '}') {
        Fail(absl::StrCat("unexpected ", Describe(p_, end_), ": expected ',' or '}' in object"));
      }
    }
    members_.resize(base);
    return nullptr;
  }

  // A key's length, first and last byte with the case bit 0x20 set, mixed: equal for keys that
  // are equal ignoring case.
  static std::uint32_t KeySignature(std::string_view k) {
    if (k.empty()) return 0;
    const std::uint32_t sig = static_cast<std::uint32_t>(k.size() << 16) ^
                              ((static_cast<unsigned char>(k.front()) | 0x20u) << 8) ^
                              (static_cast<unsigned char>(k.back()) | 0x20u);
    return (sig * 0x9E3779B1u) >> 16;
  }

  // Keeps only the last of members with equal (case-insensitive) keys, preserving order.
  // Returns the values the dropped members spanned (their nodes()).
  std::uint64_t DropDuplicates(std::size_t base) {
    std::size_t n = members_.size() - base;
    if (n < 2) return 0;
    bool any = false;
    if (n <= 16) {
      // Compare the signatures pairwise, and the keys themselves only where two agree.
      std::uint32_t sig[16];
      for (std::size_t i = 0; i < n; ++i) sig[i] = KeySignature(members_[base + i].key);
      for (std::size_t i = 0; i < n && !any; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
          if (sig[i] == sig[j] &&
              EqualsIgnoreCase(members_[base + i].key, members_[base + j].key)) {
            any = true;
            break;
          }
        }
      }
    } else {
      NameSet seen;
      seen.reserve(n);
      for (std::size_t i = base; i < members_.size(); ++i) {
        if (!seen.insert(members_[i].key).second) {
          any = true;
          break;
        }
      }
    }
    if (!any) return 0;
    NameSet later;
    std::vector<Member> kept;
    std::uint64_t dropped = 0;
    for (std::size_t i = members_.size(); i-- > base;) {
      if (later.insert(members_[i].key).second) {
        kept.push_back(members_[i]);
      } else {
        out_.duplicate_keys.push_back(members_[i].key_pos);
        dropped += members_[i].value->nodes();
      }
    }
    members_.resize(base);
    members_.insert(members_.end(), kept.rbegin(), kept.rend());
    return dropped;
  }

  const char* p_;
  const char* begin_;
  const char* end_;
  Arena& arena_;
  std::uint8_t source_;
  ParseOutput& out_;
  bool failed_ = false;
  std::uint64_t last_nodes_ = 0;  // nodes() of the value ParseValue returned last
  std::vector<const Value*> items_;
  std::vector<Member> members_;
  std::string scratch_string_;
};

}  // namespace

ParseOutput ParseJson(std::string_view text, Arena& arena, std::uint8_t source) {
  ParseOutput out;
  Parser(text, arena, source, out).Run();
  if (out.root == nullptr && out.error.message.empty()) {
    out.error = {0, "invalid JSON"};
  }
  return out;
}

}  // namespace armlint::internal
