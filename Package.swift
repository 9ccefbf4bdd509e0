// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Patio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "patio", targets: ["patio"]),
        .executable(name: "patio-bench", targets: ["patio-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
        .target(name: "LineEditor", dependencies: ["CEditLine", "CEditLineShim"]),
        // The solvers run optimised even in debug builds: the test suite checks
        // them against brute force and their own certificates on thousands of cases.
        .target(name: "Matching", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Community", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Matchmaker", dependencies: ["Community", "Matching"]),
        .target(name: "Ledger", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Shell", dependencies: ["Community", "Matching", "Matchmaker", "Ledger"]),
        .executableTarget(
            name: "patio",
            dependencies: [
                "Shell", "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "patio-bench", dependencies: ["Matching", "Community", "Matchmaker"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "MatchingTests", dependencies: ["Matching"]),
        .testTarget(name: "CommunityTests", dependencies: ["Community"], exclude: ["Fixtures"]),
        .testTarget(name: "MatchmakerTests", dependencies: ["Matchmaker"]),
        .testTarget(
            name: "LedgerTests", dependencies: ["Ledger", "patio", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "ShellTests",
            dependencies: [
                "Shell", "Ledger", "Matchmaker", "Matching", "Community",
                .product(name: "GRDB", package: "GRDB.swift"),
            ], exclude: ["Transcripts"]),
        .testTarget(name: "PatioTests", dependencies: ["patio"]),
    ]
)
