// The process heap's pages (see heap.cc).
#pragma once

namespace armlint::cli {

// Lets the malloc heap grow in transparent huge pages: one fault per 2 MB where each 4 KB page
// would otherwise fault on its own. Call once, before threads start (main.cc calls it from
// .preinit_array, before any constructor allocates).
void UseHugePagesForHeap();

}  // namespace armlint::cli
