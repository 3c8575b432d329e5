// Escaping of template-supplied text for the report formats that embed it (XML, HTML, Markdown) and
// small text helpers the formats share.
#pragma once

#include <string>
#include <string_view>

namespace armlint::internal {

// XML 1.0 character data and attribute values: & < > " ' as entities, tab/newline/CR as
// character references (attribute values keep them), other C0 controls (not allowed in XML
// 1.0 at all) as U+FFFD.
std::string XmlEscape(std::string_view s);

// HTML text and attribute values: the five markup characters as entities, invalid UTF-8 as
// U+FFFD, control characters other than tab and newline dropped (HTML keeps whitespace as is).
std::string HtmlEscape(std::string_view s);

// Markdown text that renders as itself in GitHub-flavoured Markdown, table cells included:
// punctuation that could start emphasis, links, code or HTML is backslash-escaped, `<` `>` `&`
// become entities, `|` is escaped and newlines become <br>.
std::string MarkdownEscape(std::string_view s);

// A URL usable as a Markdown link target: characters that would end or break it
// (space, parentheses, angle brackets, quotes, controls) are percent-encoded.
std::string MarkdownLinkTarget(std::string_view url);

// `s` ending with '.', '!' or '?' (SARIF messages are sentences); empty stays empty.
std::string Sentence(std::string_view s);

}  // namespace armlint::internal
