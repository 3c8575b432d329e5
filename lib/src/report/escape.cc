// Escaping of template-supplied text for the report formats that embed it (XML, Markdown).
#include "report/escape.h"

#include "absl/strings/str_format.h"

#include "util/utf8.h"

namespace armlint::internal {

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

std::string HtmlEscape(std::string_view raw) {
  const std::string s = ValidUtf8(raw);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
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
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
        out += c;
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
