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
