import Foundation
import OpineAspects
@testable import OpineBatch
import OpineSentiment

/// A fresh directory under the system's temporary directory, removed by ``remove()``.
struct Scratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opine-batch-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `bytes` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
        return path(name)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    /// The names in the directory, hidden files included.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Every result of reading `path`.
func readAll(_ path: String, _ options: ReaderOptions = .init()) throws -> [ReadResult] {
    let reader = try ExportReader(path: path, options: options)
    var results: [ReadResult] = []
    while let result = try reader.next() { results.append(result) }
    return results
}

extension ReadResult {
    var row: Row? {
        if case .row(let row) = self { row } else { nil }
    }

    var rejection: Rejection? {
        if case .rejected(let rejection) = self { rejection } else { nil }
    }
}

extension Row {
    /// The value of the field `name` as text.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value.text
    }
}

/// The analyzer over the built-in lexicons, loaded once for all tests.
let sharedAnalyzer: SentimentAnalyzer = {
    do { return try SentimentAnalyzer() } catch { fatalError("cannot load the built-in lexicons: \(error)") }
}()

/// The opinion extractor over the built-in aspect data, loaded once for all tests.
let sharedExtractor: OpinionExtractor = {
    do { return try OpinionExtractor() } catch { fatalError("cannot load the built-in aspect data: \(error)") }
}()

/// Parses JSON Lines output into objects.
func jsonObjects(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}
