// The process heap's pages (see heap.cc).
#pragma once

#include <thread>

namespace armlint::cli {

// Lets the malloc heap grow in transparent huge pages: one fault per 2 MB where each 4 KB page
// would otherwise fault on its own. Call once, before threads start (main.cc calls it from
// .preinit_array, before any constructor allocates). True when the heap was advised so.
bool UseHugePagesForHeap();

// Before a run that lints files on a second thread: a short-lived thread makes glibc's second
// malloc arena and advises its heap MADV_HUGEPAGE, then ends; the arena waits on glibc's free
// list for the first lint worker, which then allocates without contending for the main heap's
// lock and still in huge pages. Join the thread before the workers start.
std::thread PrepareSecondHeap();

}  // namespace armlint::cli
