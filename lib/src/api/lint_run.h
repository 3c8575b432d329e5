// Two parts of a LintPaths run (api/engine.cc): the queue of files the walk finds and the
// workers lint, and the files the run covers (for a parameter file named alone).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

#include "api/lint_file.h"

namespace armlint::internal {

// Files to lint, pushed by the walk as it finds them and taken by the workers in that order,
// each with a slot for its result. Deques: pushing never moves what earlier workers hold.
class FileQueue {
 public:
  void Push(const std::string& file) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      files_.push_back(file);
      results_.emplace_back();
    }
    ready_.notify_one();
  }
  // No more files: workers finish what is queued, then stop.
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    ready_.notify_all();
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return files_.size();
  }
  // The next file nobody has taken, waiting for the walk if need be, with its index in `index`;
  // null once the queue is closed and empty.
  const std::string* Next(std::size_t& index) {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return next_ < files_.size() || closed_; });
    if (next_ == files_.size()) return nullptr;
    index = next_++;
    return &files_[index];
  }
  // The result slot of the file at `index` (only its worker writes it until all have joined).
  FileResult& Result(std::size_t index) {
    std::lock_guard<std::mutex> lock(mu_);
    return results_[index];
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::string> files_;
  std::deque<FileResult> results_;
  std::size_t next_ = 0;
  bool closed_ = false;
};

// The files the run lints anyway, for a parameter file named alone: a named path, or a path
// under a named folder (outside hidden folders and node_modules, as the walk skips them).
class RunCoverage {
 public:
  explicit RunCoverage(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    for (const std::string& p : paths) {
      if (p == "-") continue;
      std::error_code ec;
      fs::path canonical = fs::weakly_canonical(p, ec);
      if (ec) continue;
      (fs::is_directory(canonical, ec) ? dirs_ : files_).push_back(canonical);
    }
  }
  bool Covers(const std::string& file) const {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(file, ec);
    if (ec) return false;
    if (std::find(files_.begin(), files_.end(), canonical) != files_.end()) return true;
    for (const fs::path& d : dirs_) {
      fs::path rel = canonical.lexically_relative(d);
      if (rel.empty() || *rel.begin() == "..") continue;
      bool skipped = false;
      for (const fs::path& part : rel.parent_path()) {
        std::string name = part.string();
        skipped |= (name.size() > 1 && name[0] == '.') || name == "node_modules";
      }
      if (!skipped) return true;
    }
    return false;
  }

 private:
  std::vector<std::filesystem::path> files_, dirs_;
};

}  // namespace armlint::internal
