// GitHub Actions workflow commands: the escaping, as actions/toolkit's command.ts does it.
#pragma once

#include <string>
#include <string_view>

namespace armlint::internal {

// A command's message: % -> %25, \r -> %0D, \n -> %0A.
std::string GithubEscapeData(std::string_view s);
// A command property value: as GithubEscapeData, and : -> %3A, , -> %2C.
std::string GithubEscapeProperty(std::string_view s);

}  // namespace armlint::internal
