# The two commands a person needs, from a fresh clone:
#   make run    sets everything up, builds the release bundle, serves it at http://127.0.0.1:8080
#   make test   sets everything up and runs every test: native, wasm in Chromium, end to end
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
WASM_ENV := target/wasm-toolchain.env
SYNTH := target/synth/enterprises-5000.json
SYNTH_SURVEYS := target/synth/surveys-15000.json
export PATH := $(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test setup setup-test build serve test-native test-wasm test-e2e synth bench clean

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

synth: $(SYNTH) $(SYNTH_SURVEYS)
$(SYNTH): src/synth.rs examples/synth_province.rs
	mkdir -p $(dir $@)
	cargo run --locked --quiet --release --example synth_province -- 5000 1322 > $@.tmp && mv $@.tmp $@

$(SYNTH_SURVEYS): src/synth.rs $(wildcard src/form/*.rs) examples/synth_surveys.rs data/forms/field_survey.json
	mkdir -p $(dir $@)
	cargo run --locked --quiet --release --example synth_surveys -- 5000 3 1322 > $@.tmp && mv $@.tmp $@

test-e2e: synth
	cd tests/e2e && npx playwright test

# Numbers for docs/benchmarks.md: bundle size, load time, search latency at 5,000 enterprises
# and 15,000 surveys; the form renderer with 150 questions and a 100-row repeat.
bench: setup-test build synth
	node tests/e2e/bench/registry-bench.mjs
	node tests/e2e/bench/survey-bench.mjs

clean:
	rm -rf dist target/web target/synth
