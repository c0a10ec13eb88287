# The two commands a person needs, from a fresh clone:
#   make run    sets everything up, builds the release bundle, serves it at http://127.0.0.1:8080
#   make test   sets everything up and runs every test: native, wasm in Chromium, end to end
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
WASM_ENV := target/wasm-toolchain.env
SYNTH := target/synth/enterprises-5000.json
# A synthetic province as IndexedDB rows of every kind (examples/synth_rows.rs): 300 enterprises
# for the tests, 5,000 (15,000 surveys, 15,000 self-assessments) for the benchmarks.
PROVINCE_SMALL := target/synth/province-300/activity.json
PROVINCE := target/synth/province-5000/activity.json
SYNTH_SOURCES := $(wildcard src/synth/*.rs src/model/*.rs src/form/*.rs data/*.json data/forms/*.json) examples/synth_rows.rs
export PATH := $(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test setup setup-test build serve test-native test-wasm test-e2e synth synth-bench bench clean

run: setup build serve

test: setup-test test-native build test-wasm synth test-e2e

setup:
	bash scripts/setup.sh run

setup-test:
	bash scripts/setup.sh test

build:
	source $(WASM_ENV) && trunk build --release

serve:
	node scripts/serve.mjs dist $(PORT)

test-native:
	cargo test --locked

# Debian's route builds std from source, and tests need its `test` crate too.
test-wasm:
	source $(WASM_ENV) && \
	if [ -n "$${CARGO_UNSTABLE_BUILD_STD:-}" ]; then export CARGO_UNSTABLE_BUILD_STD=std,panic_abort,test; fi && \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
	cargo test --locked --target wasm32-unknown-unknown --test web

synth: $(SYNTH) $(PROVINCE_SMALL)
synth-bench: synth $(PROVINCE)
$(SYNTH): src/synth/mod.rs examples/synth_province.rs
	mkdir -p $(dir $@)
	cargo run --locked --quiet --release --example synth_province -- 5000 1322 > $@.tmp && mv $@.tmp $@

# activity.json is written last, so its presence means the whole set is there.
$(PROVINCE_SMALL): $(SYNTH_SOURCES)
	cargo run --locked --quiet --release --example synth_rows -- $(dir $@) 300 7

$(PROVINCE): $(SYNTH_SOURCES)
	cargo run --locked --quiet --release --example synth_rows -- $(dir $@) 5000 1322

test-e2e: synth
	cd tests/e2e && npx playwright test

# Numbers for docs/benchmarks.md: bundle size, load time, search latency at 5,000 enterprises,
# 15,000 surveys and 15,000 self-assessments; the form renderer with 150 questions and a 100-row repeat.
bench: setup-test build synth-bench
	node tests/e2e/bench/registry-bench.mjs
	node tests/e2e/bench/survey-bench.mjs

clean:
	rm -rf dist target/web target/synth
