# backtriage: `make run` builds and starts the questionnaire; `make test` runs every test.
PREFIX ?= /usr/local
SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/backtriage
# Debian packages the build and the tests need.
APT_PACKAGES = libncursesw5-dev pkg-config tmux

.PHONY: all deps build run test test-unit test-e2e install uninstall clean

all: build

deps:
	@missing=""; \
	pkg-config --exists ncursesw 2>/dev/null || missing="$$missing libncursesw5-dev pkg-config"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	  else \
	    echo "missing Debian packages:$$missing"; \
	    echo "run: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

run: build
	@$(BIN)

test: deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) test-e2e

test-unit: deps
	$(SWIFT) test

# End-to-end tests drive the real binary: pipes, files and tmux.
test-e2e: deps
	BACKTRIAGE=$(abspath .build/debug/backtriage) sh Tests/e2e/run.sh

install:
	$(SWIFT) build -c release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/backtriage
	install -m 0755 .build/release/backtriage $(DESTDIR)$(PREFIX)/bin/backtriage
	cp -R Questionnaires/. $(DESTDIR)$(PREFIX)/share/backtriage/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/backtriage
	rm -rf $(DESTDIR)$(PREFIX)/share/backtriage

clean:
	rm -rf .build
