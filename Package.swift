// swift-tools-version:6.1

import PackageDescription

let package = Package(
    name: "Opine",
    products: [
        .library(name: "OpineText", targets: ["OpineText"]),
        .library(name: "OpineSentiment", targets: ["OpineSentiment"]),
        .library(name: "OpineBatch", targets: ["OpineBatch"]),
        .library(name: "OpineEngagement", targets: ["OpineEngagement"]),
        .library(name: "OpineAspects", targets: ["OpineAspects"]),
        .executable(name: "opine", targets: ["opine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // The thin C layer over ICU. Its public header uses only C standard types, so it
        // never clashes with the ICU headers that Foundation bundles on Linux, and its
        // implementation calls ICU's version-suffixed symbols through ICU's own macros.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        // libstemmer (Snowball) ships no pkg-config file: the module map links `stemmer`.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "OpineText",
            dependencies: ["CICU", "CStemmer"]
        ),
        .target(
            name: "OpineSentiment",
            dependencies: ["OpineText"]
        ),
        // zlib, for reading and writing gzip-compressed exports (`opine batch`).
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "OpineBatch",
            dependencies: ["OpineSentiment", "OpineText", "CZlib"]
        ),
        .target(
            name: "OpineAspects",
            dependencies: ["OpineSentiment", "OpineText"]
        ),
        .target(
            name: "OpineEngagement",
            dependencies: ["OpineSentiment", "OpineText"]
        ),
        .executableTarget(
            name: "opine",
            dependencies: [
                "OpineText",
                "OpineSentiment",
                "OpineAspects",
                "OpineBatch",
                "OpineEngagement",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "opine-benchmarks",
            dependencies: ["OpineText", "OpineSentiment", "CICU"],
            path: "Benchmarks/OpineBenchmarks"
        ),
        .testTarget(
            name: "OpineTextTests",
            dependencies: ["OpineText"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "OpineCLITests",
            dependencies: ["opine"]
        ),
        .testTarget(
            name: "OpineBatchTests",
            dependencies: ["OpineBatch", "OpineSentiment"]
        ),
        .testTarget(
            name: "OpineAspectsTests",
            dependencies: ["OpineAspects", "OpineSentiment", "OpineText"]
        ),
        .testTarget(
            name: "OpineEngagementTests",
            dependencies: ["OpineEngagement", "OpineSentiment"]
        ),
        .testTarget(
            name: "OpineSentimentTests",
            dependencies: ["OpineSentiment", "OpineText"]
        ),
    ]
)

for target in package.targets where target.type != .system && target.name != "CICU" {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.unsafeFlags(["-warnings-as-errors"]))
    target.swiftSettings = settings
}
