# The README's commands: `make demo` and `make test` set everything up on a fresh Debian machine.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ARMLINT = $(BUILD)/armlint

.PHONY: all deps configure build demo test bench format docs clean test-sanitize fuzz-smoke

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Lints the bundled examples. armlint exits 1 when it finds violations, as it does here; the
# target prints that code and succeeds, since finding them is the point of the demo.
demo: build
	@echo "\$$ armlint examples/"
	@$(ARMLINT) examples/; code=$$?; echo; echo "armlint exited with code $$code (0 clean, 1 findings, 2 errors)"; \
	  test $$code -le 1

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@scripts/bench-corpus.sh $(ARMLINT)

docs: build
	@$(ARMLINT) rules --format markdown > docs/rules.md
	@echo "docs/rules.md regenerated"

format:
	@git ls-files '*.cc' '*.h' '*.hpp' '*.c' | xargs clang-format -i

clean:
	rm -rf $(BUILD)

# The tests that share one engine between threads (issue 7), under ThreadSanitizer, in their own
# build directory. setarch -R: TSan's memory layout needs ASLR off on kernels with high mmap
# randomisation ("unexpected memory mapping").
.PHONY: test-tsan
test-tsan: deps
	@cmake -S . -B $(BUILD)-tsan -DCMAKE_BUILD_TYPE=Debug -DARMLINT_SANITIZE=thread \
	  -DARMLINT_BUILD_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD)-tsan -j $(JOBS) --target armlint_tests armlint_c_api_test
	@TSAN_OPTIONS=halt_on_error=1 setarch $$(uname -m) -R \
	  $(BUILD)-tsan/tests/armlint_tests --gtest_filter='EngineThreads.*:CApi.*'
	@TSAN_OPTIONS=halt_on_error=1 setarch $$(uname -m) -R $(BUILD)-tsan/tests/api/armlint_c_api_test
