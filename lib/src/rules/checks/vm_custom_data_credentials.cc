// vm-custom-data-credentials: a virtual machine or scale set whose customData, as written or
// evaluated offline (base64 decoded), holds a credential: a password or secret assignment, a
// storage account key or connection string, a SAS signature or a private key (Learn "Custom data
// and cloud-init on Azure Virtual Machines",
// learn.microsoft.com/azure/virtual-machines/custom-data: "don't store sensitive data in custom
// data"). customData from a parameter without a value, or a secure parameter, is Unknown and
// not judged.
#include <string>
#include <string_view>
#include <vector>

#include "re2/re2.h"

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Decodes standard base64 (whitespace skipped); "" when `s` is not base64.
std::string DecodeBase64(std::string_view s) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : s) {
    if (c == '=' || c == '\n' || c == '\r' || c == ' ') continue;
    int v = value(c);
    if (v < 0) return "";
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// What kind of credential `text` holds, or null. RE2: linear in the text, where std::regex
// recursed once per character matched and overflowed the stack on long custom data.
const char* Credential(std::string_view text) {
  struct Pattern {
    RE2 re;
    const char* what;
  };
  static const Pattern* kPatterns = new const Pattern[5]{
      {RE2(R"(-----BEGIN [A-Z ]*PRIVATE KEY-----)"), "a private key"},
      {RE2(R"(AccountKey=[A-Za-z0-9+/]{20,})"), "a storage account key"},
      {RE2(R"(SharedAccessKey=[A-Za-z0-9+/]{20,})"), "a shared access key"},
      {RE2(R"([?&]sig=[A-Za-z0-9%+/]{20,})"), "a SAS signature"},
      {RE2(R"((?i)(password|passwd|pwd|secret|client_secret|api_?key)["']?\s*[:=]\s*["']?[^\s"'$<{]{6,})"),
       "a password or secret assignment"},
  };
  for (int i = 0; i < 5; ++i) {
    if (RE2::PartialMatch(text, kPatterns[i].re)) return kPatterns[i].what;
  }
  return nullptr;
}

const Value* CustomData(const Resource& r, bool scale_set) {
  const Value* props = r.body->Find("properties");
  if (props == nullptr || !props->is_object()) return nullptr;
  if (scale_set) {
    props = props->Find("virtualMachineProfile");
    if (props == nullptr || !props->is_object()) return nullptr;
  }
  const Value* os = props->Find("osProfile");
  if (os == nullptr || !os->is_object()) return nullptr;
  return os->Find("customData");
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  for (const Resource& r : *context.resources) {
    if (r.body == nullptr) continue;
    std::string lower;
    std::string_view type = checks::LowerType(r, lower);
    bool scale_set = type == "microsoft.compute/virtualmachinescalesets";
    if (!scale_set && type != "microsoft.compute/virtualmachines") continue;
    const Value* data = CustomData(r, scale_set);
    if (data == nullptr || !data->is_string()) continue;  // absent or Unknown
    std::string_view text = data->string_value();
    const char* what = Credential(text);
    if (what == nullptr) {
      std::string decoded = DecodeBase64(text);
      if (!decoded.empty()) what = Credential(decoded);
    }
    if (what == nullptr) continue;
    Hit hit;
    hit.rule = &rule;
    hit.resource = &r;
    hit.anchor = data->anchor();
    hit.message = Cat("Its customData holds ", what, ".");
    out.push_back(std::move(hit));
  }
}

}  // namespace

extern const NativeCheck kVmCustomDataCredentials{
    "vm-custom-data-credentials", Run,
    "a virtual machine or scale set whose literal or evaluated customData holds a credential"};

}  // namespace armlint::internal
