// Runs the Bicep CLI and maps compiled locations back to Bicep declarations.
#include "api/bicep.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include <boost/json.hpp>

#include "json/document.h"
#include "util/input_error.h"
#include "util/limits.h"
#include "util/strings.h"

extern char** environ;

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

// The first executable `name` on PATH ("" when none).
std::string OnPath(std::string_view name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  for (absl::string_view dir : absl::StrSplit(path, ':', absl::SkipEmpty())) {
    std::string candidate = absl::StrCat(dir, "/", AbslView(name));
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return "";
}

struct Ran {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] a path) without a shell, collecting stdout and stderr (each capped at
// limits::kMaxFileBytes). The child's stdin is /dev/null.
absl::StatusOr<Ran> Run(const std::vector<std::string>& argv) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0) return absl::InternalError("pipe() failed");
  if (pipe(err_pipe) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return absl::InternalError("pipe() failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
    posix_spawn_file_actions_addclose(&actions, fd);
  }
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return absl::InternalError(absl::StrCat("cannot run ", argv[0]));
  }
  Ran ran;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* into[2] = {&ran.out, &ran.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
        continue;
      }
      if (into[i]->size() < limits::kMaxFileBytes)
        into[i]->append(buf, static_cast<std::size_t>(n));
    }
  }
  for (const pollfd& p : fds) {
    if (p.fd >= 0) close(p.fd);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

absl::Status Problem(const std::string& path, std::string_view message,
                     absl::StatusCode code = absl::StatusCode::kInvalidArgument) {
  return InputError(SourceLocation{path, 0, 0, ""}, message, code);
}

// The template a .bicepparam file's `using '...'` names, relative to it ("" when none).
std::string UsingTarget(const std::string& bicepparam_path) {
  std::FILE* f = std::fopen(bicepparam_path.c_str(), "rb");
  if (f == nullptr) return "";
  std::string s;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && s.size() < limits::kMaxFileBytes)
    s.append(buf, n);
  std::fclose(f);
  for (absl::string_view line : absl::StrSplit(s, '\n')) {
    line = absl::StripLeadingAsciiWhitespace(line);
    if (!absl::StartsWith(line, "using ")) continue;
    std::size_t q = line.find('\'');
    std::size_t e = q == absl::string_view::npos ? q : line.find('\'', q + 1);
    if (e == absl::string_view::npos) return "";
    std::string target(line.substr(q + 1, e - q - 1));
    if (target.find(':') != std::string::npos) return "";  // br:, ts: registry references
    return (fs::path(bicepparam_path).parent_path() / target).lexically_normal().generic_string();
  }
  return "";
}

// Offset of the line start before `pos` and the 1-based line/column of `pos` in `text`.
void LineColumn(std::string_view text, std::size_t pos, int& line, int& column) {
  line = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      start = i + 1;
    }
  }
  column = static_cast<int>(pos - start) + 1;
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The offset of the `n`-th (0-based) line-leading declaration `keyword name` (or of a
// `keyword <sym> '<type>'` whose quoted type equals `name`, when `by_type`), or npos.
std::size_t FindDeclaration(std::string_view text, std::string_view keyword, std::string_view name,
                            bool by_type, int n) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    std::size_t indent = 0;
    while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
    std::string_view rest = line.substr(indent);
    if (rest.starts_with(keyword) && rest.size() > keyword.size() && rest[keyword.size()] == ' ') {
      std::string_view after = rest.substr(keyword.size() + 1);
      bool match = false;
      if (by_type) {
        std::string quoted = absl::StrCat("'", AbslView(name), "'");
        match = after.find(quoted) != std::string_view::npos;
      } else {
        match = after.starts_with(name) &&
                (after.size() == name.size() || !IsIdentChar(after[name.size()]));
      }
      if (match && n-- == 0) return pos + indent;
    }
    pos = eol + 1;
  }
  return std::string_view::npos;
}

}  // namespace

absl::StatusOr<BicepOutput> CompileBicep(const std::string& path) {
  const bool params = path.ends_with(".bicepparam");
  const char* verb = params ? "build-params" : "build";
  std::vector<std::string> argv;
  BicepOutput out;
  if (std::string bicep = OnPath("bicep"); !bicep.empty()) {
    argv = {bicep, verb, "--stdout", path};
    out.command = absl::StrCat("bicep ", verb, " --stdout ", path);
  } else if (std::string az = OnPath("az"); !az.empty()) {
    argv = {az, "bicep", verb, "--file", path, "--stdout"};
    out.command = absl::StrCat("az bicep ", verb, " --file ", path, " --stdout");
  } else {
    std::string json = fs::path(path).replace_extension(".json").generic_string();
    return Problem(
        path,
        params ? absl::StrCat("a .bicepparam file needs the Bicep CLI, which is not on PATH: "
                              "install it (https://aka.ms/bicep-install), or run `bicep "
                              "build-params ",
                              path, "` and lint the .json it writes")
               : absl::StrCat("a .bicep file needs the Bicep CLI, which is not on PATH: install "
                              "it (https://aka.ms/bicep-install), or run `bicep build ",
                              path, "` and lint ", json),
        absl::StatusCode::kFailedPrecondition);
  }
  absl::StatusOr<Ran> ran = Run(argv);
  if (!ran.ok()) return Problem(path, StdView(ran.status().message()));
  if (ran->exit_code != 0) {
    std::string why(absl::StripAsciiWhitespace(ran->err));
    if (why.empty()) why = absl::StrCat("exit code ", ran->exit_code);
    return Problem(path, absl::StrCat("`", out.command, "` failed: ", why));
  }
  if (!params) {
    out.template_json = std::move(ran->out);
    return out;
  }
  // build-params --stdout prints {"parametersJson": "<text>", "templateJson": "<text>", ...}.
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(ran->out, ec);
  const boost::json::object* o = ec ? nullptr : v.if_object();
  const boost::json::value* p = o == nullptr ? nullptr : o->if_contains("parametersJson");
  if (p == nullptr || !p->is_string()) {
    // An older CLI printing the parameter file itself.
    out.parameters_json = std::move(ran->out);
  } else {
    out.parameters_json = std::string(p->get_string());
    if (const boost::json::value* t = o->if_contains("templateJson"); t && t->is_string()) {
      out.template_json = std::string(t->get_string());
    }
  }
  out.template_path = UsingTarget(path);
  return out;
}

void MapToBicep(std::string_view compiled_json, std::string_view bicep_text, Location& loc) {
  std::vector<std::string> segs;
  if (loc.pointer.starts_with("/")) {
    for (absl::string_view s : absl::StrSplit(AbslView(loc.pointer).substr(1), '/')) {
      segs.push_back(UnescapePointerToken(StdView(s)));
    }
  }
  std::size_t at = std::string_view::npos;
  std::size_t block_end = bicep_text.size();
  std::size_t props_from = 2;  // first pointer segment inside the declaration
  if (segs.size() >= 2 && segs[0] == "resources") {
    boost::system::error_code ec;
    boost::json::value root = boost::json::parse(compiled_json, ec);
    const boost::json::value* resources =
        ec || !root.is_object() ? nullptr : root.as_object().if_contains("resources");
    if (resources != nullptr && resources->is_object()) {
      // languageVersion 2.0: Bicep's symbolic names are the keys.
      at = FindDeclaration(bicep_text, "resource", segs[1], false, 0);
      if (at == std::string_view::npos)
        at = FindDeclaration(bicep_text, "module", segs[1], false, 0);
    } else if (resources != nullptr && resources->is_array()) {
      const boost::json::array& list = resources->get_array();
      std::size_t index = std::strtoul(segs[1].c_str(), nullptr, 10);
      auto type_of = [](const boost::json::value& r) -> std::string {
        const boost::json::object* o = r.if_object();
        if (o == nullptr) return "";
        const boost::json::value* t = o->if_contains("type");
        const boost::json::value* a = o->if_contains("apiVersion");
        if (t == nullptr || !t->is_string()) return "";
        if (a == nullptr || !a->is_string()) return std::string(t->get_string());
        return absl::StrCat(AbslView(std::string_view(t->get_string())), "@",
                            AbslView(std::string_view(a->get_string())));
      };
      if (index < list.size()) {
        std::string key = type_of(list[index]);
        int nth = 0;
        for (std::size_t i = 0; i < index; ++i) nth += type_of(list[i]) == key ? 1 : 0;
        if (!key.empty()) at = FindDeclaration(bicep_text, "resource", key, true, nth);
      }
    }
  } else if (segs.size() >= 2 &&
             (segs[0] == "parameters" || segs[0] == "variables" || segs[0] == "outputs")) {
    const char* keyword = segs[0] == "parameters"  ? "param"
                          : segs[0] == "variables" ? "var"
                                                   : "output";
    at = FindDeclaration(bicep_text, keyword, segs[1], false, 0);
    props_from = 2;
  }
  if (at == std::string_view::npos) {
    loc.line = 0;
    loc.column = 0;
    return;
  }
  // The declaration's block ends where the next top-level declaration starts.
  for (std::size_t p = bicep_text.find('\n', at); p != std::string_view::npos;
       p = bicep_text.find('\n', p + 1)) {
    if (p + 1 < bicep_text.size() && IsIdentChar(bicep_text[p + 1])) {
      block_end = p + 1;
      break;
    }
  }
  // The deepest property of the pointer written in the block (`name:`), searched in order.
  std::size_t best = at;
  std::size_t from = at;
  for (std::size_t i = props_from; i < segs.size(); ++i) {
    const std::string& s = segs[i];
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) continue;
    std::string key = absl::StrCat(s, ":");
    std::size_t p = bicep_text.substr(0, block_end).find(key, from);
    while (p != std::string_view::npos && p > 0 && IsIdentChar(bicep_text[p - 1])) {
      p = bicep_text.substr(0, block_end).find(key, p + 1);
    }
    if (p == std::string_view::npos) break;
    best = from = p;
  }
  LineColumn(bicep_text, best, loc.line, loc.column);
}

}  // namespace armlint::internal
