/// A text with its tokens and sentences.
///
/// ```swift
/// let tokenized = Tokenizer().tokenize("Wat een top service!! 👍🏽")
/// for token in tokenized.tokens {
///     print(tokenized.text(of: token), token.form, token.kind)
/// }
/// ```
public struct TokenizedText: Sendable {
    /// The text that was tokenized (with ill-formed UTF-8 already replaced by U+FFFD).
    public let text: String
    /// The tokens in text order. White space is not a token.
    public let tokens: [Token]
    /// The UTF-8 byte ranges of the sentences, in order, covering the whole text.
    public let sentences: [Range<Int>]

    /// Creates a tokenized text from its parts.
    public init(text: String, tokens: [Token], sentences: [Range<Int>]) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The token as written in the text.
    public func text(of token: Token) -> String {
        text(in: token.range)
    }

    /// The text in a UTF-8 byte range.
    public func text(in range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Whether the text has a lower-case letter (a scalar with the Unicode property
    /// Lowercase); ASCII text is decided on its bytes.
    public var hasLowercase: Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x61 && byte <= 0x7A { return true }
            if byte >= 0x80 { ascii = false }
        }
        return !ascii && text.unicodeScalars.contains { $0.properties.isLowercase }
    }

    /// The forms of the word-like tokens (words and hashtag words), in order.
    public var words: [String] {
        tokens.flatMap { token -> [String] in
            switch token.kind {
            case .word: [token.form]
            case .hashtag: token.parts
            default: []
            }
        }
    }
}
