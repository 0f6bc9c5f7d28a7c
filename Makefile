# backtriage: `make run` builds and starts the questionnaire; `make test` runs every test.
PREFIX ?= /usr/local
SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/backtriage
# Release builds link the Swift runtime and Foundation statically: the installed binary needs no
# toolchain beside it, starts in less than half the time and uses a third less memory.
RELEASE = -c release --static-swift-stdlib
# The C++ library the Swift runtime uses is linked into the release binary too, not loaded from
# libstdc++.so: binding that library's thousands of symbols was a seventh of the CPU time to the
# first frame. SwiftPM's link line for a static standard library asks for -lstdc++; a linker
# script by that name, found first, points it at the static archive. Only for the backtriage
# product: the fuzz target links ICU, which needs the C++ library later on the line. Without
# libstdc++.a (libstdc++-12-dev) the binary loads libstdc++.so as before.
CLANG ?= clang
STATIC_CXX_DIR = $(abspath .build/static-libstdc++)
STATIC_CXX = -Xlinker -L$(STATIC_CXX_DIR)
# Debian packages the build and the tests need (libyaml-dev is the YAML parser; libsqlite3-dev
# the store of the episode history; chromium and
# poppler-utils render and count the pages of the HTML summary sheet; strace proves a session
# opens no socket; man-db shows the installed man page; zsh and fish try the installed
# completions; cups and printer-driver-cups-pdf print a sheet through a real CUPS into a PDF).
APT_PACKAGES = libncursesw5-dev libyaml-dev libsqlite3-dev pkg-config tmux chromium poppler-utils strace man-db zsh fish \
  cups printer-driver-cups-pdf
# The Python the end-to-end tests use: a virtual environment with fhir.resources and fhirpathpy.
VENV = .venv
PYTHON = $(abspath $(VENV))/bin/python3

# Where `make test` installs the release build to run the end-to-end tests against what ships.
SHIPPED = $(abspath .build-shipped)

.PHONY: all deps venv static-cxx build run test test-unit test-cases test-e2e test-e2e-release test-sanitize fuzz bench golden content-diff install uninstall clean

all: build

deps:
	@missing=""; \
	pkg-config --exists ncursesw 2>/dev/null || missing="$$missing libncursesw5-dev pkg-config"; \
	pkg-config --exists yaml-0.1 2>/dev/null || missing="$$missing libyaml-dev pkg-config"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev pkg-config"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdfinfo >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v strace >/dev/null 2>&1 || missing="$$missing strace"; \
	command -v man >/dev/null 2>&1 || missing="$$missing man-db"; \
	command -v zsh >/dev/null 2>&1 || missing="$$missing zsh"; \
	command -v fish >/dev/null 2>&1 || missing="$$missing fish"; \
	[ -x /usr/sbin/cupsd ] || missing="$$missing cups"; \
	[ -x /usr/lib/cups/backend/cups-pdf ] || missing="$$missing printer-driver-cups-pdf"; \
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

static-cxx:
	@archive=$$($(CLANG) -print-file-name=libstdc++.a 2>/dev/null); \
	if [ -f "$$archive" ]; then mkdir -p $(STATIC_CXX_DIR) && echo "INPUT($$archive)" > $(STATIC_CXX_DIR)/libstdc++.so; \
	else echo "libstdc++.a not found: the release binary will load libstdc++.so"; rm -rf $(STATIC_CXX_DIR); fi

run: build
	@$(BIN)

test: deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) test-cases
	$(MAKE) test-e2e
	$(MAKE) test-e2e-release

test-unit: deps
	$(SWIFT) test

# The shipped questionnaire's own cases (Questionnaires/back-pain/cases), through the command
# questionnaire authors run.
test-cases:
	.build/debug/backtriage test --questionnaires Questionnaires back-pain

# The record of the content change from 2.0.0 to the shipped version: what it does to results.
CONTENT_DIFF = docs/content-diff-2.0.0-3.0.0.md
content-diff:
	$(SWIFT) build $(RELEASE)
	{ echo "# What the content change from 2.0.0 to the shipped version does to results"; echo; \
	  echo "Made by \`make content-diff\` (\`backtriage diff docs/content-history/back-pain-2.0.0 Questionnaires/back-pain\`);"; \
	  echo "see docs/questionnaire-format.md for how to read it, and docs/content-3.0.0-reasons.md for the reasons"; \
	  echo "behind the lowered level and the changes a diff over answers cannot count."; echo; echo '```'; \
	  BACKTRIAGE_TODAY=2026-11-23 .build/release/backtriage diff --lang en --allow-lower --samples 100000 \
	    docs/content-history/back-pain-2.0.0 Questionnaires/back-pain; echo '```'; } > $(CONTENT_DIFF)

# Python packages of the tests, in a virtual environment and not system-wide: fhir.resources
# validates the FHIR output, fhirpathpy evaluates its FHIRPath (the derived values), PyYAML reads
# the questionnaire, pyte renders terminal output, icalendar parses the reminders `remind --ics`
# writes.
VENV_PACKAGES = "fhir.resources>=8,<9" "fhirpathpy>=2,<3" pyyaml pyte "icalendar>=6,<8"
venv: $(VENV)/.installed

# Made again when the Makefile changes, so a package added here reaches an existing .venv.
$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet $(VENV_PACKAGES)
	touch $@

# End-to-end tests drive the real binary: pipes, files and tmux.
test-e2e: deps venv
	BACKTRIAGE=$(abspath .build/debug/backtriage) PYTHON=$(PYTHON) sh Tests/e2e/run.sh

# The same tests against what `make install` ships: the release build with the Swift runtime
# linked statically, installed with its questionnaires. Version 1's release build ignored SIGTERM
# while every test of the debug build passed.
test-e2e-release: deps venv
	rm -rf $(SHIPPED)
	$(MAKE) install PREFIX=$(SHIPPED)
	BACKTRIAGE=$(SHIPPED)/bin/backtriage BACKTRIAGE_SHIPPED=1 PYTHON=$(PYTHON) sh Tests/e2e/run.sh

# The unit tests under the address and the thread sanitizer. Swift's multi-payload enums hide
# pointers from LeakSanitizer, so leak detection (not address checking) is off.
test-sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# libFuzzer on the questionnaire loader, the expression parser and the answer-file reader,
# FUZZ_SECONDS each. Crashes land in Fuzz/crashes/; copy each into Fuzz/regressions/<target>/
# once fixed, where `make test` replays it.
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --product backtriage-fuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
	@mkdir -p Fuzz/crashes
	@for t in questionnaire expression answers; do \
	  work=.build-fuzz/corpus-$$t; mkdir -p $$work; cp Fuzz/corpus/$$t/* $$work/; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 BACKTRIAGE_FUZZ_TARGET=$$t BACKTRIAGE_QUESTIONNAIRES=$(abspath Questionnaires) \
	    .build-fuzz/debug/backtriage-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=Fuzz/crashes/$$t- $$work 2>&1 \
	    | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)" || exit 1; \
	done

# Speed and memory of a release build, side by side with dialog; writes BENCHMARKS.md.
# The comparisons (dialog for the first frame, jq for batch evaluation, GNU parallel for the
# filter's speed-up) are measured in the same run, so the ratios hold for this machine and load;
# GNU time gives the peak memory. BASELINE=path/to/an/earlier/backtriage adds its times and
# checks that this build's output is byte-identical to it on the benchmark's answer sets.
bench: deps venv static-cxx
	@for tool in dialog jq parallel; do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ]; then apt-get install -y -qq $$missing >/dev/null; fi
	$(SWIFT) build $(RELEASE) --product backtriage-bench
	$(SWIFT) build $(RELEASE) $(STATIC_CXX) --product backtriage
	BENCH_BASELINE=$(BASELINE) $(PYTHON) bench/bench.py

# Rewrites the golden files (summary sheets, screen snapshots) after an intended change. The
# run that rewrites fails on purpose, naming each file: review the diff, then run make test.
golden:
	UPDATE_GOLDEN=1 $(SWIFT) test --filter 'SheetGolden|ScreenSnapshot'

# The installed binary is stripped: symbols and debug information are most of a static build's
# size and nothing a user runs needs them (the build folder keeps the unstripped one). The man
# page is the hand-written docs/man/backtriage.1.in with the commands and options generate-manual
# writes from the argument definitions merged in, and the shell completions are generated from the
# same definitions with docs/completions/top-level.* added (the default command's options at the
# top level), so neither can drift from the options.
MAN1 = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
install: static-cxx
	$(SWIFT) build $(RELEASE) $(STATIC_CXX) --product backtriage
	$(SWIFT) build $(RELEASE) --product generate-manual
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/backtriage $(MAN1) $(BASH_COMPLETIONS) $(ZSH_COMPLETIONS) $(FISH_COMPLETIONS)
	install -s -m 0755 .build/release/backtriage $(DESTDIR)$(PREFIX)/bin/backtriage
	cp -R Questionnaires/. $(DESTDIR)$(PREFIX)/share/backtriage/
	rm -rf .build/release/man && mkdir -p .build/release/man
	.build/release/generate-manual .build/release/backtriage --output-directory .build/release/man
	sh docs/man/merge-man.sh .build/release/man/backtriage.1 docs/man/backtriage.1.in > $(MAN1)/backtriage.1
	{ .build/release/backtriage --generate-completion-script bash; cat docs/completions/top-level.bash; } > $(BASH_COMPLETIONS)/backtriage
	{ .build/release/backtriage --generate-completion-script zsh \
	    | sed '/^if \[\[ "$${funcstack\[1\]}" = _backtriage \]\]; then$$/,$$d'; cat docs/completions/top-level.zsh; } > $(ZSH_COMPLETIONS)/_backtriage
	{ .build/release/backtriage --generate-completion-script fish; cat docs/completions/top-level.fish; } > $(FISH_COMPLETIONS)/backtriage.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/backtriage $(MAN1)/backtriage.1 $(BASH_COMPLETIONS)/backtriage \
	  $(ZSH_COMPLETIONS)/_backtriage $(FISH_COMPLETIONS)/backtriage.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/backtriage

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz $(SHIPPED) $(VENV)
