# The two commands a person needs, from a fresh clone:
#   make run    sets everything up, builds the release bundle, serves it at http://127.0.0.1:8080
#   make test   sets everything up and runs every test: native, wasm in Chromium, end to end
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
WASM_ENV := target/wasm-toolchain.env
SYNTH := target/synth/enterprises-5000.json
# A synthetic province as IndexedDB rows of every kind (examples/synth_rows.rs): 300 enterprises
# for the tests, 5,000 (15,000 surveys, 15,000 self-assessments, 3,000 activities) for the benchmarks.
SYNTH_SOURCES := $(wildcard src/synth/*.rs src/model/*.rs src/form/*.rs data/*.json data/forms/*.json) src/store/summary.rs examples/synth_rows.rs
export PATH := $(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test setup setup-test build build-e2e size-check minimal-app serve test-native test-wasm test-e2e synth synth-bench bench clean

run: setup build serve

test: setup-test test-native build-e2e size-check test-wasm synth test-e2e

setup:
	bash scripts/setup.sh run

setup-test:
	bash scripts/setup.sh test

# The app's bundles are split: every page but the shell and the home page is a wasm chunk loaded
# on first use (src/ui/lazy_page.rs). SPLIT=1 turns the split points on (build.rs), and
# tools/split/wasm-bindgen, first on PATH, cuts the module before the real wasm-bindgen runs.
SPLIT_ENV := export SPLIT=1 PATH="$(CURDIR)/tools/split:$$PATH"

# A release build compiles std with the app, optimised for size, when setup found std's
# sources (NSCL_RELEASE_STD, scripts/setup.sh): 10 KB off the first download, gzipped.
RELEASE_STD := if [ -n "$${NSCL_RELEASE_STD:-}" ]; then export CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size; fi

build:
	source $(WASM_ENV) && $(SPLIT_ENV) && $(RELEASE_STD) && trunk build --release

# The end-to-end tests' bundle: the e2e profile (Cargo.toml), no wasm-opt pass, which only
# shrinks the download, and the test-hooks feature (a panic on purpose). Users get `build`.
build-e2e:
	source $(WASM_ENV) && $(SPLIT_ENV) && trunk build --cargo-profile e2e --features test-hooks

# The first download must stay small: the test bundle's initial download against its budget
# (docs/size-budget.json), with the size of every on-demand part printed.
size-check:
	node scripts/bundle-size.mjs dist test-bundle

serve:
	node scripts/serve.mjs dist $(PORT)

# The app and the spreadsheet worker's crate (crates/spreadsheet: XLSX written and read back,
# proptests of its readers); the worker's dependencies compile once per profile.
test-native:
	cargo test --locked --workspace

# Debian's route builds std from source, and tests need its `test` crate too.
test-wasm:
	source $(WASM_ENV) && \
	if [ -n "$${CARGO_UNSTABLE_BUILD_STD:-}" ]; then export CARGO_UNSTABLE_BUILD_STD=std,panic_abort,test; fi && \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
	cargo test --locked --profile e2e --target wasm32-unknown-unknown --test web

# Each data set is made again only when the sources it comes from change (scripts/cached.sh keeps
# a hash of them). The test sets use the dev profile, whose compiled dependencies `cargo test`
# has just built; the benchmark's 5,000-enterprise province is worth a release build.
SYNTH_SMALL_CMD := cargo run --locked --quiet --example synth_rows -- target/synth/province-300/ 300 7
SYNTH_LEGACY_CMD := cargo run --locked --quiet --example synth_province -- 5000 1322
synth:
	bash scripts/cached.sh target/synth/province-300/.sources target/synth/province-300/activity.json $(SYNTH_SOURCES) Cargo.lock -- $(SYNTH_SMALL_CMD)
	bash scripts/cached.sh target/synth/legacy-5000.sources $(SYNTH) src/synth/mod.rs src/model/*.rs examples/synth_province.rs Cargo.lock -- \
		bash -c '$(SYNTH_LEGACY_CMD) > $(SYNTH).tmp && mv $(SYNTH).tmp $(SYNTH)'
	# An enterprise list as XLSX for the import's spec (1,000 rows: 5 bad, 3 with the register's tax codes).
	bash scripts/cached.sh target/synth/enterprise-list-1000.sources target/synth/enterprise-list-1000.xlsx crates/spreadsheet/examples/enterprise_list.rs target/synth/province-300/enterprise.json Cargo.lock -- \
		cargo run --locked --quiet -p spreadsheet --example enterprise_list -- target/synth/enterprise-list-1000.xlsx 1000 target/synth/province-300/enterprise.json
synth-bench: synth
	bash scripts/cached.sh target/synth/province-5000/.sources target/synth/province-5000/activity.json $(SYNTH_SOURCES) Cargo.lock -- \
		cargo run --locked --quiet --release --example synth_rows -- target/synth/province-5000/ 5000 1322 3000
	# The merged province since 1/7/2025 (issue 16): 13,000 enterprises over 102 communes and wards,
	# 39,000 surveys, 39,000 self-assessments, at least 3,000 activities.
	bash scripts/cached.sh target/synth/province-13000/.sources target/synth/province-13000/activity.json $(SYNTH_SOURCES) Cargo.lock -- \
		cargo run --locked --quiet --release --example synth_rows -- target/synth/province-13000/ 13000 2025 3000 merged
	# 5,000 rows for the import benchmark (tests/e2e/bench/spreadsheet-bench.mjs).
	bash scripts/cached.sh target/synth/enterprise-list-5000.sources target/synth/enterprise-list-5000.xlsx crates/spreadsheet/examples/enterprise_list.rs Cargo.lock -- \
		cargo run --locked --quiet -p spreadsheet --example enterprise_list -- target/synth/enterprise-list-5000.xlsx 5000

# Two runs: the independent specs two at a time, then those that need the machine alone
# (playwright.config.js). Both always run; either failing fails the target. A CI run keeps only
# the end of its log, which the second run fills: the failed tests of both runs, with the first
# lines of each error, are repeated last.
E2E_LOG := $(CURDIR)/target/e2e
test-e2e: synth
	mkdir -p "$(E2E_LOG)"
	cd tests/e2e && status=0; \
	npx playwright test --project=parallel 2>&1 | tee "$(E2E_LOG)/parallel.log" || status=1; \
	npx playwright test --project=alone --workers=1 2>&1 | tee "$(E2E_LOG)/alone.log" || status=1; \
	if [ $$status -ne 0 ]; then node ../../scripts/e2e-failures.mjs "$(E2E_LOG)/parallel.log" "$(E2E_LOG)/alone.log"; fi; \
	exit $$status

# Numbers for docs/benchmarks.md: bundle size, load time, search latency at 5,000 enterprises,
# 15,000 surveys and 15,000 self-assessments; the form renderer with 150 questions and a 100-row repeat.
# The smallest Leptos app built the same way, the yardstick for the cold open (bench/minimal-app).
minimal-app:
	source $(WASM_ENV) && $(RELEASE_STD) && export CARGO_TARGET_DIR="$(CURDIR)/target/web-minimal" && \
	cd bench/minimal-app && cargo fetch --locked --quiet && trunk build --release --dist "$(CURDIR)/target/minimal-dist"
	node -e "import('./scripts/precompress.mjs').then((m) => m.precompress('target/minimal-dist'))"

bench: setup setup-test build synth-bench minimal-app
	node scripts/bundle-size.mjs --brotli dist release
	node tests/e2e/bench/registry-bench.mjs
	BENCH_SCALE=13000 node tests/e2e/bench/registry-bench.mjs
	node tests/e2e/bench/survey-bench.mjs
	node tests/e2e/bench/sync-bench.mjs
	node tests/e2e/bench/readiness-bench.mjs
	node tests/e2e/bench/dashboard-bench.mjs
	BENCH_SCALE=13000 node tests/e2e/bench/dashboard-bench.mjs
	node tests/e2e/bench/spreadsheet-bench.mjs
	node tests/e2e/bench/split-bench.mjs

clean:
	rm -rf dist target/web target/synth
