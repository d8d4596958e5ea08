internal import CStemmer
import Synchronization

/// A Snowball stemmer (libstemmer) for one language, safe to share between threads.
///
/// A libstemmer `sb_stemmer` keeps state between calls and must not be used by two
/// threads at once. `Stemmer` keeps a small pool of them: each call borrows one, so any
/// number of threads can stem at once without waiting on each other for long. Words are
/// expected in lower case (use ``Token/form``).
///
/// ```swift
/// let dutch = try Stemmer(algorithm: "dutch")
/// dutch.stem("geweldige")   // "geweld"
/// dutch.withInstance { stem in ["auto's", "klanten"].map(stem) }
/// ```
public final class Stemmer: Sendable {
    /// The libstemmer algorithm, e.g. `english` or `dutch`.
    public let algorithm: String
    private let pool: Mutex<[SnowballInstance]>

    /// Creates a stemmer for an algorithm that libstemmer lists (``availableAlgorithms``),
    /// by name or ISO 639 code (`en`, `nl`).
    /// - Throws: ``StemmerError/unknownAlgorithm(_:available:)`` when libstemmer has none.
    public init(algorithm: String) throws(StemmerError) {
        guard let first = SnowballInstance(algorithm: algorithm) else {
            throw .unknownAlgorithm(algorithm, available: Self.availableAlgorithms)
        }
        self.algorithm = algorithm
        pool = Mutex([first])
    }

    /// The algorithms libstemmer offers (`english`, `dutch`, `german`, ...).
    public static var availableAlgorithms: [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names
    }

    /// The stem of one lower-case word.
    public func stem(_ word: String) -> String {
        withInstance { $0(word) }
    }

    /// Runs `body` with a stemming function bound to one libstemmer instance; cheaper than
    /// ``stem(_:)`` when stemming many words.
    public func withInstance<Result>(_ body: ((String) -> String) -> Result) -> Result {
        let instance = pool.withLock { $0.popLast() } ?? SnowballInstance(algorithm: algorithm)!
        defer { pool.withLock { $0.append(instance) } }
        return body(instance.stem)
    }
}

/// Why a stemmer could not be made.
public enum StemmerError: Error, Equatable, CustomStringConvertible {
    /// libstemmer has no algorithm by this name.
    case unknownAlgorithm(String, available: [String])

    public var description: String {
        switch self {
        case .unknownAlgorithm(let name, let available):
            "libstemmer has no stemming algorithm '\(name)'; available: \(available.joined(separator: ", "))"
        }
    }
}

/// One libstemmer instance with a cache of its stems, freed when released. Not
/// thread-safe: ``Stemmer`` lends it to one thread at a time.
private final class SnowballInstance: @unchecked Sendable {
    private let handle: OpaquePointer

    init?(algorithm: String) {
        guard let handle = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// Stems already computed by this instance; cleared when it reaches ``cacheLimit``.
    private var cache: [String: String] = [:]
    private static let cacheLimit = 100_000

    func stem(_ word: String) -> String {
        if let cached = cache[word] { return cached }
        let stem = computeStem(word)
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[word] = stem
        return stem
    }

    private func computeStem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                let result = sb_stemmer_stem(handle, base, Int32(bytes.count))
            else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
