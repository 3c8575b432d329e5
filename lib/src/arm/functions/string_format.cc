// format(): .NET composite formatting, as ARM's format() uses String.Format with the
// invariant culture.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#format
// https://learn.microsoft.com/dotnet/standard/base-types/composite-formatting
//
// Items are {index[,alignment][:formatString]}; "{{" and "}}" are literal braces. Numbers take
// the standard numeric formats in common use (N, D, X, F, E, P, G with a precision) and simple
// custom patterns ("0.00", "#,##0", "000"); bools print as True/False, null as "".
#include <cmath>
#include <cstdio>
#include <string>

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/functions/common.h"
#include "util/limits.h"
#include "util/status_macros.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

std::string Group(std::string_view digits) {
  std::string out;
  std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Fixed notation with `decimals` places, optional thousands separators.
std::string Fixed(double d, int decimals, bool group) {
  char buf[400];
  std::snprintf(buf, sizeof(buf), "%.*f", decimals, std::fabs(d));
  std::string s = buf;
  std::size_t dot = s.find('.');
  std::string ip = s.substr(0, dot);
  std::string fp = dot == std::string::npos ? "" : s.substr(dot);
  bool negative = d < 0 && s.find_first_not_of("0.") != std::string::npos;
  return Cat(negative ? "-" : "", group ? Group(ip) : ip, fp);
}

absl::StatusOr<std::string> FormatNumber(CallContext& ctx, const Value& v, std::string_view fmt) {
  const bool is_int = v.is_int();
  const double d = v.number_value();
  if (fmt.empty() || fmt == "G" || fmt == "g") return ToArmString(v);
  char spec = fmt[0];
  bool standard = (spec >= 'A' && spec <= 'Z') || (spec >= 'a' && spec <= 'z');
  if (standard) {
    int prec = -1;
    if (fmt.size() > 1) {
      prec = 0;
      for (char c : fmt.substr(1)) {
        if (c < '0' || c > '9' || prec > 99) {
          return ctx.Error(Cat("unsupported format string '", fmt, "'"));
        }
        prec = prec * 10 + (c - '0');
      }
    }
    switch (spec) {
      case 'N':
      case 'n':
        return Fixed(d, prec < 0 ? 2 : prec, true);
      case 'F':
      case 'f':
        return Fixed(d, prec < 0 ? 2 : prec, false);
      case 'P':
      case 'p':
        return Cat(Fixed(d * 100, prec < 0 ? 2 : prec, true), " %");
      case 'D':
      case 'd': {
        if (!is_int) return ctx.Error(Cat("format '", fmt, "' needs an integer"));
        std::int64_t i = v.int_value();
        std::string digits =
            i < 0 ? std::to_string(i).substr(1) : std::to_string(static_cast<std::uint64_t>(i));
        if (prec > 0 && static_cast<int>(digits.size()) < prec) {
          digits.insert(0, static_cast<std::size_t>(prec) - digits.size(), '0');
        }
        return Cat(i < 0 ? "-" : "", digits);
      }
      case 'X':
      case 'x': {
        if (!is_int) return ctx.Error(Cat("format '", fmt, "' needs an integer"));
        char buf[32];
        std::snprintf(buf, sizeof(buf), spec == 'X' ? "%llX" : "%llx",
                      static_cast<unsigned long long>(v.int_value()));
        std::string s = buf;
        if (prec > 0 && static_cast<int>(s.size()) < prec) {
          s.insert(0, static_cast<std::size_t>(prec) - s.size(), '0');
        }
        return s;
      }
      case 'E':
      case 'e': {
        char buf[64];
        std::snprintf(buf, sizeof(buf), spec == 'E' ? "%.*E" : "%.*e", prec < 0 ? 6 : prec, d);
        // .NET writes at least three exponent digits: 1.234560E+003.
        std::string s = buf;
        std::size_t e = s.find_first_of("eE");
        std::string exp = s.substr(e + 2);
        if (exp.size() < 3) exp = std::string(3 - exp.size(), '0') + exp;
        return Cat(s.substr(0, e + 2), exp);
      }
      default:
        return ctx.Error(Cat("unsupported format string '", fmt, "'"));
    }
  }
  // Custom pattern: [#,]0[.00...]
  std::size_t dot = fmt.find('.');
  std::string_view ip = fmt.substr(0, dot);
  std::string_view fp = dot == std::string_view::npos ? "" : fmt.substr(dot + 1);
  for (char c : fmt) {
    if (c != '0' && c != '#' && c != ',' && c != '.') {
      return ctx.Error(Cat("unsupported format string '", fmt, "'"));
    }
  }
  int decimals = 0, optional = 0;
  for (char c : fp) {
    if (c == '0') ++decimals;
    if (c == '#') ++optional;
  }
  bool group = ip.find(',') != std::string_view::npos;
  int min_int = 0;
  for (char c : ip) min_int += c == '0';
  std::string s = Fixed(d, decimals + optional, false);
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  std::size_t sdot = s.find('.');
  std::string digits = s.substr(0, sdot);
  std::string frac = sdot == std::string::npos ? "" : s.substr(sdot + 1);
  while (static_cast<int>(frac.size()) > decimals && !frac.empty() && frac.back() == '0') {
    frac.pop_back();
  }
  if (digits == "0" && min_int == 0) digits.clear();
  if (static_cast<int>(digits.size()) < min_int) {
    digits = std::string(static_cast<std::size_t>(min_int) - digits.size(), '0') + digits;
  }
  std::string out = Cat(neg ? "-" : "", group ? Group(digits) : digits);
  if (!frac.empty()) AppendCat(out, ".", frac);
  return out;
}

absl::StatusOr<const Value*> Format(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view f = args[0]->string_value();
  std::span<const Value* const> values = args.subspan(1);
  // Built in a buffer each thread reuses (format() calls nothing that formats), then copied
  // into the arena.
  thread_local std::string out;
  out.clear();
  for (std::size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (c == '}') {
      if (i + 1 < f.size() && f[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      return ctx.Error(Cat("unmatched '}' at position ", i, " of the format string"));
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    std::size_t close = f.find('}', i);
    if (close == std::string_view::npos) {
      return ctx.Error(Cat("unmatched '{' at position ", i, " of the format string"));
    }
    std::string_view item = f.substr(i + 1, close - i - 1);
    i = close;
    std::string_view fmt;
    if (std::size_t colon = item.find(':'); colon != std::string_view::npos) {
      fmt = item.substr(colon + 1);
      item = item.substr(0, colon);
    }
    std::int64_t align = 0;
    if (std::size_t comma = item.find(','); comma != std::string_view::npos) {
      std::string_view a = item.substr(comma + 1);
      item = item.substr(0, comma);
      while (!a.empty() && a.front() == ' ') a.remove_prefix(1);
      bool neg = !a.empty() && a.front() == '-';
      if (neg) a.remove_prefix(1);
      if (a.empty() || a.size() > 6 ||
          a.find_first_not_of("0123456789") != std::string_view::npos) {
        return ctx.Error(Cat("invalid alignment in format item '{", item, "'"));
      }
      align = std::stoll(std::string(a)) * (neg ? -1 : 1);
    }
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty() || item.size() > 6 ||
        item.find_first_not_of("0123456789") != std::string_view::npos) {
      return ctx.Error(Cat("invalid format item '{", item, "}'"));
    }
    std::size_t index = std::stoul(std::string(item));
    if (index >= values.size()) {
      return ctx.Error(Cat("format item {", index, "} refers to argument ", index + 2,
                           ", but only ", values.size(), " values were given"));
    }
    const Value& v = *values[index];
    if (v.is_string() && align == 0) {  // the common item: a string as it is
      out.append(v.string_value());
      ARMLINT_RETURN_IF_ERROR(
          ctx.CheckSize(out.size(), limits::kMaxStringBytes, "a string", "kMaxStringBytes"));
      continue;
    }
    std::string text;
    if (v.is_number() && !fmt.empty()) {
      ARMLINT_ASSIGN_OR_RETURN(text, FormatNumber(ctx, v, fmt));
    } else {
      text = ToArmString(v);
    }
    std::size_t width = static_cast<std::size_t>(align < 0 ? -align : align);
    if (text.size() < width) {
      std::string pad(width - text.size(), ' ');
      text = align < 0 ? text + pad : pad + text;
    }
    out += text;
    ARMLINT_RETURN_IF_ERROR(
        ctx.CheckSize(out.size(), limits::kMaxStringBytes, "a string", "kMaxStringBytes"));
  }
  return ctx.String(out);
}

}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterStringFormatFunctions(FunctionTable& t) {
  t.Add({.name = "format",
         .min_args = 1,
         .max_args = -1,
         .arg_kinds = {kArgString, kArgAny},
         .result = Kind::kString,
         .unknowns = UnknownPolicy::kDeep,
         .fn = Format});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
