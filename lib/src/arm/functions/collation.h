// String order of ARM's less/greater/lessOrEquals/greaterOrEquals: .NET's culture-aware
// comparison under the invariant culture (string.Compare with CompareOptions.None), not byte
// order. The documented greater('A', 'a') is true: letters compare case-blind first, then by
// accents, and only then by case, lowercase first.
//
//   CompareInvariantCulture("A", "a")     > 0   (case decides last, lowercase first)
//   CompareInvariantCulture("a", "B")     < 0   (byte order would say the opposite)
//   CompareInvariantCulture("resume", "résumé") < 0, ("résumé", "resumes") < 0
//
// The model is the Unicode Collation Algorithm with the root (CLDR) order at three levels:
// primary (base character: whitespace < punctuation < symbols < digits < letters), secondary
// (accents: acute < grave < breve < circumflex < caron < ring < diaeresis < double acute <
// tilde < dot < stroke < cedilla < ogonek < macron), tertiary (lowercase < uppercase). Control
// characters are ignored, so strings that differ only in them compare equal, as in .NET.
//
// Limits: exact for ASCII and for the Latin letters of Latin-1 and Latin Extended-A (precomposed
// or followed by combining accents U+0300-U+036F). Ligatures (æ, œ, ĳ, ß) sort as their letter
// pairs; letters without a decomposition (ı, ĸ, ŉ, ŋ, þ) and every other script sort after the
// Latin letters by code point. Windows' older NLS order differs from this root order for '-' and
// '\'' (NLS "word sort" nearly ignores them); that difference is not modelled.
#pragma once

#include <string_view>

namespace armlint::internal {

// <0, 0 or >0 as `a` sorts before, with or after `b`.
int CompareInvariantCulture(std::string_view a, std::string_view b);

}  // namespace armlint::internal
