# The README's commands: `make demo` and `make test` set everything up on a fresh Debian machine.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ARMLINT = $(BUILD)/armlint

.PHONY: all deps test-deps configure build demo test bench format docs clean test-sanitize fuzz-smoke dist

all: build

# scripts/install-deps.sh probes for each tool and header the build needs and runs apt only for
# what is missing (with a list of it; without apt it only prints the list and stops). Chromium,
# pre-commit and python3-venv serve single tests (HTML rendering, the pre-commit hooks, the wheel),
# which skip when they are absent: `make test` says which, `make test-deps` installs them (CI does).
deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh html precommit dist

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Lints the bundled examples. armlint exits 1 when it finds violations, as it does here; the
# target prints that code and succeeds, since finding them is the point of the demo.
demo: build
	@echo "\$$ armlint examples/*.json"
	@$(ARMLINT) examples/*.json; code=$$?; echo; echo "armlint exited with code $$code (0 clean, 1 findings, 2 errors)"; \
	  test $$code -le 1

test: build
	@scripts/install-deps.sh --note html precommit dist
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Release artefacts in dist/ (README "Install"): the static binary's tarball and its .sha256, and
# the Python wheel (scripts/dist.sh). Its own build directory, with only what the binary needs, so
# the flags of $(BUILD) (CMAKE_FLAGS, sanitizers) never reach a release. Reproducible: two runs
# give the same bytes (SOURCE_DATE_EPOCH defaults to the last commit's time). DIST_CMAKE_FLAGS
# may add a compiler launcher (ccache). `make test` checks the packaging with $(BUILD)'s binary,
# which the default options link statically too (tests/dist/dist_test.sh), so CI builds once.
DIST_BUILD ?= build-dist
DIST_DIR ?= dist
DIST_CMAKE_FLAGS ?=
dist: deps
	@cmake -S . -B $(DIST_BUILD) -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
	  -DARMLINT_STATIC_DEPS=ON -DARMLINT_STATIC_CLI=ON -DARMLINT_SANITIZE= -DARMLINT_BUILD_FUZZ=OFF \
	  -DARMLINT_BUILD_TESTS=OFF -DARMLINT_BUILD_BENCH=OFF $(DIST_CMAKE_FLAGS) >/dev/null
	@cmake --build $(DIST_BUILD) -j $(JOBS) --target armlint_cli
	@scripts/dist.sh $(DIST_BUILD)/armlint $(DIST_DIR)

# The corpus benchmark (scripts/bench-corpus.sh): a Release build with the Google Benchmark
# stages, and hyperfine for the start-up figures.
bench: deps
	@scripts/install-deps.sh bench
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DARMLINT_BUILD_BENCH=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@scripts/bench-corpus.sh $(ARMLINT)

docs: build
	@$(ARMLINT) rules --format markdown > docs/rules.md
	@echo "docs/rules.md regenerated"

format:
	@git ls-files '*.cc' '*.h' '*.hpp' '*.c' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(DIST_BUILD) $(DIST_DIR)

# The whole ctest suite under ThreadSanitizer (GCC), in its own build directory. Threads run in
# the engine's parallel linting (EngineThreads, CApi) and in every CLI run the tests start (the
# CLI lints with all cores by default; children inherit setarch and TSAN_OPTIONS). -O1 -g1, as
# the TSan documentation advises: -O0 runs much slower, and line tables are all reports need.
# The installed-package tests (api.install, api.shared) are not registered in sanitizer builds
# (tests/api/CMakeLists.txt). setarch -R: TSan's memory layout needs ASLR off on kernels with
# high mmap randomisation ("unexpected memory mapping").
TSAN_BUILD ?= $(BUILD)-tsan
.PHONY: test-tsan
test-tsan: deps
	@cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" \
	  "-DCMAKE_C_FLAGS_DEBUG=-O1 -g1" -DARMLINT_SANITIZE=thread -DARMLINT_BUILD_BENCH=OFF \
	  $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(TSAN_BUILD) -j $(JOBS)
	@cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  setarch $$(uname -m) -R ctest --output-on-failure -j $(JOBS)

# Sanitizer build (clang, ASan+UBSan, -O0): the whole ctest suite, and the libFuzzer targets
# (fuzz/) built from the same objects (fuzzing runs in $(FUZZ_BUILD)). Nothing is excluded:
# the slow installed-package tests (api.install, api.shared) are not registered in sanitizer
# builds. Building the fuzz targets costs four small files and links, and keeps them compiling
# in CI (.ci/run), which runs this target; fuzzing itself (fuzz-smoke) is left to local runs.
ASAN_BUILD ?= build-asan
ASAN_CONFIGURE = scripts/install-deps.sh fuzz && CC=clang CXX=clang++ cmake -S . -B $(ASAN_BUILD) \
	  -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -gline-tables-only" \
	  -DARMLINT_SANITIZE=address,undefined -DARMLINT_BUILD_FUZZ=ON -DARMLINT_BUILD_BENCH=OFF \
	  $(CMAKE_FLAGS) >/dev/null
test-sanitize: deps
	@$(ASAN_CONFIGURE)
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# Fuzzing (fuzz/README.md) in an optimized sanitizer build of its own, $(FUZZ_BUILD): clang,
# ASan+UBSan, RelWithDebInfo flags without -DNDEBUG (-O2 runs the targets several times faster
# than build-asan's -O0; assertions stay on, since they are invariants worth fuzzing).
# `make fuzz-smoke` runs each target FUZZ_SMOKE_SECONDS (15 s), `make fuzz` FUZZ_SECONDS (600 s),
# both from the seed corpus (scripts/fuzz-seeds.sh: tests/, examples/ and ../shared/corpus into
# the git-ignored fuzz/corpus/). FUZZ_TARGETS="fuzz_json" runs one target.
FUZZ_BUILD ?= $(BUILD)-fuzz
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 15
FUZZ_TARGETS ?= fuzz_json fuzz_template fuzz_expression fuzz_rules fuzz_policy
.PHONY: fuzz fuzz-build
fuzz-build: deps
	@scripts/install-deps.sh fuzz
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only" \
	  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only" \
	  -DARMLINT_SANITIZE=address,undefined -DARMLINT_BUILD_FUZZ=ON -DARMLINT_BUILD_TESTS=OFF \
	  -DARMLINT_BUILD_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)
	@scripts/fuzz-seeds.sh fuzz/corpus
fuzz-smoke: fuzz-build
	@fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)
fuzz: fuzz-build
	@fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
