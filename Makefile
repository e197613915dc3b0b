# The two commands the README promises: `make run` and `make test`. Both install libicu-dev if missing.
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: dependencies build run test validate validate-manifests test-thread-sanitizer contract-explore fuzz fuzz-smoke soak docs benchmark benchmark-library benchmark-http benchmark-brands

dependencies:
	@scripts/ensure-dependencies.sh

build: dependencies
	$(SWIFT) build -c release --product checkout-messages

# Starts the HTTP service on the embedded catalog (Ctrl-C or SIGTERM stops it gracefully).
run: build
	.build/release/checkout-messages serve --host $(HOST) --port $(PORT)

# Unit, router and live tests, then the OpenAPI contract checked against a running server.
test: dependencies
	$(SWIFT) test
	scripts/api-contract-test.sh

# Random exploration of the HTTP contract for CONTRACT_SECONDS (default 300) with a new, printed seed;
# `make test` runs the reproducible version (fixed seed, bounded examples).
contract-explore: dependencies
	scripts/api-contract-test.sh explore $(or $(CONTRACT_SECONDS),300)

# The translators' check over the shipped catalog; warnings fail too.
validate: dependencies
	$(SWIFT) run checkout-messages validate --strict

# The Kubernetes manifests in deploy/, offline: schemas of a pinned Kubernetes version (installs
# kubernetes-validate with pip if missing), the generated locale ConfigMap, and their consistency.
validate-manifests:
	scripts/validate-manifests.sh

# libFuzzer targets (Fuzz/, FUZZING.md) with AddressSanitizer, in .build-fuzz: FUZZ_SECONDS per target
# (default 300). `fuzz-smoke` is the short run CI makes (10 s each).
fuzz: dependencies
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),300)

fuzz-smoke: dependencies
	scripts/fuzz.sh 10

# A bounded mixed load with good and broken reloads, sampling RSS (SOAK_SECONDS, default 600).
soak: dependencies
	scripts/soak.sh $(or $(SOAK_SECONDS),600)

# The same suite under ThreadSanitizer, in a build folder of its own (CI runs it after `make test`).
test-thread-sanitizer: dependencies
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# The library's DocC documentation (Sources/CheckoutMessages/CheckoutMessages.docc), as a static site in .build/docs.
docs: dependencies
	$(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation --target CheckoutMessages \
		--disable-indexing --output-path .build/docs

# Benchmarks (see BENCHMARKS.md): never part of `make test`; CI does not fail on a timing.
benchmark: benchmark-library benchmark-http

# The benchmark targets exist only when CHECKOUT_MESSAGES_BENCHMARKS is set (Package.swift).
benchmark-library: dependencies
	CHECKOUT_MESSAGES_BENCHMARKS=1 $(SWIFT) build -c release --product checkout-messages-benchmark
	.build/release/checkout-messages-benchmark --breakdown

benchmark-http: dependencies
	scripts/benchmark-http.sh

# 1,000 brands of 5 keys × 3 locales against none: startup, RSS, reload time, branded ÷ unbranded requests/s.
benchmark-brands: dependencies
	scripts/benchmark-brands.sh
