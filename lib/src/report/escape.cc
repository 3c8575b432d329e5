// Escaping of template-supplied text for the report formats that embed it (XML, Markdown).
#include "report/escape.h"

#include "absl/strings/str_format.h"

namespace armlint::internal {
namespace {

// The length of the well-formed UTF-8 sequence at s[i], or 0 if there is none.
std::size_t SequenceLength(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlongs
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlongs
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < 0x80 || b > 0xBF) return 0;
  }
  return n;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = SequenceLength(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string XmlEscape(std::string_view text) {
  const std::string valid = ValidUtf8(text);
  const std::string_view s = valid;
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (u < 0x20 || u == 0x7f) {
          out += "\xEF\xBF\xBD";  // U+FFFD: the control character has no XML 1.0 form.
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view text) {
  const std::string valid = ValidUtf8(text);
  const std::string_view s = valid;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        break;
      case '\n':
        out += "<br>";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '(':
      case ')':
      case '#':
      case '|':
      case '!':
      case '~':
      case '$':
        out += '\\';
        out += c;
        break;
      default:
        if (u < 0x20 || u == 0x7f) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string MarkdownLinkTarget(std::string_view url) {
  std::string out;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '(' || c == ')' || c == '<' || c == '>' || c == '"' ||
        c == '\'' || c == '\\' || c == '`' || c == '|') {
      out += absl::StrFormat("%%%02X", u);
    } else {
      out += c;
    }
  }
  return out;
}

std::string Sentence(std::string_view s) {
  std::string out(s);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n' || out.back() == '\t')) {
    out.pop_back();
  }
  if (out.empty()) return out;
  const char last = out.back();
  if (last != '.' && last != '!' && last != '?') out += '.';
  return out;
}

}  // namespace armlint::internal
