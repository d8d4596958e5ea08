import Foundation
import OpineAlerts
import OpineEngagement
import OpineSentiment

/// A fresh temporary folder for one test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("opine-alerts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// One analyzer for every test: loading the lexicons takes a few tens of milliseconds.
let sharedAnalyzer: SentimentAnalyzer = {
    do { return try SentimentAnalyzer() } catch { fatalError("the built-in lexicons do not load: \(error)") }
}()

/// A configuration with one webhook and the given rules (by YAML), for pipeline tests.
func configuration(rules: String, url: String = "http://127.0.0.1:9/hook", extra: String = "") throws -> AlertConfiguration {
    try AlertConfiguration.parse(
        """
        destinations:
          hook: { url: "\(url)", format: json, secret: s3cret }
        \(extra)
        rules:
        \(rules)
        """, environment: [:])
}

/// A review at `minutes` after a fixed start.
func review(_ id: String, author: String = "anna", _ text: String, minutes: Double = 0, stars: Int? = nil) throws -> Interaction {
    try Interaction(
        id: id, author: author, kind: .review, time: Date(timeIntervalSince1970: 1_700_000_000 + minutes * 60), text: text,
        rating: try stars.map { try Rating(stars: $0) })
}
