# SkillPlan: the two set-up commands of the README are `make plan` and `make test`.
# Both install the missing Debian packages first, then build with the Swift package manager.

SCENARIO ?= Scenarios/vietnam-2026-2035
EXPORTS  ?= Exports
DB       ?= skillplan.sqlite
SCALE    ?= national
APT_PACKAGES = libsqlite3-dev libxlsxwriter-dev zlib1g-dev coinor-libcbc-dev pkg-config
# The browser the portal's end-to-end test drives, and the load generator of `make loadtest`.
TEST_PACKAGES = chromium chromium-driver wrk
PORT     ?= 8080
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps test-deps build plan serve test bench loadtest reference clean

## Install the system libraries SkillPlan links against, if any is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## The browser and load generator of the tests (Debian's packages; nothing downloads a browser).
test-deps:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(TEST_PACKAGES)"

build: deps
	swift build

## The main job: validate, forecast, allocate, match and write every workbook for the bundled scenario.
plan: build
	swift run skillplan plan $(SCENARIO) --exports $(EXPORTS) --db $(DB)

## The planning portal on http://127.0.0.1:$(PORT)/ with a demo round and demo accounts (printed).
serve: build
	swift run skillplan serve --demo --db portal-demo.sqlite --port $(PORT)

## The tests: Swift Testing, then the Python tests that read the outputs back and drive the
## portal in chromium (Tests/Python/run).
test: deps test-deps
	swift test
	Tests/Python/run

## Stage timings and peak memory on synthetic scenarios (release build): every figure of the
## performance targets on three seeds, and the portal under load (BENCHMARKS.md).
BENCH_SEEDS ?= 2026,4242,7
bench: deps
	@$(MAKE) --no-print-directory deps APT_PACKAGES="wrk curl"
	swift build -c release
	.build/release/skillplan bench --scale $(SCALE) --seeds $(BENCH_SEEDS) --portal-load

## Page latency of the portal under 50 concurrent users while a national-scale plan runs (wrk, bounded).
loadtest: deps test-deps
	swift build -c release
	Benchmarks/portal-load.sh .build/release/skillplan

## The comparison with the Python reference implementations (creates a virtual environment).
reference: deps
	swift build -c release
	Benchmarks/run-reference.sh

clean:
	rm -rf .build $(DB) portal-demo.sqlite
	find $(EXPORTS) -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
