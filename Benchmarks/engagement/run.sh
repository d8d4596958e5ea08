#!/bin/sh
# Measures the OpineEngagement library on synthetic interactions (default 1,000,000):
# Inbox (stances, profiles), the full response queue, the top 100 and the thank-you list,
# with time and resident memory after each step.
#
# Until a benchmark target is wired into Package.swift, this builds a throwaway package
# in $OUT (default /tmp/opine-engage-bench) whose targets are symlinks to this checkout's
# sources, in release mode, and runs it under /usr/bin/time -v.
#
#   Benchmarks/engagement/run.sh [COUNT] [--analyze]
#
# --analyze scores every text with the built-in lexicons (SentimentAnalyzer, 2 threads)
# instead of using synthetic analyses.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/opine-engage-bench}
mkdir -p "$OUT/Sources/bench"
for target in CICU CStemmer OpineText OpineSentiment OpineEngagement; do
    ln -sfn "$ROOT/Sources/$target" "$OUT/Sources/$target"
done
cp "$ROOT/Benchmarks/engagement/main.swift" "$OUT/Sources/bench/main.swift"
cat > "$OUT/Package.swift" <<'MANIFEST'
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "EngageBench",
    targets: [
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc")]),
        .systemLibrary(name: "CStemmer"),
        .target(name: "OpineText", dependencies: ["CICU", "CStemmer"]),
        .target(name: "OpineSentiment", dependencies: ["OpineText"]),
        .target(name: "OpineEngagement", dependencies: ["OpineSentiment", "OpineText"]),
        .executableTarget(name: "bench", dependencies: ["OpineEngagement", "OpineSentiment", "OpineText"]),
    ]
)
for target in package.targets where target.type != .system && target.name != "CICU" {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
MANIFEST
(cd "$OUT" && swift build -c release >/dev/null)
OPINE_LEXICONS=${OPINE_LEXICONS:-$ROOT/Lexicons} /usr/bin/time -v "$OUT/.build/release/bench" "$@" 2>&1 |
    grep -E '^[A-Za-z]|Elapsed|Maximum resident'
