// ARMLINT_RETURN_IF_ERROR / ARMLINT_ASSIGN_OR_RETURN: Debian's Abseil 20220623 has neither.
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define ARMLINT_STATUS_CONCAT_INNER_(a, b) a##b
#define ARMLINT_STATUS_CONCAT_(a, b) ARMLINT_STATUS_CONCAT_INNER_(a, b)

// Returns `expr` from the enclosing function when it is not OK.
#define ARMLINT_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::absl::Status armlint_status_ = (expr);           \
    if (!armlint_status_.ok()) return armlint_status_; \
  } while (0)

// `lhs = std::move(*statusor)` or returns its status from the enclosing function.
#define ARMLINT_ASSIGN_OR_RETURN(lhs, expr) \
  ARMLINT_ASSIGN_OR_RETURN_IMPL_(ARMLINT_STATUS_CONCAT_(armlint_statusor_, __LINE__), lhs, expr)

#define ARMLINT_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                   \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(*statusor)
