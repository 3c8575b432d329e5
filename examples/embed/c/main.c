/* Lints an in-memory template with the installed armlint C API and prints the findings. */
#include <stdio.h>
#include <string.h>

#include "armlint/armlint.h"

int main(void) {
  const char* text =
      "{\"contentVersion\": \"1.0.0.0\", \"resources\": [{\n"
      "  \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\",\n"
      "  \"name\": \"st1\", \"properties\": {\"minimumTlsVersion\": \"TLS1_0\"}}]}";
  char* err = NULL;
  armlint_engine_t* engine = armlint_engine_new(NULL, &err);
  armlint_result_t* result =
      engine ? armlint_lint_buffer(engine, "main.json", text, strlen(text), &err) : NULL;
  if (result == NULL) {
    fprintf(stderr, "armlint: %s\n", err ? err : "out of memory");
    armlint_free(err);
    armlint_engine_destroy(engine);
    return 2;
  }
  for (size_t i = 0; i < armlint_result_finding_count(result); ++i)
    printf("%s:%d:%d %s %s\n", armlint_finding_file(result, i), armlint_finding_line(result, i),
           armlint_finding_column(result, i), armlint_finding_impact(result, i),
           armlint_finding_rule_id(result, i));
  armlint_result_destroy(result);
  armlint_engine_destroy(engine);
  return 0;
}
