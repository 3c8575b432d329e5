// The C API (armlint/armlint.h): opaque handles over the C++ API, errors as status codes and
// malloc'd messages, and no exception ever crossing into C.
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"

#include "armlint/armlint.h"
#include "armlint/armlint.hpp"

struct armlint_options_t {
  armlint::Options options;
};

struct armlint_engine_t {
  explicit armlint_engine_t(armlint::Engine e) : engine(std::move(e)) {}
  armlint::Engine engine;
};

struct armlint_result_t {
  armlint::LintResult result;
};

namespace {

static_assert(ARMLINT_OK == static_cast<int>(absl::StatusCode::kOk));
static_assert(ARMLINT_INVALID_ARGUMENT == static_cast<int>(absl::StatusCode::kInvalidArgument));
static_assert(ARMLINT_NOT_FOUND == static_cast<int>(absl::StatusCode::kNotFound));
static_assert(ARMLINT_RESOURCE_EXHAUSTED == static_cast<int>(absl::StatusCode::kResourceExhausted));
static_assert(ARMLINT_INTERNAL == static_cast<int>(absl::StatusCode::kInternal));
static_assert(ARMLINT_UNAUTHENTICATED == static_cast<int>(absl::StatusCode::kUnauthenticated));

// A malloc'd copy, so that armlint_free (free) releases it whatever C++ allocator is in use.
char* CopyString(std::string_view s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out == nullptr) return nullptr;
  if (!s.empty()) std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

// Stores `status` in *errptr (freeing an earlier message) and returns its code. Out of memory
// for the message leaves *errptr NULL; the code still says what happened.
int SetError(char** errptr, const absl::Status& status) noexcept {
  if (errptr != nullptr) {
    std::free(*errptr);
    *errptr = nullptr;
    try {
      *errptr = CopyString(status.ToString());
    } catch (...) {
    }
  }
  return static_cast<int>(status.code());
}

// The status for the exception being handled: only called from a catch block.
absl::Status CurrentException() {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("out of memory");
  } catch (const std::exception& e) {
    return absl::InternalError(std::string("unexpected exception: ") + e.what());
  } catch (...) {
    return absl::InternalError("unexpected exception");
  }
}

absl::Status NullArgument(const char* name) {
  return absl::InvalidArgumentError(std::string(name) + " is NULL");
}

// Runs `fn` (returning an absl::Status) and turns any exception into a status code.
template <typename Fn>
int Guard(char** errptr, Fn&& fn) {
  try {
    absl::Status status = fn();
    return status.ok() ? ARMLINT_OK : SetError(errptr, status);
  } catch (...) {
    return SetError(errptr, CurrentException());
  }
}

// Setters: an options handle and a string, with no message to report.
template <typename Fn>
int SetString(armlint_options_t* options, const char* value, Fn&& fn) {
  if (options == nullptr || value == nullptr) return ARMLINT_INVALID_ARGUMENT;
  return Guard(nullptr, [&] {
    fn(options->options, std::string(value));
    return absl::OkStatus();
  });
}

armlint_result_t* NewResult(armlint::LintResult result) {
  auto out = std::make_unique<armlint_result_t>();
  out->result = std::move(result);
  return out.release();
}

const armlint::Finding* FindingAt(const armlint_result_t* result, size_t index) {
  if (result == nullptr || index >= result->result.findings.size()) return nullptr;
  return &result->result.findings[index];
}

const armlint::InputError* ErrorAt(const armlint_result_t* result, size_t index) {
  if (result == nullptr || index >= result->result.errors.size()) return nullptr;
  return &result->result.errors[index];
}

// CategoryName and ImpactName return views of string literals, so data() is NUL-terminated and
// lives for the whole program (tests/api/c_api_test.cc checks the names).
const char* StaticName(std::string_view name) { return name.data(); }

}  // namespace

extern "C" {

const char* armlint_version(void) { return armlint::Version(); }

void armlint_free(void* ptr) { std::free(ptr); }

armlint_options_t* armlint_options_new(void) {
  return new (std::nothrow) armlint_options_t();  // armlint::Options{} allocates nothing
}

void armlint_options_destroy(armlint_options_t* options) { delete options; }

int armlint_options_set_builtin_rules(armlint_options_t* options, int on) {
  if (options == nullptr) return ARMLINT_INVALID_ARGUMENT;
  options->options.builtin_rules = on != 0;
  return ARMLINT_OK;
}

int armlint_options_add_rule_dir(armlint_options_t* options, const char* dir) {
  return SetString(options, dir,
                   [](armlint::Options& o, std::string v) { o.rule_dirs.push_back(std::move(v)); });
}

int armlint_options_add_only(armlint_options_t* options, const char* rule_id) {
  return SetString(options, rule_id,
                   [](armlint::Options& o, std::string v) { o.only.push_back(std::move(v)); });
}

int armlint_options_add_disable(armlint_options_t* options, const char* rule_id) {
  return SetString(options, rule_id,
                   [](armlint::Options& o, std::string v) { o.disable.push_back(std::move(v)); });
}

int armlint_options_set_report_unknown(armlint_options_t* options, int on) {
  if (options == nullptr) return ARMLINT_INVALID_ARGUMENT;
  options->options.report_unknown = on != 0;
  return ARMLINT_OK;
}

int armlint_options_set_parameters_file(armlint_options_t* options, const char* path) {
  return SetString(options, path,
                   [](armlint::Options& o, std::string v) { o.parameters_file = std::move(v); });
}

int armlint_options_set_use_config(armlint_options_t* options, int on) {
  if (options == nullptr) return ARMLINT_INVALID_ARGUMENT;
  options->options.use_config = on != 0;
  return ARMLINT_OK;
}

int armlint_options_set_config_file(armlint_options_t* options, const char* path) {
  return SetString(options, path,
                   [](armlint::Options& o, std::string v) { o.config_file = std::move(v); });
}

int armlint_options_set_baseline_file(armlint_options_t* options, const char* path) {
  return SetString(options, path,
                   [](armlint::Options& o, std::string v) { o.baseline_file = std::move(v); });
}

armlint_engine_t* armlint_engine_new(const armlint_options_t* options, char** errptr) {
  armlint_engine_t* out = nullptr;
  Guard(errptr, [&] {
    absl::StatusOr<armlint::Engine> engine =
        armlint::Engine::Create(options != nullptr ? options->options : armlint::Options{});
    if (!engine.ok()) return engine.status();
    out = new armlint_engine_t(std::move(*engine));
    return absl::OkStatus();
  });
  return out;
}

void armlint_engine_destroy(armlint_engine_t* engine) { delete engine; }

armlint_result_t* armlint_lint_buffer(const armlint_engine_t* engine, const char* name,
                                      const char* text, size_t len, char** errptr) {
  armlint_result_t* out = nullptr;
  Guard(errptr, [&] {
    if (engine == nullptr) return NullArgument("engine");
    if (name == nullptr) return NullArgument("name");
    if (text == nullptr && len != 0) return NullArgument("text");
    out = NewResult(
        engine->engine.LintBuffer(name, std::string_view(text == nullptr ? "" : text, len)));
    return absl::OkStatus();
  });
  return out;
}

armlint_result_t* armlint_lint_path(const armlint_engine_t* engine, const char* path,
                                    char** errptr) {
  return armlint_lint_paths(engine, &path, 1, 1, errptr);
}

armlint_result_t* armlint_lint_paths(const armlint_engine_t* engine, const char* const* paths,
                                     size_t count, int jobs, char** errptr) {
  armlint_result_t* out = nullptr;
  Guard(errptr, [&] {
    if (engine == nullptr) return NullArgument("engine");
    if (paths == nullptr && count != 0) return NullArgument("paths");
    std::vector<std::string> list;
    for (size_t i = 0; i < count; ++i) {
      if (paths[i] == nullptr) return NullArgument("path");
      list.emplace_back(paths[i]);
    }
    out = NewResult(engine->engine.LintPaths(list, jobs));
    return absl::OkStatus();
  });
  return out;
}

void armlint_result_destroy(armlint_result_t* result) { delete result; }

size_t armlint_result_finding_count(const armlint_result_t* result) {
  return result == nullptr ? 0 : result->result.findings.size();
}

size_t armlint_result_error_count(const armlint_result_t* result) {
  return result == nullptr ? 0 : result->result.errors.size();
}

int armlint_result_files(const armlint_result_t* result) {
  return result == nullptr ? 0 : result->result.files;
}

int armlint_result_resources(const armlint_result_t* result) {
  return result == nullptr ? 0 : result->result.resources;
}

int armlint_result_suppressed(const armlint_result_t* result) {
  return result == nullptr ? 0 : result->result.suppressed;
}

int armlint_result_has_failures(const armlint_result_t* result, const char* fail_on) {
  if (result == nullptr || fail_on == nullptr) return -1;
  std::optional<armlint::Impact> threshold;
  if (std::string_view(fail_on) != "none") {
    threshold = armlint::ParseImpact(fail_on);
    if (!threshold.has_value()) return -1;
  }
  return armlint::HasFailures(result->result, threshold) ? 1 : 0;
}

const char* armlint_finding_rule_id(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->rule_id.c_str();
}

const char* armlint_finding_category(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : StaticName(armlint::CategoryName(f->category));
}

const char* armlint_finding_impact(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : StaticName(armlint::ImpactName(f->impact));
}

const char* armlint_finding_outcome(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  if (f == nullptr) return nullptr;
  return f->outcome == armlint::Outcome::kFail ? "fail" : "unknown";
}

const char* armlint_finding_file(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->location.file.c_str();
}

int armlint_finding_line(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? 0 : f->location.line;
}

int armlint_finding_column(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? 0 : f->location.column;
}

const char* armlint_finding_pointer(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->location.pointer.c_str();
}

const char* armlint_finding_message(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->problem.c_str();
}

const char* armlint_finding_solution(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->solution.c_str();
}

const char* armlint_finding_learn_more_link(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->learn_more_link.c_str();
}

const char* armlint_finding_resource_type(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->impacted_field.c_str();
}

const char* armlint_finding_resource_name(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->impacted_value.c_str();
}

const char* armlint_finding_resource_id(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->resource_id.c_str();
}

int armlint_finding_suppressed(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f != nullptr && f->suppressed ? 1 : 0;
}

const char* armlint_finding_fingerprint(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->fingerprint.c_str();
}

const char* armlint_finding_value(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->value.c_str();
}

int armlint_finding_value_missing(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f != nullptr && f->value_missing ? 1 : 0;
}

const char* armlint_finding_unknown_reason(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->unknown_reason.c_str();
}

const char* armlint_finding_suppression_justification(const armlint_result_t* result,
                                                      size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->suppression_justification.c_str();
}

const char* armlint_finding_workload(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->workload.c_str();
}

const char* armlint_finding_effect(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  return f == nullptr ? nullptr : f->effect.c_str();
}

const char* armlint_finding_policy_name(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  if (f == nullptr) return nullptr;
  return f->policy.has_value() ? f->policy->name.c_str() : "";
}

const char* armlint_finding_policy_display_name(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  if (f == nullptr) return nullptr;
  return f->policy.has_value() ? f->policy->display_name.c_str() : "";
}

const char* armlint_finding_policy_initiative(const armlint_result_t* result, size_t index) {
  const armlint::Finding* f = FindingAt(result, index);
  if (f == nullptr) return nullptr;
  return f->policy.has_value() ? f->policy->initiative.c_str() : "";
}

const char* armlint_error_message(const armlint_result_t* result, size_t index) {
  const armlint::InputError* e = ErrorAt(result, index);
  return e == nullptr ? nullptr : e->message.c_str();
}

const char* armlint_error_file(const armlint_result_t* result, size_t index) {
  const armlint::InputError* e = ErrorAt(result, index);
  return e == nullptr ? nullptr : e->location.file.c_str();
}

int armlint_error_line(const armlint_result_t* result, size_t index) {
  const armlint::InputError* e = ErrorAt(result, index);
  return e == nullptr ? 0 : e->location.line;
}

int armlint_error_column(const armlint_result_t* result, size_t index) {
  const armlint::InputError* e = ErrorAt(result, index);
  return e == nullptr ? 0 : e->location.column;
}

char* armlint_result_report(const armlint_result_t* result, const char* format, char** errptr) {
  char* out = nullptr;
  Guard(errptr, [&]() -> absl::Status {
    if (result == nullptr) return NullArgument("result");
    if (format == nullptr) return NullArgument("format");
    std::optional<armlint::Format> parsed = armlint::ParseFormat(format);
    if (!parsed.has_value()) {
      return absl::InvalidArgumentError(std::string("unknown report format '") + format + "'");
    }
    armlint::ReportOptions options;
    options.format = *parsed;
    absl::StatusOr<std::string> report = armlint::FormatReport(result->result, options);
    if (!report.ok()) return report.status();
    out = CopyString(*report);
    if (out == nullptr) return absl::ResourceExhaustedError("out of memory");
    return absl::OkStatus();
  });
  return out;
}

}  // extern "C"
