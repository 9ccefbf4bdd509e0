// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Patio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "patio", targets: ["patio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
        .target(name: "LineEditor", dependencies: ["CEditLine", "CEditLineShim"]),
        .target(name: "Shell"),
        .executableTarget(name: "patio", dependencies: [
            "Shell", "LineEditor",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell"], exclude: ["Transcripts"]),
        .testTarget(name: "PatioTests", dependencies: ["patio"]),
    ]
)
