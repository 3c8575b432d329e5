// Running commands from tests: the built CLI, python checkers, chromium. One popen loop for
// every test that runs a process.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include "gtest/gtest.h"
#include <boost/json.hpp>

namespace armlint::testing {

// Runs `command` with /bin/sh and appends its stdout to `out` (redirect stderr in `command` to
// keep it); returns its exit status, -1 when it could not run or did not exit.
inline int RunShell(const std::string& command, std::string* out) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out->append(buf.data(), n);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// `text` parsed as JSON; a test failure (showing the text) when it is not.
inline boost::json::value ParseJsonOrFail(const std::string& text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  EXPECT_FALSE(ec) << ec.message() << "\n" << text;
  return v;
}

}  // namespace armlint::testing
