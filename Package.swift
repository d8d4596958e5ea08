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
        .library(name: "OpineAlerts", targets: ["OpineAlerts"]),
        .library(name: "OpineServer", targets: ["OpineServer"]),
        .executable(name: "opine", targets: ["opine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
        // RFC 4180 record scanning, shared by batch input and labelled corpora.
        .target(name: "OpineCSV"),
        .target(
            name: "OpineSentiment",
            dependencies: ["OpineText", "OpineCSV"]
        ),
        // zlib, for reading and writing gzip-compressed exports (`opine batch`).
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "OpineBatch",
            dependencies: ["OpineSentiment", "OpineText", "OpineAspects", "OpineCSV", "CZlib"]
        ),
        .target(
            name: "OpineAspects",
            dependencies: ["OpineSentiment", "OpineText"]
        ),
        .target(
            name: "OpineEngagement",
            dependencies: ["OpineSentiment", "OpineText"]
        ),
        // Alert rules, the durable SQLite outbox, webhook delivery and stream watching.
        .target(
            name: "OpineAlerts",
            dependencies: [
                "OpineEngagement",
                "OpineSentiment",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The HTTP API (`opine serve`).
        .target(
            name: "OpineServer",
            dependencies: [
                "OpineAlerts",
                "OpineEngagement",
                "OpineSentiment",
                "OpineText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "opine",
            dependencies: [
                "OpineAlerts",
                "OpineAspects",
                "OpineBatch",
                "OpineEngagement",
                "OpineSentiment",
                "OpineServer",
                "OpineText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "opine-benchmarks",
            dependencies: ["OpineText", "OpineSentiment", "CICU"],
            path: "Benchmarks/OpineBenchmarks"
        ),
        // What the tests that run servers share: stopping them gracefully.
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "OpineTextTests",
            dependencies: ["OpineText"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "OpineCLITests",
            dependencies: [
                "TestSupport",
                "opine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "OpineBatchTests",
            dependencies: ["OpineBatch", "OpineSentiment", "OpineAspects"]
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
            name: "OpineAlertsTests",
            dependencies: [
                "TestSupport",
                "OpineAlerts",
                "OpineEngagement",
                "OpineSentiment",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "OpineServerTests",
            dependencies: [
                "TestSupport",
                "OpineServer",
                "OpineAlerts",
                "OpineEngagement",
                "OpineSentiment",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
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
