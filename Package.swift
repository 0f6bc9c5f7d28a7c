// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "backtriage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "backtriage", targets: ["backtriage"]),
        .library(name: "TriageKit", targets: ["TriageKit"]),
        .library(name: "TriageReport", targets: ["TriageReport"]),
        .library(name: "TriageSession", targets: ["TriageSession"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // The engine: the questionnaire model and its loader and checker, the expression language,
        // rules, verification, answers and their validation. Knows no screen and no sheet.
        .target(name: "TriageKit", dependencies: ["CLibYAML"]),
        // libyaml from the system; TriageKit composes its parser events into its own nodes.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The one result every output renders (`Report`), the presentation rules in words
        // (`Wording`), and the renderers: result text, JSON, the summary sheet as text, Markdown
        // and HTML, and FHIR.
        .target(name: "TriageReport", dependencies: ["TriageKit"]),
        // What both interfaces share: the session model (navigation, review, the emergency
        // interrupt, resume), the store of answers and sheets on disk, and the episode history
        // (check-ins over weeks) in SQLite.
        .target(name: "TriageSession", dependencies: ["TriageKit", "TriageReport", "CSQLite"]),
        // SQLite from the system, not a Swift wrapper package: those bring all of Foundation.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // ncursesw with a stateless shim for the macros and globals Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Termination signals and hang-ups of the full-screen interface, in C: the flag a signal
        // handler sets must be defined once for the whole program, which a header cannot do.
        .target(name: "CSignals"),
        // The full-screen interface: state, a pure update, a pure render into a grid of cells,
        // widgets and screens as components; ncurses only paints. Knows nothing of back pain.
        .target(
            name: "TriageTUI",
            dependencies: ["TriageKit", "TriageReport", "TriageSession", "CNcursesw", "CSignals"]
        ),
        // The plain line mode: screen readers, pipes, dumb terminals.
        .target(name: "TriagePlain", dependencies: ["TriageKit", "TriageReport", "TriageSession"]),
        // Fuzzing harness: libFuzzer entry point in fuzz builds (make fuzz), a corpus replayer otherwise.
        .executableTarget(name: "backtriage-fuzz", dependencies: ["TriageKit"]),
        // The engine alone, in-process, for `make bench`.
        .executableTarget(name: "backtriage-bench", dependencies: ["TriageKit"]),
        // The command line: wiring only.
        .executableTarget(
            name: "backtriage",
            dependencies: [
                "TriageKit",
                "TriageReport",
                "TriageSession",
                "TriagePlain",
                "TriageTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures the tests of every target share: the shipped questionnaire, answer sets.
        .target(name: "TriageTestSupport", dependencies: ["TriageKit"], path: "Sources/TriageTestSupport"),
        .testTarget(name: "TriagePlainTests", dependencies: ["TriagePlain", "TriageSession", "TriageReport", "TriageKit", "TriageTestSupport"]),
        .testTarget(
            name: "TriageReportTests",
            dependencies: ["TriageReport", "TriageKit", "TriageTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            // Golden files are read and written through #filePath, so they stay plain files.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TriageTUITests",
            dependencies: ["TriageTUI", "TriagePlain", "TriageSession", "TriageReport", "TriageKit", "TriageTestSupport"],
            // Screen snapshots are read and written through #filePath, so they stay plain files.
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "TriageSessionTests",
            dependencies: ["TriageSession", "TriageReport", "TriageKit", "TriageTestSupport", "CSQLite"],
            // The schema of every earlier version, read through #filePath.
            exclude: ["Fixtures"]
        ),
        // The command line's own logic: the fast reading of the default command's options.
        .testTarget(name: "BacktriageTests", dependencies: ["backtriage", "TriageKit"]),
        .testTarget(
            name: "TriageKitTests",
            dependencies: ["TriageKit", "TriageTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            // Read through #filePath, so they stay plain files in the checkout.
            exclude: ["Fixtures"]
        ),
    ]
)
