// CIDR functions: parseCidr, cidrSubnet, cidrHost, for IPv4 and IPv6.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-cidr
//
// IPv4 ranges have a network and a broadcast address that hosts cannot use; IPv6 ranges have no
// broadcast, and their first usable address is the network address (the page's parseCidr
// examples). cidrHost(network, i) is the (i+1)-th address after the network address in both.
// IPv6 addresses are written as RFC 5952 says (lowercase, longest zero run as "::").
#include <cctype>
#include <string>
#include <vector>

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "util/status_macros.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

__extension__ typedef unsigned __int128 U128;

struct Cidr {
  bool v6 = false;
  U128 addr = 0;  // the address as written, IPv4 in the low 32 bits
  int prefix = 0;
  int bits() const { return v6 ? 128 : 32; }
  U128 Mask() const {
    if (prefix == 0) return 0;
    U128 all = v6 ? ~U128{0} : U128{0xffffffffu};
    return (all << (bits() - prefix)) & all;
  }
  U128 Network() const { return addr & Mask(); }
  U128 Last() const { return Network() | (~Mask() & (v6 ? ~U128{0} : U128{0xffffffffu})); }
};

bool ParseV4(std::string_view s, U128* out) {
  std::uint32_t v = 0;
  int parts = 0;
  std::size_t i = 0;
  while (parts < 4) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    unsigned n = 0;
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 3) n = n * 10 + (s[i++] - '0');
    if (n > 255) return false;
    v = (v << 8) | n;
    ++parts;
    if (parts < 4) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  if (i != s.size()) return false;
  *out = v;
  return true;
}

bool ParseV6(std::string_view s, U128* out) {
  std::vector<std::uint16_t> head, tail;
  bool gap = false;
  std::size_t i = 0;
  if (s.substr(0, 2) == "::") {
    gap = true;
    i = 2;
  }
  while (i < s.size()) {
    std::size_t start = i;
    unsigned n = 0;
    while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i])) && i - start < 4) {
      char c = s[i++];
      n = n * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    if (i == start) return false;
    (gap ? tail : head).push_back(static_cast<std::uint16_t>(n));
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (gap) return false;
      gap = true;
      ++i;
    } else if (i == s.size()) {
      return false;
    }
  }
  std::size_t groups = head.size() + tail.size();
  if (groups > 8 || (!gap && groups != 8) || (gap && groups == 8)) return false;
  U128 v = 0;
  for (std::uint16_t g : head) v = (v << 16) | g;
  if (!head.empty()) v <<= 16 * (8 - head.size());  // room for the "::" zeros and the tail
  U128 t = 0;
  for (std::uint16_t g : tail) t = (t << 16) | g;
  v |= t;
  *out = v;
  return true;
}

std::string FormatV4(U128 v) {
  auto x = static_cast<std::uint32_t>(v);
  return Cat(x >> 24, ".", (x >> 16) & 255, ".", (x >> 8) & 255, ".", x & 255);
}

std::string FormatV6(U128 v) {
  std::uint16_t g[8];
  for (int i = 7; i >= 0; --i) {
    g[i] = static_cast<std::uint16_t>(v & 0xffff);
    v >>= 16;
  }
  int best = -1, best_len = 1;
  for (int i = 0; i < 8;) {
    if (g[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  auto hex = [&](std::uint16_t x) {
    std::string s;
    bool started = false;
    for (int sh = 12; sh >= 0; sh -= 4) {
      int d = (x >> sh) & 15;
      if (d != 0 || started || sh == 0) {
        s += kHex[d];
        started = true;
      }
    }
    return s;
  };
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += hex(g[i]);
  }
  return out;
}

std::string Format(const Cidr& c, U128 v) { return c.v6 ? FormatV6(v) : FormatV4(v); }

absl::StatusOr<Cidr> Parse(CallContext& ctx, std::string_view s) {
  std::size_t slash = s.find('/');
  if (slash == std::string_view::npos) {
    return ctx.Error(Cat(ctx.Quote(s), " is not in CIDR notation (address/prefix)"));
  }
  Cidr c;
  std::string_view addr = s.substr(0, slash);
  std::string_view prefix = s.substr(slash + 1);
  c.v6 = addr.find(':') != std::string_view::npos;
  if (!(c.v6 ? ParseV6(addr, &c.addr) : ParseV4(addr, &c.addr))) {
    return ctx.Error(Cat(ctx.Quote(addr), " is not a valid IP address"));
  }
  if (prefix.empty() || prefix.size() > 3 ||
      prefix.find_first_not_of("0123456789") != std::string_view::npos) {
    return ctx.Error(Cat(ctx.Quote(prefix), " is not a valid prefix length"));
  }
  c.prefix = std::stoi(std::string(prefix));
  if (c.prefix > c.bits()) {
    return ctx.Error(Cat("prefix length ", c.prefix, " is larger than ", c.bits()));
  }
  return c;
}

absl::StatusOr<const Value*> ParseCidr(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(Cidr c, Parse(ctx, args[0]->string_value()));
  U128 net = c.Network(), last = c.Last();
  std::vector<Member> m;
  Anchor at = ctx.at();
  auto add = [&](std::string_view key, const Value* v) { m.push_back({key, v, at.pos}); };
  add("network", ctx.String(Format(c, net)));
  add("netmask", ctx.String(Format(c, c.Mask())));
  if (!c.v6) {
    add("broadcast", ctx.String(Format(c, last)));
    bool tiny = c.prefix >= 31;  // /31 and /32 have no network or broadcast address to skip
    add("firstUsable", ctx.String(Format(c, tiny ? net : net + 1)));
    add("lastUsable", ctx.String(Format(c, tiny ? last : last - 1)));
  } else {
    add("firstUsable", ctx.String(Format(c, net)));
    add("lastUsable", ctx.String(Format(c, last)));
  }
  add("cidr", ctx.Int(c.prefix));
  return ctx.Object(m);
}

absl::StatusOr<const Value*> CidrSubnet(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(Cidr c, Parse(ctx, args[0]->string_value()));
  std::int64_t new_prefix = args[1]->int_value();
  std::int64_t index = args[2]->int_value();
  if (new_prefix < c.prefix || new_prefix > c.bits()) {
    return ctx.Error(Cat("the new prefix length ", new_prefix, " must be between ", c.prefix,
                         " and ", c.bits()));
  }
  int extra = static_cast<int>(new_prefix) - c.prefix;
  if (index < 0 || (extra < 63 && index >= (std::int64_t{1} << extra))) {
    return ctx.Error(Cat("subnet index ", index, " is out of range: /", c.prefix, " holds ",
                         extra < 63 ? Cat(std::int64_t{1} << extra) : std::string("2^63+"),
                         " subnets of /", new_prefix));
  }
  U128 start = c.Network() + (static_cast<U128>(index) << (c.bits() - new_prefix));
  return ctx.String(Cat(Format(c, start), "/", new_prefix));
}

absl::StatusOr<const Value*> CidrHost(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(Cidr c, Parse(ctx, args[0]->string_value()));
  std::int64_t index = args[1]->int_value();
  U128 net = c.Network();
  U128 last_usable = c.v6 ? c.Last() : (c.prefix >= 31 ? c.Last() : c.Last() - 1);
  U128 first = (c.v6 || c.prefix < 31) ? net + 1 : net;
  if (index < 0 || static_cast<U128>(index) > last_usable - first) {
    return ctx.Error(Cat("host index ", index, " is outside the usable addresses of ",
                         ctx.Quote(args[0]->string_value())));
  }
  return ctx.String(Format(c, first + static_cast<U128>(index)));
}

}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterCidrFunctions(FunctionTable& t) {
  t.Add({.name = "parseCidr",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgString},
         .result = Kind::kObject,
         .fn = ParseCidr});
  t.Add({.name = "cidrSubnet",
         .min_args = 3,
         .max_args = 3,
         .arg_kinds = {kArgString, kArgInt, kArgInt},
         .result = Kind::kString,
         .fn = CidrSubnet});
  t.Add({.name = "cidrHost",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgString, kArgInt},
         .result = Kind::kString,
         .fn = CidrHost});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
