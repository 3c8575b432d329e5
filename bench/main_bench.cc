// The one main() of armlint_bench: every *_bench.cc file only registers benchmarks.
#include "benchmark/benchmark.h"

BENCHMARK_MAIN();
