# Sign-in Doctor. `make run` starts the app; `make test` runs every test. Both install what
# they need first (scripts/deps.sh), so a fresh Debian or Ubuntu machine needs nothing else.

GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION)
BIN      := bin/signin-doctor
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOCYCLO     := github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
# The cyclomatic complexity no function outside the tests may exceed.
MAX_COMPLEXITY := 15

.PHONY: run build test deps deps-test deps-bundle lint unit window-test bundle bundles bundle-test bench fuzz clean

run: deps build
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && command -v xvfb-run >/dev/null; then \
		echo "run: no display here: starting the window under Xvfb (xvfb-run); Ctrl-C ends it"; \
		xvfb-run -a $(BIN); \
	else \
		$(BIN); \
	fi

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/signin-doctor

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

deps-bundle:
	@scripts/deps.sh bundle

# Every test: formatting, vet (also for the Windows and macOS code of checks/ and internal/), staticcheck,
# the race-enabled test suite with its real peers required and the fuzzers' seed corpora, the
# helpdesk bundles built, the real window under Xvfb in Japanese and English (the Linux bundle's
# binary), and the bundles opened as IT would. Each stage's time is printed at the end
# (scripts/stages.sh).
#
# Nothing is built twice: Fyne's C parts take minutes on 2 cores, so each build of them is one
# the tests need. vet and staticcheck load the packages built for the race-enabled tests
# (-race), the window test runs the binary the Linux bundle was built with (fyne's release
# build: -trimpath, -O3 and hardening flags for C), and the Windows bundle is the only build for
# Windows.
TEST_BUNDLES := $(CURDIR)/.cache/test-bundles
test:
	@MAKE="$(MAKE)" SIGNIN_DOCTOR_TEST_BUNDLES="$(TEST_BUNDLES)" scripts/stages.sh deps deps-test deps-bundle lint unit bundles window-test bundle-test

lint:
	@echo "lint: gofmt"; out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	@echo "lint: go mod tidy -diff"; $(GO) mod tidy -diff || { echo "go.mod or go.sum is not tidy: run go mod tidy"; exit 1; }
	$(GO) vet -race ./...
	GOOS=windows $(GO) vet ./checks/... ./internal/...
	GOOS=darwin $(GO) vet ./checks/... ./internal/...
	GOBIN=$(CURDIR)/bin/tools $(GO) install $(STATICCHECK)
	GOFLAGS="$$GOFLAGS -race" bin/tools/staticcheck ./...
	@echo "lint: gocyclo -over $(MAX_COMPLEXITY) (non-test code)"; $(GO) run $(GOCYCLO) -over $(MAX_COMPLEXITY) -ignore '_test\.go$$' . || { echo "split the functions above: their cyclomatic complexity is over $(MAX_COMPLEXITY)"; exit 1; }

unit:
	SIGNIN_DOCTOR_REQUIRE_PEERS=1 $(GO) test -race -count=1 ./...

window-test:
	scripts/window-test.sh

# IT's helpdesk bundles in dist/: Linux .tar.xz, Windows .zip and .msi (scripts/bundle.sh says
# more). With SIGN_PKCS12=FILE.p12 and SIGN_PASSWORD_FILE=FILE (SIGN_TIMESTAMP_URL optional) the
# Windows .exe and .msi are signed (scripts/sign.sh); without them they are unsigned.
bundle: deps deps-bundle
	scripts/bundle.sh

# The bundles make test opens, built into $(TEST_BUNDLES) for window-test and bundle-test.
bundles:
	SIGNIN_DOCTOR_TEST_BUNDLES="$${SIGNIN_DOCTOR_TEST_BUNDLES:-$(TEST_BUNDLES)}" scripts/bundle-test.sh --build-only

bundle-test:
	scripts/bundle-test.sh

# The performance goals, each measured side by side with its yardstick in one run and printed
# as a ratio (scripts/bench.sh; root, the test peers and Xvfb; BENCHCOUNT runs, default 5).
bench: deps deps-test
	scripts/bench.sh

# Every fuzz target for FUZZTIME each (their seed corpora already run in make test).
FUZZTIME ?= 30s
fuzz:
	FUZZTIME="$(FUZZTIME)" scripts/fuzz.sh

clean:
	rm -rf bin dist .cache/test-bundles
