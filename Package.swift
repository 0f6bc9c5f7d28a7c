// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "backtriage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "backtriage", targets: ["backtriage"]),
        .library(name: "TriageKit", targets: ["TriageKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The engine: questionnaire model, expression language, rules, verification. No terminal code.
        .target(
            name: "TriageKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Fuzzing harness: libFuzzer entry point in fuzz builds (make fuzz), a corpus replayer otherwise.
        .executableTarget(name: "backtriage-fuzz", dependencies: ["TriageKit"]),
        // The engine alone, in-process, for `make bench`.
        .executableTarget(name: "backtriage-bench", dependencies: ["TriageKit"]),
        // The command line: wiring only.
        .executableTarget(
            name: "backtriage",
            dependencies: [
                "TriageKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TriageKitTests",
            dependencies: ["TriageKit"]
        ),
    ]
)
