// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RelGraph",
    products: [
        .library(name: "RelGraph", targets: ["RelGraph"]),
        .library(name: "RelGraphGraphviz", targets: ["RelGraphGraphviz"]),
        .executable(name: "relgraph", targets: ["RelGraphCLI"]),
        .executable(name: "relgraph-bench", targets: ["RelGraphBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
        // `relgraph serve`'s HTTP and WebSocket server (no further dependencies).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // libyaml, the C YAML parser, from the system (Debian: libyaml-dev).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The processor's prefetch hint, for lookups in large tables (Swift has no portable form).
        .target(name: "CPrefetch"),
        // The library, in layers the compiler keeps apart (docs/internals.md, "Code map"): each target may
        // import only the ones listed as its dependencies.
        // The storage and its mapped form (snapshots), traversal queries, and output files.
        .target(name: "RelGraphCore", dependencies: ["CPrefetch"]),
        // Search over ids and labels in every language.
        .target(name: "RelGraphSearch", dependencies: ["RelGraphCore"]),
        // Graph documents (YAML, JSON): reading with located problems, and writing.
        .target(name: "RelGraphDocument", dependencies: ["RelGraphCore", "CLibYAML"]),
        // Every other format's reader and writer (GraphML, GEXF, neo4j-csv, Cypher, DOT text).
        .target(name: "RelGraphInterchange", dependencies: ["RelGraphCore", "RelGraphDocument"]),
        // The read-only openCypher subset: parser, planner, executor.
        .target(name: "RelGraphCypher", dependencies: ["RelGraphCore"]),
        // The umbrella: `import RelGraph` brings every library target, and reading a graph from a path.
        .target(
            name: "RelGraph",
            dependencies: ["RelGraphCore", "RelGraphSearch", "RelGraphDocument", "RelGraphInterchange", "RelGraphCypher"]
        ),
        // Graphviz's C libraries, from the system (Debian: libgraphviz-dev).
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Graphviz 2.42's message path crashes on messages of 1,024 bytes or more; this C
        // target takes over the functions that raise them (see its message_guard.c).
        .target(
            name: "CGraphvizGuard",
            dependencies: ["CGraphviz"],
            linkerSettings: [.linkedLibrary("dl")]
        ),
        // fontconfig (which installed font draws which characters) and HarfBuzz's subsetter
        // (fonts cut down to a page's characters), from the system (Debian: libfontconfig-dev,
        // libharfbuzz-dev); only RelGraphGraphviz's Fonts/ folder calls them.
        .systemLibrary(
            name: "CFontTools",
            pkgConfig: "harfbuzz-subset",
            providers: [.apt(["libfontconfig-dev", "libharfbuzz-dev"])]
        ),
        // The one small module that calls into Graphviz, behind one lock.
        // The interactive page's script and style (Page/*.js, Page/*.css) are embedded as Swift
        // strings by a build tool, so the binary needs no resource bundle.
        .target(
            name: "RelGraphGraphviz",
            dependencies: ["RelGraphCore", "RelGraphInterchange", "CGraphviz", "CGraphvizGuard", "CFontTools"],
            exclude: ["Page"],
            plugins: [.plugin(name: "PageAssetsPlugin")]
        ),
        .executableTarget(name: "EmbedPageAssets"),
        .plugin(name: "PageAssetsPlugin", capability: .buildTool(), dependencies: ["EmbedPageAssets"]),
        // The table of files being written and the signal handler that removes them: C, so that
        // the handler never reaches the Swift runtime (see its header).
        .target(name: "CUnfinishedFiles"),
        // `relgraph`: a thin shell over the two libraries.
        .executableTarget(
            name: "RelGraphCLI",
            dependencies: [
                "RelGraph",
                "RelGraphGraphviz",
                "CUnfinishedFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // Benchmarks: a seeded graph generator and in-process timings (see Benchmarks/README.md).
        .executableTarget(
            name: "RelGraphBench",
            dependencies: [
                "RelGraph",
                "RelGraphGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/RelGraphBench"
        ),
        // The getting-started article's program (Sources/RelGraph/RelGraph.docc), built and run by the tests.
        .executableTarget(
            name: "GettingStarted",
            dependencies: ["RelGraph", "RelGraphGraphviz"],
            path: "Examples/GettingStarted"
        ),
        // Fixtures shared by the test targets: the bundled graph, a graph of tricky texts.
        .target(name: "RelGraphTestSupport", dependencies: ["RelGraph"], path: "Tests/Support"),
        .testTarget(
            name: "RelGraphTests",
            dependencies: [
                "RelGraph", "RelGraphCore", "RelGraphDocument", "RelGraphInterchange", "RelGraphCypher", "RelGraphSearch",
                "RelGraphTestSupport",
            ]
        ),
        .testTarget(name: "GraphvizTests", dependencies: ["RelGraph", "RelGraphGraphviz", "RelGraphTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["RelGraph", "RelGraphCLI", "RelGraphBench", "GettingStarted", "RelGraphTestSupport"]),
        // The openCypher TCK's read-only scenarios, read at test time from outside the repository
        // (RELGRAPH_TCK, else ../shared/tck); docs/TCK.md holds the last recorded table.
        .testTarget(name: "TCKTests", dependencies: ["RelGraph", "RelGraphTestSupport"]),
    ]
)

// libFuzzer targets (Fuzz/README.md), only when RELGRAPH_FUZZ is set: `make fuzz` builds them
// with `-sanitize=fuzzer,address` in .build-fuzz. A normal build never sees them, so none is
// built or linked without libFuzzer's `main`.
if Context.environment["RELGRAPH_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzYAML", ["RelGraph"]),
        ("FuzzJSON", ["RelGraph", "RelGraphDocument"]),
        ("FuzzDOT", ["RelGraph", "RelGraphGraphviz"]),
        ("FuzzNeo4jCSV", ["RelGraph", "RelGraphInterchange"]),
        ("FuzzGraphML", ["RelGraph"]),
        ("FuzzGEXF", ["RelGraph"]),
        ("FuzzQueries", ["RelGraph"]),
        ("FuzzCypher", ["RelGraph"]),
        ("FuzzSnapshot", ["RelGraph"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["RelGraph"], path: "Fuzz/Sources/FuzzSupport"))
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: target.name, dependencies: target.dependencies + ["FuzzSupport"], path: "Fuzz/Sources/\(target.name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
