// Release-mode throughput benchmark of Opine's text pipeline.
//
//     swift run -c release opine-benchmarks [--seconds S] [--only PIPELINE] [CORPUS.tsv ...]
//
// Reads the `text` column of labelled TSV corpora (default: the development files under
// ../shared/corpora/{en,nl}, `-test` files left out, else those in Corpora/), then
// measures, on one thread and on all cores:
//   icu-words       ICU's word-break iterator alone over the same UTF-8 (the ceiling)
//   tokenize        Opine's tokenizer (ICU breaks + token building + normalization)
//   tokenize+stem   the tokenizer plus the Snowball stem of every word
//   analyze         the whole scorer: tokenize, identify language, match, rules
// Reported: texts/s, tokens/s (for icu-words: ICU segments, spaces included; none for
// analyze), MB/s and each pipeline's speed as a ratio of ICU alone.

import CICU
import Dispatch
import Foundation
import OpineSentiment
import OpineText

struct Corpus {
    var texts: [String] = []
    var algorithms: [String] = []
    var bytes = 0
}

/// The texts of labelled corpora (read as `opine eval` reads them), with the stemmer
/// language their folder names.
func loadCorpus(_ paths: [String]) throws -> Corpus {
    var corpus = Corpus()
    for path in paths {
        let algorithm = path.contains("/nl/") ? "dutch" : "english"
        for item in try LabelledCorpus(contentsOf: URL(fileURLWithPath: path)).items {
            corpus.texts.append(item.text)
            corpus.algorithms.append(algorithm)
            corpus.bytes += item.text.utf8.count
        }
    }
    return corpus
}

/// Runs `work` over every text, repeating the corpus until `seconds` have passed, on
/// `threads` threads; returns (texts, tokens, bytes, seconds).
func measure(_ corpus: Corpus, threads: Int, seconds: Double, _ work: @escaping @Sendable (Int) -> Int) -> (Int, Int, Int, Double) {
    let start = DispatchTime.now()
    let deadline = start.uptimeNanoseconds + UInt64(seconds * 1e9)
    let count = corpus.texts.count
    let texts = Mutex(0), tokens = Mutex(0), bytes = Mutex(0)
    let sizes = corpus.texts.map(\.utf8.count)
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
        var localTexts = 0, localTokens = 0, localBytes = 0
        var round = 0
        repeat {
            var index = thread
            while index < count {
                localTokens += work(index)
                localBytes += sizes[index]
                localTexts += 1
                index += threads
            }
            round += 1
        } while DispatchTime.now().uptimeNanoseconds < deadline
        texts.withLock { $0 += localTexts }
        tokens.withLock { $0 += localTokens }
        bytes.withLock { $0 += localBytes }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return (texts.withLock { $0 }, tokens.withLock { $0 }, bytes.withLock { $0 }, elapsed)
}

import Synchronization

let usage = """
    usage: opine-benchmarks [--seconds S] [--only icu-words|tokenize|tokenize+stem|analyze] [CORPUS.tsv ...]
    Measures the text pipeline's throughput (release build) on labelled TSV corpora; with no
    corpus, the sentence-level development TSVs under ../shared/corpora/{en,nl} (held-out
    -test files left out), or, without that folder, those in Corpora/.

    """
var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage, terminator: "")
    exit(0)
}
var seconds = 3.0
if let index = arguments.firstIndex(of: "--seconds"), index + 1 < arguments.count {
    seconds = Double(arguments[index + 1]) ?? seconds
    arguments.removeSubrange(index...(index + 1))
}
var only: String?
if let index = arguments.firstIndex(of: "--only"), index + 1 < arguments.count {
    only = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
}
if arguments.isEmpty {
    // The development corpora beside the checkout, held-out `-test` files left out; on a
    // machine without them, the labelled sets shipped in Corpora/.
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for root in ["../../../shared/corpora", "../../Corpora"].map({ here.appendingPathComponent($0).standardized.path }) {
        for language in ["en", "nl"] {
            let folder = root + "/" + language
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            arguments += files.filter { $0.hasSuffix(".tsv") && !$0.contains(".aspects.") && !$0.contains("-test") }.sorted().map { folder + "/" + $0 }
        }
        if !arguments.isEmpty { break }
    }
}
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("no corpora found; pass TSV files with a 'text' column\n".utf8))
    exit(64)
}
if let unknown = arguments.first(where: { $0.hasPrefix("-") }) {
    FileHandle.standardError.write(Data("unknown option '\(unknown)'\n\(usage)".utf8))
    exit(64)
}

let corpus: Corpus
do {
    corpus = try loadCorpus(arguments)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(66)
}
let texts = corpus.texts
let algorithms = corpus.algorithms
let tokenizer = Tokenizer()
let stemmers = try ["english": Stemmer(algorithm: "english"), "dutch": Stemmer(algorithm: "dutch")]

// Lexicon loading: both languages, median of five loads.
var loadTimes: [Double] = []
for _ in 0..<5 {
    let start = DispatchTime.now().uptimeNanoseconds
    _ = try LexiconSet.builtIn()
    loadTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}
print(String(format: "lexicon load (English + Dutch, median of 5): %.1f ms", loadTimes.sorted()[2]))
let identifierStart = DispatchTime.now().uptimeNanoseconds
_ = LanguageIdentifier().identify("warm up")
print(String(format: "language model load: %.1f ms", Double(DispatchTime.now().uptimeNanoseconds - identifierStart) / 1e6))

let analyzer = try SentimentAnalyzer()

let pipelines: [(String, @Sendable (Int) -> Int)] = [
    ("icu-words", { index in
        var text = texts[index]
        return text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { opine_words_begin($0.baseAddress, Int32($0.count)) }
            var count = 0
            var kind: Int32 = 0
            while opine_words_next(&kind) >= 0 { count += 1 }
            return count
        }
    }),
    ("tokenize", { index in tokenizer.tokenize(texts[index]).tokens.count }),
    ("tokenize+stem", { index in
        let tokens = tokenizer.tokenize(texts[index]).tokens
        var stemmed = 0
        stemmers[algorithms[index]]!.withInstance { stem in
            for token in tokens where token.kind == .word { stemmed &+= stem(token.form).utf8.count }
        }
        return tokens.count + (stemmed & 0)
    }),
    ("analyze", { index in analyzer.analyze(texts[index]).contributions.count }),
]

let cores = ProcessInfo.processInfo.activeProcessorCount
print("corpus: \(texts.count) texts, \(String(format: "%.1f", Double(corpus.bytes) / 1e6)) MB from \(arguments.count) files; \(cores) cores; \(seconds) s per run")
print("pipeline        threads   texts/s    tokens/s    MB/s   vs icu-words")
for threads in Set([1, cores]).sorted() {
    var ceiling = 0.0
    for (name, work) in pipelines where only == nil || name == only {
        let (done, tokens, bytes, elapsed) = measure(corpus, threads: threads, seconds: seconds, work)
        let megabytesPerSecond = Double(bytes) / 1e6 / elapsed
        if name == "icu-words" { ceiling = megabytesPerSecond }
        let tokenRate = name == "analyze" ? "-" : String(format: "%.0f", Double(tokens) / elapsed)
        print(
            name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%7d %9.0f ", threads, Double(done) / elapsed)
                + String(repeating: " ", count: max(0, 11 - tokenRate.count)) + tokenRate
                + String(format: " %7.1f   ", megabytesPerSecond) + (ceiling > 0 ? String(format: "%.2f", megabytesPerSecond / ceiling) : "-"))
    }
}
