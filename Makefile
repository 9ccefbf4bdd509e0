# make run   build patio (release) and start it on the bundled Profiles/
# make test  check the formatting (make format-check), then run the whole test suite
# make format  format the Swift sources in place (.swift-format holds the rules)
# Both install libedit-dev first when pkg-config cannot find libedit.

export PATH := /opt/swift/usr/bin:$(PATH)
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps clean format format-check

deps:
	@pkg-config --exists libedit || { \
		echo "Installing libedit-dev (line editing)…"; \
		$(SUDO) apt-get install -y libedit-dev || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libedit-dev; }; \
	}

build: deps
	$(SWIFT) build -c release --product patio

run: build
	.build/release/patio

SWIFT_FORMAT ?= swift-format
FORMATTED := Sources Tests Package.swift

format:
	$(SWIFT_FORMAT) format --in-place --parallel --recursive $(FORMATTED)

# Fails on any difference from what 'make format' would write.
format-check:
	@$(SWIFT_FORMAT) lint --strict --parallel --recursive $(FORMATTED) || { \
		echo "Formatting differs from .swift-format: run 'make format'."; exit 1; }

test: deps format-check
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
