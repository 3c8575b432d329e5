// The body of a JSON string literal: `"`, `\` and control characters escaped as Boost.JSON and
// Json.NET write them (\b \t \n \f \r by name, the others as \u00xx), every other byte as it
// is. Shared by the reports and by ARM's string()/json output.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "util/swar.h"

namespace armlint::internal {

// Appends `s` escaped, without the quotes. Bytes from 0x80 up are copied: whether they are
// well-formed UTF-8 is the caller's policy.
inline void AppendJsonEscaped(std::string& out, std::string_view s) {
  // What each byte turns into: 0 for itself, 'u' for \u00XX, else the letter after the
  // backslash.
  static constexpr std::array<char, 256> kEscapes = [] {
    std::array<char, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = 'u';
    t['\b'] = 'b';
    t['\t'] = 't';
    t['\n'] = 'n';
    t['\f'] = 'f';
    t['\r'] = 'r';
    t['"'] = '"';
    t['\\'] = '\\';
    return t;
  }();
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = swar::FindJsonSpecial(s, 0); i < s.size();
       i = swar::FindJsonSpecial(s, i + 1)) {
    const auto byte = static_cast<unsigned char>(s[i]);
    const char e = kEscapes[byte];
    if (e == 0) continue;  // a byte of a UTF-8 sequence
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (e == 'u') {
      const char u[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 15]};
      out.append(u, sizeof u);
    } else {
      const char pair[] = {'\\', e};
      out.append(pair, sizeof pair);
    }
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace armlint::internal
