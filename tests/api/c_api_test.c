/* The C API from a C99 program: lint a buffer and check a finding's fields, errors and reports.
 * Built with -std=c99 -pedantic; registered in CTest as api.c99. Exit code 0: all checks hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "armlint/armlint.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static int str_eq(const char* a, const char* b) {
  return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static int starts_with(const char* s, const char* prefix) {
  return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The storage account's TLS setting is on line 3; the value "TLS1_0" starts at column 54. */
static const char kTemplate[] =
    "{\"contentVersion\": \"1.0.0.0\", \"resources\": [{\n"
    "  \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\",\n"
    "  \"name\": \"st1\", \"properties\": {\"minimumTlsVersion\": \"TLS1_0\"}}]}";

static size_t find_rule(const armlint_result_t* result, const char* rule_id) {
  size_t i;
  for (i = 0; i < armlint_result_finding_count(result); ++i) {
    if (str_eq(armlint_finding_rule_id(result, i), rule_id)) return i;
  }
  return (size_t)-1;
}

static void test_version(void) {
  char expected[32];
  sprintf(expected, "%d.%d.%d", ARMLINT_VERSION_MAJOR, ARMLINT_VERSION_MINOR,
          ARMLINT_VERSION_PATCH);
  CHECK(str_eq(armlint_version(), expected));
}

static void test_lint_buffer_finding_fields(const armlint_engine_t* engine) {
  char* err = NULL;
  armlint_result_t* result =
      armlint_lint_buffer(engine, "main.json", kTemplate, strlen(kTemplate), &err);
  size_t i;
  CHECK(result != NULL);
  CHECK(err == NULL);
  if (result == NULL) return;
  CHECK(armlint_result_error_count(result) == 0);
  CHECK(armlint_result_files(result) == 1);
  CHECK(armlint_result_resources(result) == 1);
  i = find_rule(result, "storage-min-tls");
  CHECK(i != (size_t)-1);
  if (i != (size_t)-1) {
    CHECK(str_eq(armlint_finding_file(result, i), "main.json"));
    CHECK(armlint_finding_line(result, i) == 3);
    CHECK(armlint_finding_column(result, i) == 54);
    CHECK(str_eq(armlint_finding_pointer(result, i), "/resources/0/properties/minimumTlsVersion"));
    CHECK(str_eq(armlint_finding_impact(result, i), "High"));
    CHECK(str_eq(armlint_finding_category(result, i), "Security"));
    CHECK(str_eq(armlint_finding_outcome(result, i), "fail"));
    CHECK(str_eq(armlint_finding_resource_type(result, i), "Microsoft.Storage/storageAccounts"));
    CHECK(str_eq(armlint_finding_resource_name(result, i), "st1"));
    CHECK(starts_with(armlint_finding_message(result, i), "The storage account accepts clients"));
    CHECK(starts_with(armlint_finding_solution(result, i), "Set properties.minimumTlsVersion"));
    CHECK(starts_with(armlint_finding_learn_more_link(result, i), "https://learn.microsoft.com/"));
    CHECK(armlint_finding_suppressed(result, i) == 0);
    CHECK(armlint_finding_fingerprint(result, i) != NULL &&
          strlen(armlint_finding_fingerprint(result, i)) > 0);
    CHECK(str_eq(armlint_finding_value(result, i), "\"TLS1_0\""));
    CHECK(armlint_finding_value_missing(result, i) == 0);
    CHECK(str_eq(armlint_finding_unknown_reason(result, i), ""));
    CHECK(str_eq(armlint_finding_suppression_justification(result, i), ""));
    /* Not a policy's finding: every policy field is "" (present, empty). */
    CHECK(str_eq(armlint_finding_effect(result, i), ""));
    CHECK(str_eq(armlint_finding_policy_name(result, i), ""));
    CHECK(str_eq(armlint_finding_policy_display_name(result, i), ""));
    CHECK(str_eq(armlint_finding_policy_initiative(result, i), ""));
  }
  /* The account leaves allowSharedKeyAccess out: no value, reported where it would go. */
  i = find_rule(result, "storage-shared-key-access");
  CHECK(i != (size_t)-1);
  if (i != (size_t)-1) {
    CHECK(armlint_finding_value_missing(result, i) == 1);
    CHECK(str_eq(armlint_finding_value(result, i), ""));
    CHECK(str_eq(armlint_finding_pointer(result, i), "/resources/0/properties"));
  }
  /* Out of range: NULL and 0, never a crash. */
  CHECK(armlint_finding_rule_id(result, 1000) == NULL);
  CHECK(armlint_finding_line(result, 1000) == 0);
  CHECK(armlint_finding_value(result, 1000) == NULL);
  CHECK(armlint_finding_value_missing(result, 1000) == 0);
  CHECK(armlint_finding_unknown_reason(result, 1000) == NULL);
  CHECK(armlint_finding_suppression_justification(result, 1000) == NULL);
  CHECK(armlint_finding_workload(result, 1000) == NULL);
  CHECK(armlint_finding_effect(result, 1000) == NULL);
  CHECK(armlint_finding_policy_name(result, 1000) == NULL);
  CHECK(armlint_finding_policy_display_name(result, 1000) == NULL);
  CHECK(armlint_finding_policy_initiative(result, 1000) == NULL);
  /* A NULL result: NULL and 0 as well. */
  CHECK(armlint_finding_value(NULL, 0) == NULL);
  CHECK(armlint_finding_value_missing(NULL, 0) == 0);
  CHECK(armlint_finding_unknown_reason(NULL, 0) == NULL);
  CHECK(armlint_finding_suppression_justification(NULL, 0) == NULL);
  CHECK(armlint_finding_workload(NULL, 0) == NULL);
  CHECK(armlint_finding_effect(NULL, 0) == NULL);
  CHECK(armlint_finding_policy_name(NULL, 0) == NULL);
  CHECK(armlint_finding_policy_display_name(NULL, 0) == NULL);
  CHECK(armlint_finding_policy_initiative(NULL, 0) == NULL);
  CHECK(armlint_error_message(result, 0) == NULL);
  CHECK(armlint_result_has_failures(result, "high") == 1);
  CHECK(armlint_result_has_failures(result, "none") == 0);
  CHECK(armlint_result_has_failures(result, "severe") == -1);
  armlint_result_destroy(result);
}

/* TLS set from a parameter that has no value (unknown offline) and a suppression comment with
 * a justification; linted as web/main.json, so the workload is the folder "web". */
static const char kUnknownTemplate[] =
    "{\"contentVersion\": \"1.0.0.0\", \"parameters\": {\"tls\": {\"type\": \"string\"}},\n"
    "  \"resources\": [{\n"
    "  \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\",\n"
    "  // armlint-disable-next-line storage-shared-key-access -- keys rotated by the vault\n"
    "  \"name\": \"st1\", \"properties\": {\"minimumTlsVersion\": \"[parameters('tls')]\"}}]}";

static void test_unknown_and_suppressed_fields(void) {
  char* err = NULL;
  armlint_options_t* options = armlint_options_new();
  armlint_engine_t* engine;
  armlint_result_t* result;
  size_t i;
  CHECK(armlint_options_set_report_unknown(options, 1) == ARMLINT_OK);
  CHECK(armlint_options_set_use_config(options, 0) == ARMLINT_OK);
  engine = armlint_engine_new(options, &err);
  armlint_options_destroy(options);
  CHECK(engine != NULL && err == NULL);
  if (engine == NULL) return;
  result = armlint_lint_buffer(engine, "web/main.json", kUnknownTemplate, strlen(kUnknownTemplate),
                               &err);
  CHECK(result != NULL && err == NULL);
  if (result == NULL) {
    armlint_engine_destroy(engine);
    return;
  }
  CHECK(armlint_result_error_count(result) == 0);
  i = find_rule(result, "storage-min-tls");
  CHECK(i != (size_t)-1);
  if (i != (size_t)-1) {
    CHECK(str_eq(armlint_finding_outcome(result, i), "unknown"));
    CHECK(str_eq(armlint_finding_unknown_reason(result, i), "parameter 'tls' has no value"));
    CHECK(str_eq(armlint_finding_value(result, i), "\"[parameters('tls')]\""));
    CHECK(armlint_finding_value_missing(result, i) == 0);
    CHECK(armlint_finding_suppressed(result, i) == 0);
    CHECK(str_eq(armlint_finding_workload(result, i), "web"));
  }
  i = find_rule(result, "storage-shared-key-access");
  CHECK(i != (size_t)-1);
  if (i != (size_t)-1) {
    CHECK(str_eq(armlint_finding_outcome(result, i), "fail"));
    CHECK(armlint_finding_suppressed(result, i) == 1);
    CHECK(
        str_eq(armlint_finding_suppression_justification(result, i), "keys rotated by the vault"));
    CHECK(str_eq(armlint_finding_unknown_reason(result, i), ""));
    CHECK(armlint_finding_value_missing(result, i) == 1);
    CHECK(str_eq(armlint_finding_workload(result, i), "web"));
  }
  CHECK(armlint_result_suppressed(result) == 1);
  armlint_result_destroy(result);
  armlint_engine_destroy(engine);
}

static void test_reports(const armlint_engine_t* engine) {
  char* err = NULL;
  char* report;
  armlint_result_t* result =
      armlint_lint_buffer(engine, "main.json", kTemplate, strlen(kTemplate), &err);
  CHECK(result != NULL);
  if (result == NULL) return;
  report = armlint_result_report(result, "json", &err);
  CHECK(report != NULL && strstr(report, "\"storage-min-tls\"") != NULL);
  armlint_free(report);
  report = armlint_result_report(result, "sarif", &err);
  CHECK(report != NULL && strstr(report, "\"version\": \"2.1.0\"") != NULL);
  armlint_free(report);
  CHECK(err == NULL);

  /* An unknown format fails with a message naming the code; a second failure replaces it. */
  report = armlint_result_report(result, "yaml", &err);
  CHECK(report == NULL);
  CHECK(starts_with(err, "INVALID_ARGUMENT: ") && strstr(err, "yaml") != NULL);
  report = armlint_result_report(result, "toml", &err);
  CHECK(report == NULL && err != NULL && strstr(err, "toml") != NULL);
  armlint_free(err);
  err = NULL;
  /* errptr NULL: failure without a message. */
  CHECK(armlint_result_report(result, "yaml", NULL) == NULL);
  armlint_result_destroy(result);
}

static void test_input_errors(const armlint_engine_t* engine) {
  static const char kBroken[] = "{\n  \"resources\": [\n    {\"type\": }\n";
  char* err = NULL;
  armlint_result_t* result =
      armlint_lint_buffer(engine, "broken.json", kBroken, strlen(kBroken), &err);
  CHECK(result != NULL && err == NULL);
  if (result != NULL) {
    CHECK(armlint_result_finding_count(result) == 0);
    CHECK(armlint_result_error_count(result) == 1);
    CHECK(str_eq(armlint_error_file(result, 0), "broken.json"));
    CHECK(armlint_error_line(result, 0) == 3);
    CHECK(armlint_error_message(result, 0) != NULL);
  }
  armlint_result_destroy(result);

  result = armlint_lint_path(engine, "/nonexistent/armlint/main.json", &err);
  CHECK(result != NULL && err == NULL);
  CHECK(armlint_result_error_count(result) == 1);
  armlint_result_destroy(result);

  /* NULL arguments are InvalidArgument, not crashes. */
  CHECK(armlint_lint_buffer(engine, NULL, kTemplate, 3, &err) == NULL);
  CHECK(starts_with(err, "INVALID_ARGUMENT"));
  CHECK(armlint_lint_buffer(NULL, "x.json", kTemplate, 3, &err) == NULL);
  CHECK(armlint_lint_path(engine, NULL, &err) == NULL);
  armlint_free(err);
}

static void test_options(void) {
  char* err = NULL;
  armlint_options_t* options = armlint_options_new();
  armlint_engine_t* engine;
  armlint_result_t* result;
  CHECK(options != NULL);
  CHECK(armlint_options_add_only(options, "storage-min-tls") == ARMLINT_OK);
  CHECK(armlint_options_set_use_config(options, 0) == ARMLINT_OK);
  CHECK(armlint_options_add_rule_dir(options, NULL) == ARMLINT_INVALID_ARGUMENT);
  CHECK(armlint_options_set_report_unknown(NULL, 1) == ARMLINT_INVALID_ARGUMENT);
  engine = armlint_engine_new(options, &err);
  armlint_options_destroy(options); /* the engine keeps its own copy */
  CHECK(engine != NULL && err == NULL);
  result = armlint_lint_buffer(engine, "main.json", kTemplate, strlen(kTemplate), &err);
  CHECK(armlint_result_finding_count(result) == 1);
  CHECK(str_eq(armlint_finding_rule_id(result, 0), "storage-min-tls"));
  armlint_result_destroy(result);
  armlint_engine_destroy(engine);

  /* An unknown rule id fails engine creation with a message naming it. */
  options = armlint_options_new();
  armlint_options_add_disable(options, "no-such-rule");
  engine = armlint_engine_new(options, &err);
  CHECK(engine == NULL);
  CHECK(starts_with(err, "INVALID_ARGUMENT") && strstr(err, "no-such-rule") != NULL);
  armlint_free(err);
  armlint_options_destroy(options);

  /* Destroying NULL does nothing. */
  armlint_options_destroy(NULL);
  armlint_engine_destroy(NULL);
  armlint_result_destroy(NULL);
  armlint_free(NULL);
}

int main(void) {
  char* err = NULL;
  armlint_engine_t* engine = armlint_engine_new(NULL, &err);
  test_version();
  CHECK(engine != NULL && err == NULL);
  if (engine == NULL) {
    fprintf(stderr, "armlint_engine_new: %s\n", err ? err : "(no message)");
    return 1;
  }
  test_lint_buffer_finding_fields(engine);
  test_reports(engine);
  test_input_errors(engine);
  test_options();
  test_unknown_and_suppressed_fields();
  armlint_engine_destroy(engine);
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("c_api_test: all checks passed\n");
  return 0;
}
