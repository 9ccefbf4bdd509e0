# make run   build patio (release) and start it on the bundled Profiles/
# make test  run the whole test suite
# Both install libedit-dev first when pkg-config cannot find libedit.

export PATH := /opt/swift/usr/bin:$(PATH)
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps bench clean

deps:
	@pkg-config --exists libedit || { \
		echo "Installing libedit-dev (line editing)…"; \
		$(SUDO) apt-get install -y libedit-dev || { $(SUDO) apt-get update && $(SUDO) apt-get install -y libedit-dev; }; \
	}

build: deps
	$(SWIFT) build -c release --product patio

run: build
	.build/release/patio

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
