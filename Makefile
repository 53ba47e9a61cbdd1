# The two commands a new machine needs (each installs what it lacks first):
#   make serve   build and serve the app on http://127.0.0.1:8080
#   make test    every check and test layer, ending "N passed, N failed"
.PHONY: serve test setup build size bench

# scripts/env.sh is the one place the PATH is set (see docs/build.md).
PATH := $(shell . ./scripts/env.sh && printf '%s' "$$PATH")
export PATH

# The release build served as a static host serves it, by the same server
# the end-to-end tests use (which fail on any console error). Not
# `trunk serve`: its live-reload script is blocked by the app's CSP.
serve: build
	node scripts/serve-dist.mjs 8080 --brotli

test:
	scripts/test

setup:
	scripts/setup

build: setup
	trunk build --release --offline

size: build
	node scripts/size.mjs

bench:
	scripts/bench
