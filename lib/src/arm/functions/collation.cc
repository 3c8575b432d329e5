// Three-level comparison in the Unicode root order for ASCII and Latin letters (see the header).
#include "arm/functions/collation.h"

#include <cstdint>
#include <vector>

namespace armlint::internal {
namespace {

// One collation element: primary 0 means "accent only" (a combining mark).
struct Element {
  std::uint32_t primary;
  std::uint16_t secondary;
  std::uint8_t tertiary;
};

constexpr std::uint16_t kCommonSecondary = 1;
constexpr std::uint8_t kLower = 0, kVariant = 1, kUpper = 2;

// Primary ranges, in root order.
constexpr std::uint32_t kWhitespaceBase = 1;  // TAB LF VT FF CR, then space
constexpr std::uint32_t kPunctuationBase = 20;
constexpr std::uint32_t kSymbolBase = 100;  // other Latin-1 symbols, by code point
constexpr std::uint32_t kDigitBase = 400;
constexpr std::uint32_t kLetterBase = 500;
constexpr std::uint32_t kOtherBase = 1000;  // everything else, by code point

// ASCII punctuation and symbols in root collation order.
constexpr std::string_view kPunctuationOrder = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

// Accents in root secondary order; the weight is kCommonSecondary + 1 + index.
constexpr std::string_view kMarkOrder = "'`(^vo:\"~./c,-L";  // L: ligature (æ, œ, ĳ, ß)

std::uint16_t MarkWeight(char mark) {
  std::size_t i = kMarkOrder.find(mark);
  return static_cast<std::uint16_t>(kCommonSecondary + 1 + (i == std::string_view::npos ? 0 : i));
}

// Combining diacritical marks U+0300..U+036F as accents.
std::uint16_t CombiningWeight(std::uint32_t cp) {
  switch (cp) {
    case 0x301:
      return MarkWeight('\'');
    case 0x300:
      return MarkWeight('`');
    case 0x306:
      return MarkWeight('(');
    case 0x302:
      return MarkWeight('^');
    case 0x30C:
      return MarkWeight('v');
    case 0x30A:
      return MarkWeight('o');
    case 0x308:
      return MarkWeight(':');
    case 0x30B:
      return MarkWeight('"');
    case 0x303:
      return MarkWeight('~');
    case 0x307:
      return MarkWeight('.');
    case 0x335:
    case 0x338:
      return MarkWeight('/');
    case 0x327:
      return MarkWeight('c');
    case 0x328:
      return MarkWeight(',');
    case 0x304:
      return MarkWeight('-');
    default:  // other accents after the known ones, by code point
      return static_cast<std::uint16_t>(kCommonSecondary + 1 + kMarkOrder.size() + (cp - 0x300));
  }
}

// Latin-1 letters U+00C0..U+00DF (upper) and U+00E0..U+00FF (lower): base letter and accent,
// two characters per code point; "##" is not a letter, "LL" a ligature handled apart.
constexpr std::string_view kLatin1 =
    "a`a'a^a~a:aoLLcce`e'e^e:i`i'i^i:d/n~o`o'o^o~o:##o/u`u'u^u:y'##LL";

// Latin Extended-A U+0100..U+017F, one entry per upper/lower pair in the runs below.
constexpr std::string_view kExtA1 =  // U+0100..U+0137, even code points upper
    "a-a(a,c'c^c.cvdvd/e-e(e.e,evg^g(g.gch^h/i~i-i(i,##LLj^kc";
constexpr std::string_view kExtA2 = "l'lclvl.l/n'ncnv";  // U+0139..U+0148, odd upper
constexpr std::string_view kExtA3 =                      // U+014A..U+0177, even upper
    "##o-o(o\"LLr'rcrvs's^scsvtctvt/u~u-u(uou\"u,w^y^";
constexpr std::string_view kExtA4 = "z'z.zv";  // U+0179..U+017E, odd upper

void PushLetter(std::vector<Element>& out, char base, std::uint8_t tertiary) {
  out.push_back({kLetterBase + static_cast<std::uint32_t>(base - 'a'), kCommonSecondary, tertiary});
}

void PushLetter(std::vector<Element>& out, char base, char mark, std::uint8_t tertiary) {
  PushLetter(out, base, tertiary);
  out.push_back({0, MarkWeight(mark), kLower});
}

void PushLigature(std::vector<Element>& out, char first, char second, std::uint8_t tertiary) {
  PushLetter(out, first, 'L', tertiary);
  PushLetter(out, second, tertiary);
}

void PushOther(std::vector<Element>& out, std::uint32_t cp) {
  out.push_back({kOtherBase + cp, kCommonSecondary, kLower});
}

void PushLigatureAt(std::vector<Element>& out, std::uint32_t cp) {
  switch (cp) {
    case 0xC6:
      return PushLigature(out, 'a', 'e', kUpper);
    case 0xE6:
      return PushLigature(out, 'a', 'e', kLower);
    case 0xDF:
      return PushLigature(out, 's', 's', kLower);
    case 0x132:
      return PushLigature(out, 'i', 'j', kUpper);
    case 0x133:
      return PushLigature(out, 'i', 'j', kLower);
    case 0x152:
      return PushLigature(out, 'o', 'e', kUpper);
    case 0x153:
      return PushLigature(out, 'o', 'e', kLower);
    default:
      return PushOther(out, cp);
  }
}

// `entry` is two characters of a table above.
void PushEntry(std::vector<Element>& out, std::uint32_t cp, std::string_view entry,
               std::uint8_t tertiary) {
  if (entry[0] == '#') return PushOther(out, cp);
  if (entry[0] == 'L') return PushLigatureAt(out, cp);
  PushLetter(out, entry[0], entry[1], tertiary);
}

// Pair run [first, first + 2 * entries): code points of parity `upper_parity` are uppercase.
bool PushFromRun(std::vector<Element>& out, std::uint32_t cp, std::uint32_t first,
                 std::string_view table) {
  std::uint32_t n = static_cast<std::uint32_t>(table.size() / 2);
  if (cp < first || cp >= first + 2 * n) return false;
  std::uint32_t k = (cp - first) / 2;
  PushEntry(out, cp, table.substr(2 * k, 2), (cp - first) % 2 == 0 ? kUpper : kLower);
  return true;
}

void PushCodePoint(std::vector<Element>& out, std::uint32_t cp) {
  if (cp < 0x80) {
    auto c = static_cast<char>(cp);
    if (c >= 'a' && c <= 'z') return PushLetter(out, c, kLower);
    if (c >= 'A' && c <= 'Z') return PushLetter(out, static_cast<char>(c - 'A' + 'a'), kUpper);
    if (c >= '0' && c <= '9') {
      out.push_back({kDigitBase + static_cast<std::uint32_t>(c - '0'), kCommonSecondary, kLower});
      return;
    }
    if (cp >= 0x09 && cp <= 0x0D) {
      out.push_back({kWhitespaceBase + (cp - 0x09), kCommonSecondary, kLower});
      return;
    }
    if (c == ' ') {
      out.push_back({kWhitespaceBase + 5, kCommonSecondary, kLower});
      return;
    }
    std::size_t p = kPunctuationOrder.find(c);
    if (p != std::string_view::npos) {
      out.push_back({kPunctuationBase + static_cast<std::uint32_t>(p), kCommonSecondary, kLower});
    }
    return;  // other controls are ignorable
  }
  if (cp < 0xA0) return;  // C1 controls: ignorable
  if (cp == 0xA0) {       // no-break space: a space
    out.push_back({kWhitespaceBase + 5, kCommonSecondary, kVariant});
    return;
  }
  if (cp == 0xAD) return;  // soft hyphen: ignorable
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) {
    out.push_back({kSymbolBase + cp, kCommonSecondary, kLower});
    return;
  }
  if (cp < 0x100) {
    if (cp == 0xFF) return PushLetter(out, 'y', ':', kLower);
    std::uint32_t k = (cp - 0xC0) % 0x20;
    return PushEntry(out, cp, kLatin1.substr(2 * k, 2), cp < 0xE0 ? kUpper : kLower);
  }
  if (cp < 0x180) {
    if (cp == 0x130) return PushLetter(out, 'i', '.', kUpper);  // İ
    if (cp == 0x178) return PushLetter(out, 'y', ':', kUpper);  // Ÿ
    if (cp == 0x17F) return PushLetter(out, 's', kVariant);     // ſ
    if (PushFromRun(out, cp, 0x100, kExtA1)) return;
    if (cp >= 0x139 && cp <= 0x148) {
      std::uint32_t k = (cp - 0x139) / 2;
      PushEntry(out, cp, kExtA2.substr(2 * k, 2), (cp - 0x139) % 2 == 0 ? kUpper : kLower);
      return;
    }
    if (PushFromRun(out, cp, 0x14A, kExtA3)) return;
    if (cp >= 0x179 && cp <= 0x17E) {
      std::uint32_t k = (cp - 0x179) / 2;
      PushEntry(out, cp, kExtA4.substr(2 * k, 2), (cp - 0x179) % 2 == 0 ? kUpper : kLower);
      return;
    }
    return PushOther(out, cp);  // ĸ, ŉ
  }
  if (cp >= 0x300 && cp <= 0x36F) {
    out.push_back({0, CombiningWeight(cp), kLower});
    return;
  }
  if ((cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF) return;  // zero-width: ignorable
  PushOther(out, cp);
}

// Decodes UTF-8 leniently: a byte that does not start a valid sequence stands for itself.
std::vector<Element> Elements(std::string_view s) {
  std::vector<Element> out;
  out.reserve(s.size() + 2);
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = b;
    std::size_t len = 1;
    if (b >= 0xC0) {
      len = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2);
      cp = b & (0x3F >> (len - 1));
      if (i + len > s.size()) {
        len = 1;
        cp = b;
      } else {
        for (std::size_t k = 1; k < len; ++k) {
          auto c = static_cast<unsigned char>(s[i + k]);
          if ((c & 0xC0) != 0x80) {
            len = 1;
            cp = b;
            break;
          }
          cp = (cp << 6) | (c & 0x3F);
        }
      }
    }
    PushCodePoint(out, cp);
    i += len;
  }
  return out;
}

template <typename Key>
int CompareLevel(const std::vector<Element>& a, const std::vector<Element>& b, Key key,
                 bool skip_zero) {
  std::size_t i = 0, j = 0;
  while (true) {
    while (skip_zero && i < a.size() && key(a[i]) == 0) ++i;
    while (skip_zero && j < b.size() && key(b[j]) == 0) ++j;
    if (i == a.size() || j == b.size()) {
      return (i == a.size() ? 0 : 1) - (j == b.size() ? 0 : 1);
    }
    if (key(a[i]) != key(b[j])) return key(a[i]) < key(b[j]) ? -1 : 1;
    ++i;
    ++j;
  }
}

}  // namespace

int CompareInvariantCulture(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  std::vector<Element> x = Elements(a);
  std::vector<Element> y = Elements(b);
  if (int c = CompareLevel(
          x, y, [](const Element& e) { return e.primary; }, true);
      c != 0) {
    return c;
  }
  if (int c = CompareLevel(
          x, y, [](const Element& e) { return e.secondary; }, false);
      c != 0) {
    return c;
  }
  // Tertiary: case of the base characters (accent-only elements carry none).
  return CompareLevel(
      x, y, [](const Element& e) { return e.primary == 0 ? 0u : e.tertiary + 1u; }, true);
}

}  // namespace armlint::internal
