// GitHub Actions workflow commands (--format github): one annotation per finding or error,
//   ::error file=infra/main.json,line=14,col=9,title=storage-secure-transfer::Problem
// High -> error, Medium -> warning, Low -> notice. Escaping as actions/toolkit's command.ts
// (escapeData, escapeProperty) does it, so that template text cannot end the command early or
// inject another one: % \r \n everywhere, and , : inside properties.
#include "report/github.h"

#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"

#include "report/writers.h"

namespace armlint::internal {
namespace {

// Other control characters (ANSI escapes in a resource name) would reach the log viewer.
std::string Printable(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\r') || u == 0x7f) c = ' ';
  }
  return out;
}

std::string_view Command(Impact i) {
  switch (i) {
    case Impact::kHigh:
      return "error";
    case Impact::kMedium:
      return "warning";
    case Impact::kLow:
      return "notice";
  }
  return "warning";
}

std::string Properties(const Location& loc, std::string_view title) {
  std::string p = absl::StrCat("file=", GithubEscapeProperty(Printable(loc.file)));
  if (loc.line > 0) {
    absl::StrAppend(&p, ",line=", loc.line);
    if (loc.column > 0) absl::StrAppend(&p, ",col=", loc.column);
  }
  absl::StrAppend(&p, ",title=", GithubEscapeProperty(Printable(title)));
  return p;
}

}  // namespace

std::string GithubEscapeData(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string GithubEscapeProperty(std::string_view s) {
  std::string out;
  for (char c : GithubEscapeData(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

absl::Status WriteGithub(const LintResult& result, const ReportOptions& options,
                         std::ostream& out) {
  for (const Finding* f : ListedFindings(result, options)) {
    std::string message = f->problem;
    std::string_view command = Command(f->impact);
    if (f->outcome == Outcome::kUnknown) {
      // Unknown outcomes never fail a run: a notice, whatever the rule's impact.
      command = "notice";
      message = absl::StrCat("outcome unknown: ", message);
    }
    if (f->suppressed) {
      command = "notice";
      message = absl::StrCat("suppressed (", f->suppression_justification, "): ", message);
    }
    out << "::" << command << " " << Properties(f->location, f->rule_id)
        << "::" << GithubEscapeData(Printable(message)) << "\n";
  }
  for (const InputError& e : result.errors) {
    out << "::error " << Properties(e.location, "armlint")
        << "::" << GithubEscapeData(Printable(e.message)) << "\n";
  }
  return absl::OkStatus();
}

}  // namespace armlint::internal
