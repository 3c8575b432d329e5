/* armlint C API: lint Azure Resource Manager templates from C99 and foreign-function interfaces
 * (ctypes, cgo, P/Invoke). A thin layer over the C++ API in armlint/armlint.hpp.
 *
 * Conventions (as in leveldb's c.h):
 *
 * - All types are opaque handles. Each *_new/lint call returns a handle the caller owns and
 *   frees with the matching *_destroy; destroying NULL does nothing.
 * - Text goes in as pointer + length (need not be NUL-terminated) or as a NUL-terminated UTF-8
 *   string for names, paths and identifiers.
 * - Errors: a function that can fail takes `char** errptr` last. `errptr` may be NULL (no
 *   message wanted). Otherwise *errptr must be NULL or a string from an earlier call; on
 *   failure the earlier string is freed and *errptr receives a new NUL-terminated message that
 *   the caller frees with armlint_free(). On success *errptr is left as it is.
 *   Functions returning `int` return 0 (ARMLINT_OK) on success, else a status code below (the
 *   values of absl::StatusCode). Functions returning a pointer return NULL on failure.
 * - Strings returned as `const char*` by accessors belong to the result they come from and stay
 *   valid until that result is destroyed. Strings returned as `char*` are the caller's: free
 *   them with armlint_free() (never with another allocator's free).
 * - Index-based accessors (finding i, error i) return NULL / 0 for an index out of range or a
 *   NULL result. A string field that has no value is "" (never NULL), so NULL always means a
 *   bad index or result.
 * - Nothing here prints, exits, aborts or lets a C++ exception escape: every function catches
 *   everything (out of memory becomes ARMLINT_RESOURCE_EXHAUSTED, anything else
 *   ARMLINT_INTERNAL).
 * - No global state. An engine is immutable once created: any number of threads may lint with
 *   the same engine at once. Options and results are plain values: use one from one thread at a
 *   time (reading one result from several threads is fine).
 *
 *   char* err = NULL;
 *   armlint_engine_t* engine = armlint_engine_new(NULL, &err);  // built-in rules, defaults
 *   armlint_result_t* result = armlint_lint_buffer(engine, "main.json", text, len, &err);
 *   for (size_t i = 0; i < armlint_result_finding_count(result); ++i)
 *     printf("%d: %s\n", armlint_finding_line(result, i), armlint_finding_rule_id(result, i));
 *   char* sarif = armlint_result_report(result, "sarif", &err);
 *   armlint_free(sarif);
 *   armlint_result_destroy(result);
 *   armlint_engine_destroy(engine);
 */
#ifndef ARMLINT_ARMLINT_H_
#define ARMLINT_ARMLINT_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Also defined, identically, by armlint.hpp; armlint_version() is the library's own. */
#define ARMLINT_VERSION_MAJOR 0
#define ARMLINT_VERSION_MINOR 1
#define ARMLINT_VERSION_PATCH 0

/* Status codes: the values of absl::StatusCode. */
enum {
  ARMLINT_OK = 0,
  ARMLINT_CANCELLED = 1,
  ARMLINT_UNKNOWN = 2,
  ARMLINT_INVALID_ARGUMENT = 3,
  ARMLINT_DEADLINE_EXCEEDED = 4,
  ARMLINT_NOT_FOUND = 5,
  ARMLINT_ALREADY_EXISTS = 6,
  ARMLINT_PERMISSION_DENIED = 7,
  ARMLINT_RESOURCE_EXHAUSTED = 8,
  ARMLINT_FAILED_PRECONDITION = 9,
  ARMLINT_ABORTED = 10,
  ARMLINT_OUT_OF_RANGE = 11,
  ARMLINT_UNIMPLEMENTED = 12,
  ARMLINT_INTERNAL = 13,
  ARMLINT_UNAVAILABLE = 14,
  ARMLINT_DATA_LOSS = 15,
  ARMLINT_UNAUTHENTICATED = 16
};

typedef struct armlint_options_t armlint_options_t;
typedef struct armlint_engine_t armlint_engine_t;
typedef struct armlint_result_t armlint_result_t;

/* "X.Y.Z" of the library linked (static storage). */
const char* armlint_version(void);

/* Frees a string returned by this API (a report, an error message). NULL does nothing. */
void armlint_free(void* ptr);

/* ---- Options: what an engine loads and how it lints (armlint::Options). ---- */

/* Defaults: built-in rules on, .armlint.json discovery on, unknown outcomes not reported.
 * NULL when out of memory. */
armlint_options_t* armlint_options_new(void);
void armlint_options_destroy(armlint_options_t* options);

/* The setters return 0, ARMLINT_INVALID_ARGUMENT for a NULL options or string, or
 * ARMLINT_RESOURCE_EXHAUSTED. Flags take 0 (off) or non-zero (on). */
int armlint_options_set_builtin_rules(armlint_options_t* options, int on);
/* Adds a rule pack folder (repeatable), as --rules DIR. */
int armlint_options_add_rule_dir(armlint_options_t* options, const char* dir);
/* Keeps only these rule ids (repeatable; none added: all rules), as --only. */
int armlint_options_add_only(armlint_options_t* options, const char* rule_id);
/* Drops a rule id (repeatable), as --disable. */
int armlint_options_add_disable(armlint_options_t* options, const char* rule_id);
/* Lists unknown outcomes as findings with outcome "unknown", as --report-unknown. */
int armlint_options_set_report_unknown(armlint_options_t* options, int on);
/* Parameter file for every template linted, as -p FILE ("" : none). */
int armlint_options_set_parameters_file(armlint_options_t* options, const char* path);
/* Whether .armlint.json files are discovered beside the inputs (0: as --no-config). */
int armlint_options_set_use_config(armlint_options_t* options, int on);
/* This configuration file for every input, as --config FILE ("" : none). */
int armlint_options_set_config_file(armlint_options_t* options, const char* path);
/* Reports only findings not in this baseline file, as --baseline FILE ("" : none). */
int armlint_options_set_baseline_file(armlint_options_t* options, const char* path);

/* ---- Engine: compiled rules, immutable, shareable between threads. ---- */

/* Loads and compiles the rules. `options` NULL means the defaults; the engine keeps a copy, so
 * the options may be destroyed right after. NULL on failure (a bad rule file or an unknown id
 * in only/disable: the message says file:line:col). */
armlint_engine_t* armlint_engine_new(const armlint_options_t* options, char** errptr);
void armlint_engine_destroy(armlint_engine_t* engine);

/* Lints `len` bytes of `text` reported under the display name `name` (an editor's unsaved
 * buffer). Inputs that cannot be parsed are not failures: they are the result's errors. NULL
 * only for NULL arguments or out of memory. */
armlint_result_t* armlint_lint_buffer(const armlint_engine_t* engine, const char* name,
                                      const char* text, size_t len, char** errptr);
/* Lints a file or a directory (walked recursively for *.json and *.jsonc); "-" reads standard
 * input. A missing path is an error in the result, not a failure. */
armlint_result_t* armlint_lint_path(const armlint_engine_t* engine, const char* path,
                                    char** errptr);
/* Lints `count` paths using up to `jobs` threads (<= 0: all cores); the result does not
 * depend on `jobs`. */
armlint_result_t* armlint_lint_paths(const armlint_engine_t* engine, const char* const* paths,
                                     size_t count, int jobs, char** errptr);

/* ---- Results: findings sorted by file, line, column, rule id; then input errors. ---- */

void armlint_result_destroy(armlint_result_t* result);

size_t armlint_result_finding_count(const armlint_result_t* result);
size_t armlint_result_error_count(const armlint_result_t* result);
/* Manifests linted, resources evaluated, findings suppressed by comments or configuration. */
int armlint_result_files(const armlint_result_t* result);
int armlint_result_resources(const armlint_result_t* result);
int armlint_result_suppressed(const armlint_result_t* result);

/* Whether the result has an unsuppressed failing finding at or above `fail_on` ("high",
 * "medium", "low"; "none" never fails), as the CLI's exit code 1: 1 yes, 0 no, -1 for an
 * unknown level or NULL arguments. */
int armlint_result_has_failures(const armlint_result_t* result, const char* fail_on);

/* Finding `index` (0-based). */
const char* armlint_finding_rule_id(const armlint_result_t* result, size_t index);
/* "Cost", "Security", "Reliability", "Performance", "OperationalExcellence". */
const char* armlint_finding_category(const armlint_result_t* result, size_t index);
/* "High", "Medium", "Low". */
const char* armlint_finding_impact(const armlint_result_t* result, size_t index);
/* "fail", or "unknown" (only with report_unknown). */
const char* armlint_finding_outcome(const armlint_result_t* result, size_t index);
/* The file as given (the display name for a buffer); line and column are 1-based, 0 unknown. */
const char* armlint_finding_file(const armlint_result_t* result, size_t index);
int armlint_finding_line(const armlint_result_t* result, size_t index);
int armlint_finding_column(const armlint_result_t* result, size_t index);
/* JSON pointer of the offending value ("/resources/0/properties/httpsOnly"). */
const char* armlint_finding_pointer(const armlint_result_t* result, size_t index);
/* The problem, the suggested fix, and the documentation link of the rule. */
const char* armlint_finding_message(const armlint_result_t* result, size_t index);
const char* armlint_finding_solution(const armlint_result_t* result, size_t index);
const char* armlint_finding_learn_more_link(const armlint_result_t* result, size_t index);
/* Resource type, resource name (evaluated where possible) and resource id. */
const char* armlint_finding_resource_type(const armlint_result_t* result, size_t index);
const char* armlint_finding_resource_name(const armlint_result_t* result, size_t index);
const char* armlint_finding_resource_id(const armlint_result_t* result, size_t index);
/* 1 when a suppression comment or configuration excuses the finding, else 0. */
int armlint_finding_suppressed(const armlint_result_t* result, size_t index);
/* Stable across unrelated edits; baselines and SARIF use it. */
const char* armlint_finding_fingerprint(const armlint_result_t* result, size_t index);
/* What the rule found at the finding's place, as written in JSON: the offending scalar
 * ("false", "\"TLS1_0\"", "\"[parameters('tls')]\""; long text cut, values under names that
 * look secret never copied); "" when not known. */
const char* armlint_finding_value(const armlint_result_t* result, size_t index);
/* 1 when the property the rule reads is absent (line and column are where it would be added),
 * else 0. */
int armlint_finding_value_missing(const armlint_result_t* result, size_t index);
/* Outcome "unknown": why the rule cannot decide offline ("parameter 'tls' has no value",
 * "reference() is evaluated at deployment"); "" when not known or the outcome is "fail". */
const char* armlint_finding_unknown_reason(const armlint_result_t* result, size_t index);
/* The justification given with the suppression that excuses the finding; "" when the finding
 * is not suppressed or its suppression gave none. */
const char* armlint_finding_suppression_justification(const armlint_result_t* result, size_t index);
/* The workload the finding's file belongs to (README "Workloads"): by default the top-level
 * folder under the linted directory (a file given directly: its folder's name). */
const char* armlint_finding_workload(const armlint_result_t* result, size_t index);
/* Findings of Azure Policy definitions (a configuration's "policies"): the definition's effect
 * ("audit", "deny", ...), its name (also the rule id), its displayName, and the initiative
 * (policy set) that assigned it, by displayName else name. All four are "" for a finding of
 * any other rule; the initiative is "" for a definition loaded on its own. */
const char* armlint_finding_effect(const armlint_result_t* result, size_t index);
const char* armlint_finding_policy_name(const armlint_result_t* result, size_t index);
const char* armlint_finding_policy_display_name(const armlint_result_t* result, size_t index);
const char* armlint_finding_policy_initiative(const armlint_result_t* result, size_t index);

/* Input error `index`: a file that could not be read, parsed or evaluated. */
const char* armlint_error_message(const armlint_result_t* result, size_t index);
const char* armlint_error_file(const armlint_result_t* result, size_t index);
int armlint_error_line(const armlint_result_t* result, size_t index);
int armlint_error_column(const armlint_result_t* result, size_t index);

/* The whole result as a report in `format` ("text", "json", "sarif", "junit", "markdown",
 * "github", "html"; as --format takes them, without colours). Returns a NUL-terminated string
 * the caller frees with armlint_free(), or NULL for an unknown format ("INVALID_ARGUMENT: ..." in
 * *errptr) or one this build cannot write. Deterministic for equal results. */
char* armlint_result_report(const armlint_result_t* result, const char* format, char** errptr);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ARMLINT_ARMLINT_H_ */
