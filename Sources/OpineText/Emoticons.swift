/// The ASCII emoticons the tokenizer recognizes, which ICU's word breaks split apart.
///
/// A match must not run into a letter or digit (`:Dit` is no emoticon), and one that
/// begins with a letter (`xD`) must not follow one. A repeated last character extends
/// the emoticon and marks it emphatic (`:)))`, `<333`, `xDDD`).
enum Emoticons {
    /// Every emoticon, as written; matched longest first.
    static let all: [String] = [
        ":-)", ":)", ":-]", ":]", ":-}", ":}", ":o)", ":c)", ":^)", "=)", "=]", "8)", "8-)",
        "(:", "(-:", ":-(", ":(", ":-[", ":[", ":-{", ":{", "=(", "=[", ":-<", ":<",
        ":'(", ":'-(", ";'(", ":'-)", ":')", ":-D", ":D", "=D", "8-D", "8D", "xD", "XD", "x-D", "X-D",
        ";-)", ";)", ";-]", ";]", ";D", ";-D", "*-)", "*)",
        ":-P", ":P", ":-p", ":p", "=P", "=p", ";P", ";p", ":-b", ":b", "xP", "XP",
        ":-O", ":O", ":-o", ":o", "=O", ":-/", ":/", ":-\\", ":\\", "=/", "=\\",
        ":-|", ":|", ":$", ":-$", ":-S", ":S", ":-s", ":s", ":-X", ":X", ":-x", ":x", ":-*", ":*",
        ":-@", ":@", ">:(", ">:-(", ">:)", ">:-)", "D:", "D-:",
        "<3", "</3", "<\\3", "^^", "^_^", "^.^", "^-^", "-_-", "-.-", "o_O", "O_o", "o_o", "O_O",
        "T_T", ";_;", "._.", "\\o/", "\\O/",
        // HTML-escaped, as text from web pages and APIs often comes (`&lt;3`): read as the
        // emoticon itself (``htmlUnescaped(_:)``).
        "&lt;3", "&lt;/3", "&gt;:(", "&gt;:-(", "&gt;:)", "&gt;:-)",
    ]

    /// An emoticon written with HTML's `&lt;` or `&gt;` (always its first character) as
    /// the one it stands for.
    static func htmlUnescaped(_ written: String) -> String {
        if written.hasPrefix("&lt;") { return "<" + written.dropFirst(4) }
        if written.hasPrefix("&gt;") { return ">" + written.dropFirst(4) }
        return written
    }

    /// Emoticons grouped by their first byte, longest first, for matching at a position.
    private static let byFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for emoticon in all {
            let bytes = Array(emoticon.utf8)
            table[Int(bytes[0])].append(bytes)
        }
        return table.map { $0.sorted { $0.count > $1.count } }
    }()

    /// Characters whose repetition at the end extends an emoticon (`:)))`).
    private static let repeatable: Set<UInt8> = Set(")(]D3Pp".utf8)

    /// The emoticon starting at `start`: its end offset and whether a repeated last
    /// character made it emphatic; nil when none starts there.
    static func match(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (end: Int, emphatic: Bool)? {
        let candidates = byFirstByte[Int(bytes[start])]
        guard !candidates.isEmpty else { return nil }
        for candidate in candidates where start + candidate.count <= bytes.count {
            var matches = true
            for (offset, byte) in candidate.enumerated() where bytes[start + offset] != byte {
                matches = false
                break
            }
            guard matches else { continue }
            var end = start + candidate.count
            let last = candidate[candidate.count - 1]
            if repeatable.contains(last) {
                while end < bytes.count && bytes[end] == last { end += 1 }
            }
            if end < bytes.count && isWordByte(bytes[end]) { continue }
            if isWordByte(candidate[0]) && start > 0 && isWordByte(bytes[start - 1]) { continue }
            return (end, end > start + candidate.count)
        }
        return nil
    }

    /// ASCII letters and digits, and every byte of a non-ASCII character (letters, mostly).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), 0xC3...0xFF:
            true
        default: false
        }
    }
}
