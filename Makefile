# SkillPlan: the two set-up commands of the README are `make plan` and `make test`.
# Both install the missing Debian packages first, then build with the Swift package manager.

SCENARIO ?= Scenarios/vietnam-2026-2035
EXPORTS  ?= Exports
DB       ?= skillplan.sqlite
SCALE    ?= national
APT_PACKAGES = libsqlite3-dev libxlsxwriter-dev coinor-libcbc-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build plan test bench reference clean

## Install the system libraries SkillPlan links against, if any is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

## The main job: validate, forecast, allocate, match and write every workbook for the bundled scenario.
plan: build
	swift run skillplan plan $(SCENARIO) --exports $(EXPORTS) --db $(DB)

## The tests: Swift Testing, then the Python tests that read the outputs back (Tests/Python/run).
test: deps
	swift test
	Tests/Python/run

## Stage timings and peak memory on a synthetic scenario (release build).
bench: deps
	swift build -c release
	.build/release/skillplan bench --scale $(SCALE)

## The comparison with the Python reference implementations (creates a virtual environment).
reference: deps
	swift build -c release
	Benchmarks/run-reference.sh

clean:
	rm -rf .build $(EXPORTS)/*.xlsx $(DB)
