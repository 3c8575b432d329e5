// The process heap's pages (see heap.cc).
#pragma once

namespace armlint::cli {

// Lets the malloc heap grow in transparent huge pages: one fault per 2 MB where each 4 KB page
// would otherwise fault on its own. Call once, early in main, before threads start.
void UseHugePagesForHeap();

}  // namespace armlint::cli
