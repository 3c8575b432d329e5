// SARIF helpers: artifact URIs, result fingerprints and rule names.
#include "report/sarif_util.h"

#include <cstdint>

#include "absl/strings/str_format.h"

#include "util/hash.h"

namespace armlint::internal {
namespace {

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string Slashes(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\\') c = '/';
  }
  return out;
}

}  // namespace

std::string PercentEncodePath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (IsUnreserved(c) || c == '/') {
      out += c;
    } else {
      out += absl::StrFormat("%%%02X", static_cast<unsigned char>(c));
    }
  }
  return out;
}

ArtifactUri ArtifactUriFor(std::string_view file, const std::filesystem::path& cwd) {
  namespace fs = std::filesystem;
  const std::string given = Slashes(file);
  fs::path path(given);
  if (path.is_absolute() || (given.size() > 2 && given[1] == ':')) {
    if (!cwd.empty() && path.is_absolute()) {
      const fs::path rel = path.lexically_normal().lexically_relative(cwd.lexically_normal());
      const std::string r = rel.generic_string();
      if (!rel.empty() && r != "." && r.rfind("..", 0) != 0) {
        return {PercentEncodePath(r), true};
      }
    }
    // Outside the working directory: an absolute file URI ("C:/x" gets a leading slash).
    std::string p = given;
    if (p.empty() || p[0] != '/') p.insert(0, "/");
    std::string uri = "file://" + PercentEncodePath(p);
    // Keep a Windows drive letter's colon readable, as file URIs write it ("file:///C:/x").
    if (p.size() > 2 && p[2] == ':')
      uri = "file:///" + p.substr(1, 2) + PercentEncodePath(p.substr(3));
    return {uri, false};
  }
  std::string rel = path.lexically_normal().generic_string();
  while (rel.rfind("./", 0) == 0) rel.erase(0, 2);
  return {PercentEncodePath(rel), true};
}

std::string EncodeUriReference(std::string_view uri) {
  constexpr std::string_view kReserved = ":/?#[]@!$&'()*+,;=";
  auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::string out;
  out.reserve(uri.size());
  for (std::size_t i = 0; i < uri.size(); ++i) {
    const char c = uri[i];
    const bool escape_start =
        c == '%' && i + 2 < uri.size() && is_hex(uri[i + 1]) && is_hex(uri[i + 2]);
    if (IsUnreserved(c) || kReserved.find(c) != std::string_view::npos || escape_start) {
      out += c;
    } else {
      out += absl::StrFormat("%%%02X", static_cast<unsigned char>(c));
    }
  }
  return out;
}

bool IsAbsoluteUri(std::string_view uri) {
  // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  if (uri.empty() || !((uri[0] >= 'a' && uri[0] <= 'z') || (uri[0] >= 'A' && uri[0] <= 'Z'))) {
    return false;
  }
  for (std::size_t i = 1; i < uri.size(); ++i) {
    const char c = uri[i];
    if (c == ':') return i + 1 < uri.size();
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return false;
}

std::string FindingFingerprint(const Finding& f) {
  Fnv1a64 h;
  // 0xff separates the fields: ("ab","c") and ("a","bc") differ.
  h.Add(f.rule_id).AddByte(0xff).Add(Slashes(f.location.file)).AddByte(0xff);
  h.Add(f.resource_id).AddByte(0xff).Add(f.location.pointer).AddByte(0xff);
  return Hex64(h.value());
}

std::string SarifRuleName(std::string_view rule_id) {
  std::string out;
  bool upper = true;
  for (char c : rule_id) {
    if (c == '-' || c == '_' || c == '.' || c == ' ' || c == '/') {
      upper = true;
      continue;
    }
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    out += c;
    upper = false;
  }
  return out;
}

}  // namespace armlint::internal
