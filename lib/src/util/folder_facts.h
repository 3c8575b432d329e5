// What a tree walk saw in each folder it listed, so that the questions asked later about the
// same folders (a .armlint.json here? a .git? any parameter file?) cost no system call when the
// answer is "none". A folder not recorded, or one where a name is present, is looked at on disk
// as before: the facts only ever rule names out.
//
//   FolderFacts facts;
//   facts.Record("corpus/app", FolderFacts::Of(names));       // the walk, once per folder
//   if (auto f = facts.Find("corpus/app"); f && !f->config) {  // no .armlint.json there
//   }
//
// Thread-safe: the walk records while workers look up.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"

#include "util/strings.h"

namespace armlint::internal {

class FolderFacts {
 public:
  struct Facts {
    bool config = false;      // an entry named .armlint.json (any case)
    bool git = false;         // an entry named .git (any case)
    bool param_json = false;  // a *.json / *.jsonc entry whose name holds "param" (any case)
  };

  // Adds what the entry `name` of a folder's listing says to `f`.
  static void Add(std::string_view name, Facts& f) {
    if (EqualsIgnoreCase(name, ".armlint.json")) f.config = true;
    if (EqualsIgnoreCase(name, ".git")) f.git = true;
    if ((EndsWithIgnoreCase(name, ".json") || EndsWithIgnoreCase(name, ".jsonc")) &&
        ContainsIgnoreCase(name, "param")) {
      f.param_json = true;
    }
  }

  // Whether `needle` occurs in `hay`, ASCII case-insensitively.
  static bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
      if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return true;
    }
    return false;
  }

  // `folder` as the walk spelled it; trailing separators are dropped ("/" stays).
  void Record(std::string_view folder, Facts f) {
    std::lock_guard<std::mutex> lock(mu_);
    by_folder_[std::string(Key(folder))] = f;
  }

  std::optional<Facts> Find(std::string_view folder) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = by_folder_.find(std::string(Key(folder)));
    if (it == by_folder_.end()) return std::nullopt;
    return it->second;
  }

 private:
  static std::string_view Key(std::string_view folder) {
    while (folder.size() > 1 && folder.back() == '/') folder.remove_suffix(1);
    return folder;
  }

  mutable std::mutex mu_;
  absl::flat_hash_map<std::string, Facts> by_folder_;
};

}  // namespace armlint::internal
