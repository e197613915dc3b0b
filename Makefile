# The two commands the README promises: `make run` and `make test`. Both install libicu-dev if missing.
SWIFT ?= swift
SAMPLE_BODY := {"uuid": "2274eded-bb92-4813-94c1-ad323a69b064", "code": 2104, "message": "Insufficient funds", "traceId": "1d6973b1-8fcb-4dd8"}

.PHONY: dependencies build run test validate test-thread-sanitizer

dependencies:
	@scripts/ensure-dependencies.sh

build: dependencies
	$(SWIFT) build -c release --product checkout-messages

# Resolves a sample charge error in English and German. (The HTTP service will take over this target.)
run: build
	.build/release/checkout-messages resolve --status 400 --body '$(SAMPLE_BODY)' --locale en --json
	.build/release/checkout-messages resolve --status 400 --body '$(SAMPLE_BODY)' --locale de-AT

# Unit, router and live tests, then the OpenAPI contract checked against a running server.
test: dependencies
	$(SWIFT) test
	scripts/api-contract-test.sh

# The translators' check over the shipped catalog; warnings fail too.
validate: dependencies
	$(SWIFT) run checkout-messages validate --strict

# Not part of `make test` (a separate full build); run before declaring concurrency work done.
test-thread-sanitizer: dependencies
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan
