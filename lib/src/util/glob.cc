// Iterative glob matcher with backtracking limited to the last star (linear in practice).
#include "util/glob.h"

#include "util/strings.h"

namespace armlint::internal {
namespace {

bool CharEq(char a, char b, bool ignore_case) {
  return ignore_case ? AsciiLower(a) == AsciiLower(b) : a == b;
}

// Matches with `*` not crossing '/' unless `**`.
bool Match(std::string_view p, std::string_view t, bool ic, int depth, bool cross) {
  if (depth > 32) return false;  // pathological patterns: many `**`
  std::size_t pi = 0, ti = 0;
  while (pi < p.size()) {
    if (p[pi] == '*') {
      bool dbl = pi + 1 < p.size() && p[pi + 1] == '*';
      std::size_t next = pi + (dbl ? 2 : 1);
      if (dbl && next < p.size() && p[next] == '/') {
        // "**/" also matches nothing.
        if (Match(p.substr(next + 1), t.substr(ti), ic, depth + 1, cross)) return true;
      }
      for (std::size_t k = ti; k <= t.size(); ++k) {
        if (Match(p.substr(next), t.substr(k), ic, depth + 1, cross)) return true;
        if (k < t.size() && t[k] == '/' && !dbl && !cross) break;
      }
      return false;
    }
    if (ti >= t.size()) return false;
    if (p[pi] != '?' && !CharEq(p[pi], t[ti], ic)) return false;
    if (p[pi] == '?' && t[ti] == '/' && !cross) return false;
    ++pi;
    ++ti;
  }
  return ti == t.size();
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view text, bool ignore_case) {
  return Match(pattern, text, ignore_case, 0, false);
}

bool GlobMatchResource(std::string_view pattern, std::string_view text) {
  return Match(pattern, text, true, 0, true);
}

}  // namespace armlint::internal
