/// What a token is: a word, a number, an emoji, a piece of web syntax, or punctuation.
public enum TokenKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A word of letters, including contractions (`don't`, `z'n`, `'t`) and hyphenated
    /// words (`e-mail`).
    case word
    /// A number (`42`, `3,5`, `1.000`).
    case number
    /// An emoji as a whole grapheme cluster: ZWJ sequences, skin tones, flags, keycaps.
    case emoji
    /// An ASCII emoticon such as `:)`, `<3` or `-_-`.
    case emoticon
    /// A hashtag, `#nietmeer`.
    case hashtag
    /// A mention of an account, `@kpn`.
    case mention
    /// A web address, `https://example.com/x` or `bol.com`.
    case url
    /// An e-mail address.
    case email
    /// Punctuation, with runs such as `!!!` or `?!` kept as one token.
    case punctuation
    /// Any other symbol (`€`, `%`, `&`, U+FFFD for bytes that were not UTF-8).
    case symbol
}

/// Facts about how a token was written that matter for sentiment.
public struct TokenFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Written in capitals (`GREAT`), at least two letters and no lower-case letter.
    public static let allCaps = TokenFlags(rawValue: 1 << 0)
    /// A letter repeated for emphasis (`sooooo`, `superrrr`); the form has it collapsed.
    public static let elongated = TokenFlags(rawValue: 1 << 1)
    /// A punctuation run that carries emphasis (`!!!`, `?!`) or an emoticon with a
    /// repeated mouth (`:)))`).
    public static let emphatic = TokenFlags(rawValue: 1 << 2)
    /// Parts joined by hyphens (`e-mail`, `klanten-service`).
    public static let hyphenated = TokenFlags(rawValue: 1 << 3)
    /// Contains an apostrophe (`don't`, `z'n`, `'t`, `auto's`).
    public static let apostrophe = TokenFlags(rawValue: 1 << 4)

    /// The names of the flags that are set, in a fixed order.
    public var names: [String] {
        var names: [String] = []
        if contains(.allCaps) { names.append("allCaps") }
        if contains(.elongated) { names.append("elongated") }
        if contains(.emphatic) { names.append("emphatic") }
        if contains(.hyphenated) { names.append("hyphenated") }
        if contains(.apostrophe) { names.append("apostrophe") }
        return names
    }
}

/// One token of a text: its kind, its normalized form and where it stands in the text.
///
/// The ``form`` is what lexicons are matched against: NFC, case-folded, typographic
/// apostrophes made ASCII, and elongations collapsed. The written text is recovered from
/// the ``range`` with ``TokenizedText/text(of:)``.
public struct Token: Sendable, Hashable {
    /// What the token is.
    public var kind: TokenKind
    /// The normalized form (NFC, case-folded, `’` as `'`, elongation collapsed).
    public var form: String
    /// The token's UTF-8 byte offsets in the tokenized text.
    public var range: Range<Int>
    /// How it was written: capitals, elongation, emphasis, hyphens, apostrophes.
    public var flags: TokenFlags
    /// The index of the sentence it belongs to in ``TokenizedText/sentences``.
    public var sentence: Int
    /// The words inside a hashtag (split at capitals, digits and underscores:
    /// `#NietMeer` gives `niet`, `meer`) or a hyphenated word (`klanten-service` gives
    /// `klanten`, `service`); empty for other tokens.
    public var parts: [String]

    /// Creates a token.
    public init(
        kind: TokenKind, form: String, range: Range<Int>, flags: TokenFlags = [], sentence: Int = 0,
        parts: [String] = []
    ) {
        self.kind = kind
        self.form = form
        self.range = range
        self.flags = flags
        self.sentence = sentence
        self.parts = parts
    }
}
