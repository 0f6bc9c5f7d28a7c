// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "backtriage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "backtriage", targets: ["backtriage"]),
        .library(name: "TriageKit", targets: ["TriageKit"]),
        .library(name: "TriageTUI", targets: ["TriageTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // The engine: questionnaire model, expression language, rules, verification. No terminal code.
        .target(name: "TriageKit", dependencies: ["CLibYAML"]),
        // libyaml from the system; TriageKit composes its parser events into its own nodes.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // ncursesw with a stateless shim for the macros and globals Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The full-screen interface: state, update, render into a grid; ncurses only paints.
        .target(
            name: "TriageTUI",
            dependencies: ["TriageKit", "CNcursesw"]
        ),
        // The plain line mode: screen readers, pipes, dumb terminals.
        .target(name: "TriagePlain", dependencies: ["TriageKit"]),
        // Fuzzing harness: libFuzzer entry point in fuzz builds (make fuzz), a corpus replayer otherwise.
        .executableTarget(name: "backtriage-fuzz", dependencies: ["TriageKit"]),
        // The engine alone, in-process, for `make bench`.
        .executableTarget(name: "backtriage-bench", dependencies: ["TriageKit"]),
        // The command line: wiring only.
        .executableTarget(
            name: "backtriage",
            dependencies: [
                "TriageKit",
                "TriageTUI",
                "TriagePlain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TriagePlainTests", dependencies: ["TriagePlain", "TriageKit"]),
        .testTarget(
            name: "TriageKitTests",
            dependencies: ["TriageKit", .product(name: "PropertyBased", package: "swift-property-based")],
            // Read through #filePath, so they stay plain files in the checkout.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TriageTUITests",
            dependencies: ["TriageTUI", "TriageKit"]
        ),
    ]
)
