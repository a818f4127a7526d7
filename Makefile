# RelGraph: `make demo` draws the bundled graph and answers a query; `make test` passes the tests.
SWIFT ?= swift
RELGRAPH = .build/release/relgraph
GRAPH = Graphs/india-russia.yaml

.PHONY: setup build release install demo test tck-record fuzz ci graphs bench docs format clean

SIZES ?= S M L
# Release builds link the Swift runtime and Foundation statically: a command starts in half the
# time (docs/performance.md: start-up). lld packs the binary's 79,000 relative relocations (RELR,
# glibc 2.36+): the loader reads 34 KB of them instead of 1.9 MB (300 fewer page faults per
# command). Every release build uses the same flags, so none rebuilds another's.
RELEASE_BUILD = $(SWIFT) build -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs

setup:
	./scripts/setup

build: setup
	$(SWIFT) build

release: setup
	$(RELEASE_BUILD) --product relgraph

# Puts the release binary on the PATH: `make install` into /usr/local/bin (as root),
# `make install PREFIX="$HOME/.local"` into ~/.local/bin; DESTDIR stages it for a package.
PREFIX ?= /usr/local
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(RELGRAPH) "$(DESTDIR)$(PREFIX)/bin/relgraph"

# The main job: validate and draw the India–Russia graph, then ask how Yeltsin is tied to Amethi.
demo: release
	$(RELGRAPH) validate $(GRAPH)
	mkdir -p out
	$(RELGRAPH) render $(GRAPH) -o out/india-russia.svg
	$(RELGRAPH) render $(GRAPH) --lang hi -o out/india-russia.hi.png
	$(RELGRAPH) render $(GRAPH) -o out/india-russia.html
	@echo "drawn: out/india-russia.svg, out/india-russia.hi.png; open out/india-russia.html in a browser to explore"
	$(RELGRAPH) path $(GRAPH) "Boris Yeltsin" Amethi

test: setup
	$(SWIFT) build
	$(SWIFT) test
	# The Spark engine and the engines RelGraph exports to (spark/tests: Spark local[2] in one
	# session, DuckDB, pandas, FalkorDB), against the relgraph just built.
	RELGRAPH_BUILD=.build/debug .venv/bin/python3 -m pytest spark/tests -q -p no:cacheprovider

# The openCypher TCK's read-only scenarios (docs/TCK.md), run by `make test` against the committed
# floor and outcomes; this records a new run of them (after a change that makes more pass).
tck-record: setup
	RELGRAPH_TCK_RECORD=1 $(SWIFT) test --filter TCKTests

# Fuzzing (Fuzz/README.md): replays Fuzz/Regressions, then runs each libFuzzer target for
# FUZZ_SECONDS (`make fuzz FUZZ_SECONDS=600`); FUZZ_TARGETS picks some of Fuzz/run's targets (Fuzz/README.md).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run $(FUZZ_TARGETS)

# What CI runs (.ci/run): set-up, `make test` against the test floor, the suite under
# AddressSanitizer, the concurrency tests under ThreadSanitizer, the fuzz smoke run.
ci:
	.ci/run

# Regenerates the drawings committed under Graphs/ (a test fails when they are stale) and the
# screenshot of the page the README shows (taken in headless Chromium).
graphs: release
	$(RELGRAPH) render $(GRAPH) -o Graphs/india-russia.svg
	$(RELGRAPH) render $(GRAPH) --lang hi -o Graphs/india-russia.hi.svg
	$(RELGRAPH) render $(GRAPH) -o Graphs/india-russia.html
	.venv/bin/python3 Tests/Browser/page_driver.py "$(CURDIR)/Graphs/india-russia.html#focus=s-jaishankar" Graphs/india-russia.page '[{"screenshot": ""}]' >/dev/null

# Benchmarks (not part of `make test`): generate the seeded graphs that are missing, then time
# RelGraph, NetworkX, igraph and Kùzu (Cypher queries) on them side by side and print one table.
bench: setup
	$(RELEASE_BUILD) --product relgraph-bench
	$(RELEASE_BUILD) --product relgraph
	for size in $(SIZES); do \
	  [ -f Benchmarks/data/$$size.json ] || .build/release/relgraph-bench generate --size $$size --data Benchmarks/data || exit 1; \
	done
	.venv/bin/python3 Benchmarks/compare.py --sizes $(SIZES)
	# Start-up: whole-process commands on the bundled graph beside `dot -Tsvg` on the same drawing.
	$(RELEASE_BUILD) --product relgraph
	Benchmarks/startup.sh
	# The Spark engine (local[2]) beside relgraph on the 200k/1M graph, each command a whole
	# process, answers compared byte for byte, with where Spark's time and memory go.
	.venv/bin/python3 Benchmarks/spark_bench.py --size L
	# The differential test against Kùzu, ten times larger than in `make test`.
	RELGRAPH_DIFFERENTIAL_GRAPHS=3000 $(SWIFT) test --filter KuzuDifferentialTests

# Before/after in one sitting (Benchmarks/alternate.py): `make bench-ab BASELINE=<commit>` builds
# <commit>'s relgraph-bench with the same flags in a worktree under .build/ (`git worktree prune`
# after `make clean`), then runs both builds and the C floors in alternating processes, round after
# round, and prints the medians: CPU and wall time, peak memory, the load average.
AB_SIZE ?= L
AB_ROUNDS ?= 5
AB_DATA ?= Benchmarks/data
AB_OPERATIONS ?= "1000 shortest paths" "weak components" "100 two-hop reaches"
bench-ab:
	@test -n "$(BASELINE)" || { echo "usage: make bench-ab BASELINE=<commit> [AB_SIZE=L AB_ROUNDS=5 AB_DATA=… AB_OPERATIONS=…]"; exit 2; }
	$(RELEASE_BUILD) --product relgraph-bench
	[ -d .build/baseline-$(BASELINE) ] || git worktree add --detach .build/baseline-$(BASELINE) $(BASELINE)
	cd .build/baseline-$(BASELINE) && $(RELEASE_BUILD) --product relgraph-bench
	python3 Benchmarks/alternate.py --before .build/baseline-$(BASELINE)/.build/release/relgraph-bench \
	  --after .build/release/relgraph-bench --size $(AB_SIZE) --data $(AB_DATA) --rounds $(AB_ROUNDS) $(AB_OPERATIONS)

# The documentation of every library target in one archive (the umbrella's catalog,
# Sources/RelGraph/RelGraph.docc, links to the others), built with every warning an error.
DOC_TARGETS = RelGraph RelGraphCore RelGraphDocument RelGraphInterchange RelGraphCypher RelGraphSearch RelGraphGraphviz
docs:
	$(SWIFT) package --disable-sandbox generate-documentation --enable-experimental-combined-documentation \
	  $(addprefix --target ,$(DOC_TARGETS)) --warnings-as-errors

# Rewrites every Swift file in the house style (.swift-format); CI lints against it.
format:
	swift-format format -i --parallel -r Package.swift Sources Tests Benchmarks/Sources Fuzz/Sources Examples

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz out
