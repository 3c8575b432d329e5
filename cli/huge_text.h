// The code's start-up path in a huge page (see huge_text.cc).
#pragma once

namespace armlint::cli {

// Moves the first 2 MB of the executable's code into one transparent huge page where the build
// and the system allow it; otherwise does nothing. Call once, before threads start and before
// any constructor if it can be (main.cc calls it from .preinit_array).
void MapTextToHugePage();

}  // namespace armlint::cli
