// A string lower-cased once for several searches in it, on the stack when it is short.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/strings.h"

namespace armlint::internal {

class LowerView {
 public:
  explicit LowerView(std::string_view s) {
    if (s.size() <= sizeof(buffer_)) {
      for (std::size_t i = 0; i < s.size(); ++i) buffer_[i] = AsciiLower(s[i]);
      view_ = std::string_view(buffer_, s.size());
    } else {
      long_ = ToLower(s);
      view_ = long_;
    }
  }
  LowerView(const LowerView&) = delete;
  LowerView& operator=(const LowerView&) = delete;

  std::string_view view() const { return view_; }
  // Whether the lower-cased string contains `lower_part` (itself lower case).
  bool Contains(std::string_view lower_part) const {
    return view_.find(lower_part) != std::string_view::npos;
  }

 private:
  char buffer_[256];
  std::string long_;
  std::string_view view_;
};

}  // namespace armlint::internal
