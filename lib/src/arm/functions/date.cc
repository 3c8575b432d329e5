// Date functions: dateTimeAdd, dateTimeFromEpoch, dateTimeToEpoch, utcNow.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-date
//
// Datetimes are ISO 8601 strings; results are UTC, written "yyyy-MM-ddTHH:mm:ssZ" (the page's
// documented outputs) unless a format is given: the .NET standard formats o, s, u, d, or a
// custom pattern of yyyy MM dd HH hh mm ss f..f tt and quoted literals. As the page says,
// dateTimeAdd takes P1Y as 365 days and P1M as 30 days, whatever the year or month. utcNow() is
// Unknown: its value is the deployment's time.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "util/status_macros.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

constexpr std::int64_t kTicksPerSecond = 10'000'000;  // .NET ticks: 100 ns
// Years 0001..9999, as .NET DateTime allows.
constexpr std::int64_t kMinSeconds = -62135596800;
constexpr std::int64_t kMaxSeconds = 253402300799;

std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, std::int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<std::int64_t>(yoe) + era * 400 + (*m <= 2);
}

// A UTC instant in .NET ticks since the Unix epoch.
struct Instant {
  std::int64_t ticks = 0;
};

bool Digits(std::string_view s, std::size_t& i, int n, int* out) {
  if (i + static_cast<std::size_t>(n) > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[i + static_cast<std::size_t>(k)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  i += static_cast<std::size_t>(n);
  *out = v;
  return true;
}

// yyyy-MM-dd[(T| )HH:mm[:ss[.fffffff]]][Z|(+|-)HH[:]mm]
bool ParseIso(std::string_view s, Instant* out) {
  std::size_t i = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!Digits(s, i, 4, &y) || i >= s.size() || s[i++] != '-' || !Digits(s, i, 2, &mo) ||
      i >= s.size() || s[i++] != '-' || !Digits(s, i, 2, &d)) {
    return false;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  std::int64_t frac_ticks = 0, offset_minutes = 0;
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    ++i;
    if (!Digits(s, i, 2, &h) || i >= s.size() || s[i++] != ':' || !Digits(s, i, 2, &mi)) {
      return false;
    }
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!Digits(s, i, 2, &sec)) return false;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        std::int64_t scale = kTicksPerSecond / 10;
        std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
          frac_ticks += (s[i] - '0') * scale;
          scale /= 10;
          ++i;
        }
        if (i == start) return false;
      }
    }
    if (h > 23 || mi > 59 || sec > 59) return false;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int sign = s[i++] == '-' ? -1 : 1;
      int oh = 0, om = 0;
      if (!Digits(s, i, 2, &oh)) return false;
      if (i < s.size() && s[i] == ':') ++i;
      if (i < s.size() && !Digits(s, i, 2, &om)) return false;
      offset_minutes = sign * (oh * 60 + om);
    }
  }
  if (i != s.size()) return false;
  std::int64_t secs =
      DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
      mi * 60 + sec - offset_minutes * 60;
  out->ticks = secs * kTicksPerSecond + frac_ticks;
  return true;
}

// [-]P[nY][nM][nW][nD][T[nH][nM][n[.n]S]], with Y = 365 days and M = 30 days.
bool ParseDuration(std::string_view s, std::int64_t* ticks) {
  std::size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  if (i >= s.size() || (s[i] != 'P' && s[i] != 'p')) return false;
  ++i;
  bool time = false, any = false;
  long double total = 0;
  while (i < s.size()) {
    if (s[i] == 'T' || s[i] == 't') {
      time = true;
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',')) ++i;
    if (i == start || i >= s.size() || i - start > 18) return false;
    std::string num(s.substr(start, i - start));
    for (char& c : num) {
      if (c == ',') c = '.';
    }
    long double n = std::strtold(num.c_str(), nullptr);
    char unit = static_cast<char>(s[i++] & ~0x20);
    long double secs;
    if (!time && unit == 'Y')
      secs = 365.0L * 86400;
    else if (!time && unit == 'M')
      secs = 30.0L * 86400;
    else if (!time && unit == 'W')
      secs = 7.0L * 86400;
    else if (!time && unit == 'D')
      secs = 86400;
    else if (time && unit == 'H')
      secs = 3600;
    else if (time && unit == 'M')
      secs = 60;
    else if (time && unit == 'S')
      secs = 1;
    else
      return false;
    total += n * secs;
    any = true;
  }
  if (!any || total > 1e13L) return false;
  *ticks = static_cast<std::int64_t>(std::llround(total * kTicksPerSecond)) * (neg ? -1 : 1);
  return true;
}

std::string Two(int v) { return Cat(v < 10 ? "0" : "", v); }

std::string FormatInstant(Instant t, std::string_view fmt) {
  std::int64_t secs = t.ticks >= 0 ? t.ticks / kTicksPerSecond
                                   : -((-t.ticks + kTicksPerSecond - 1) / kTicksPerSecond);
  std::int64_t frac = t.ticks - secs * kTicksPerSecond;
  std::int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  std::int64_t rem = secs - days * 86400;
  std::int64_t y = 0;
  unsigned mo = 0, d = 0;
  CivilFromDays(days, &y, &mo, &d);
  int h = static_cast<int>(rem / 3600), mi = static_cast<int>(rem / 60 % 60),
      s = static_cast<int>(rem % 60);
  char fbuf[24];
  std::snprintf(fbuf, sizeof(fbuf), "%07lld", static_cast<long long>(frac));
  std::string ymd = Cat(y, "-", Two(static_cast<int>(mo)), "-", Two(static_cast<int>(d)));
  std::string hms = Cat(Two(h), ":", Two(mi), ":", Two(s));
  if (fmt.empty()) return Cat(ymd, "T", hms, "Z");
  if (fmt == "o" || fmt == "O") return Cat(ymd, "T", hms, ".", fbuf, "Z");
  if (fmt == "s") return Cat(ymd, "T", hms);
  if (fmt == "u") return Cat(ymd, " ", hms, "Z");
  if (fmt == "d") return Cat(Two(static_cast<int>(mo)), "/", Two(static_cast<int>(d)), "/", y);
  // Custom pattern.
  std::string out;
  for (std::size_t i = 0; i < fmt.size();) {
    char c = fmt[i];
    std::size_t n = 1;
    while (i + n < fmt.size() && fmt[i + n] == c) ++n;
    switch (c) {
      case 'y':
        out += n >= 4 ? Cat(y) : Two(static_cast<int>(y % 100));
        break;
      case 'M':
        out += n >= 2 ? Two(static_cast<int>(mo)) : Cat(mo);
        break;
      case 'd':
        out += n >= 2 ? Two(static_cast<int>(d)) : Cat(d);
        break;
      case 'H':
        out += n >= 2 ? Two(h) : Cat(h);
        break;
      case 'h': {
        int h12 = h % 12 == 0 ? 12 : h % 12;
        out += n >= 2 ? Two(h12) : Cat(h12);
        break;
      }
      case 'm':
        out += n >= 2 ? Two(mi) : Cat(mi);
        break;
      case 's':
        out += n >= 2 ? Two(s) : Cat(s);
        break;
      case 'f':
        out += std::string(fbuf).substr(0, std::min<std::size_t>(n, 7));
        break;
      case 't':
        out += n >= 2 ? (h < 12 ? "AM" : "PM") : (h < 12 ? "A" : "P");
        break;
      case '\'':
      case '"': {
        std::size_t end = fmt.find(c, i + 1);
        if (end == std::string_view::npos) end = fmt.size();
        out += fmt.substr(i + 1, end - i - 1);
        n = end + 1 - i;
        break;
      }
      case '\\':
        if (i + 1 < fmt.size()) out += fmt[i + 1];
        n = 2;
        break;
      default:
        out.append(n, c);
    }
    i += n;
  }
  return out;
}

absl::StatusOr<Instant> ParseBase(CallContext& ctx, std::string_view s) {
  Instant t;
  if (!ParseIso(s, &t)) {
    return ctx.Error(Cat(ctx.Quote(s), " is not an ISO 8601 date and time (2020-04-07T14:53:14Z)"));
  }
  return t;
}

absl::StatusOr<const Value*> DateTimeAdd(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(Instant t, ParseBase(ctx, args[0]->string_value()));
  std::int64_t delta = 0;
  if (!ParseDuration(args[1]->string_value(), &delta)) {
    return ctx.Error(
        Cat(ctx.Quote(args[1]->string_value()), " is not an ISO 8601 duration (P1D, PT1H, -P3Y)"));
  }
  t.ticks += delta;
  if (t.ticks / kTicksPerSecond < kMinSeconds || t.ticks / kTicksPerSecond > kMaxSeconds) {
    return ctx.Error("the result is outside the years 1 to 9999");
  }
  return ctx.String(FormatInstant(t, args.size() == 3 ? args[2]->string_value() : ""));
}

absl::StatusOr<const Value*> DateTimeFromEpoch(CallContext& ctx,
                                               std::span<const Value* const> args) {
  std::int64_t secs = args[0]->int_value();
  if (secs < kMinSeconds || secs > kMaxSeconds) {
    return ctx.Error(Cat("epoch time ", secs, " is outside the years 1 to 9999"));
  }
  return ctx.String(FormatInstant(Instant{secs * kTicksPerSecond}, ""));
}

absl::StatusOr<const Value*> DateTimeToEpoch(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(Instant t, ParseBase(ctx, args[0]->string_value()));
  std::int64_t secs = t.ticks >= 0 ? t.ticks / kTicksPerSecond
                                   : -((-t.ticks + kTicksPerSecond - 1) / kTicksPerSecond);
  return ctx.Int(secs);
}

absl::StatusOr<const Value*> UtcNow(CallContext& ctx, std::span<const Value* const> args) {
  // An environment that fixes the time (Azure Policy evaluation: one timestamp per run) says so.
  if (args.empty()) {
    absl::StatusOr<const Value*> fixed = ctx.env().CallHostFunction("utcNow", args, ctx.at());
    if (fixed.ok() && *fixed != nullptr && (*fixed)->is_string()) return fixed;
  }
  return ctx.Unknown(Kind::kString, "utcNow() is the time of the deployment");
}

}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterDateFunctions(FunctionTable& t) {
  t.Add({.name = "dateTimeAdd",
         .min_args = 2,
         .max_args = 3,
         .arg_kinds = {kArgString},
         .result = Kind::kString,
         .fn = DateTimeAdd});
  t.Add({.name = "dateTimeFromEpoch",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgInt},
         .result = Kind::kString,
         .fn = DateTimeFromEpoch});
  t.Add({.name = "dateTimeToEpoch",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgString},
         .result = Kind::kInt,
         .fn = DateTimeToEpoch});
  t.Add({.name = "utcNow",
         .min_args = 0,
         .max_args = 1,
         .arg_kinds = {kArgString},
         .result = Kind::kString,
         .fn = UtcNow});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
