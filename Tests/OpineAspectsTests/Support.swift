import Foundation
import OpineAspects
import OpineSentiment
import OpineText

/// The built-in lexicons and aspect data of the checkout (found from the test binary,
/// as the `opine` binary finds them), loaded once.
enum Fixture {
    static let analyzer: SentimentAnalyzer = try! SentimentAnalyzer()
    static let extractor: OpinionExtractor = try! OpinionExtractor()

    /// The opinions of a text, scored in the given language.
    static func opinions(_ text: String, _ language: Language) -> [Opinion] {
        extractor.opinions(in: text, analyzer: analyzer, language: language).opinions
    }

    /// The targets of the opinions of a text, as written, in order.
    static func targets(_ text: String, _ language: Language) -> [String] {
        opinions(text, language).compactMap { $0.target?.text }
    }

    /// The opinion whose target is written `target`.
    static func opinion(about target: String, in opinions: [Opinion]) -> Opinion? {
        opinions.first { $0.target?.text == target }
    }

    /// The opinion that `word` was tied to, when there is one.
    static func opinion(tying word: String, in opinions: [Opinion]) -> Opinion? {
        opinions.first { $0.words.contains { $0.text == word } }
    }

    /// The UTF-8 byte range of the first occurrence of `part` in `text`.
    static func byteRange(of part: String, in text: String) -> Range<Int> {
        let range = text.range(of: part)!
        let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
        return start..<(start + part.utf8.count)
    }
}
