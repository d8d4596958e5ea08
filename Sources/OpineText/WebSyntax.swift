/// Recognizes web syntax that ICU's word breaks split apart: URLs, e-mail addresses,
/// hashtags and mentions.
enum WebSyntax {
    /// The end of a URL starting at `start` (`http://`, `https://` or `www.`), nil if none.
    /// The URL runs to the next white space, without trailing punctuation.
    static func url(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard urlPrefixes.contains(where: { hasPrefix($0, in: bytes, at: start) }) else { return nil }
        var end = start
        while end < bytes.count && !isSpaceOrControl(bytes[end]) { end += 1 }
        while end > start, trailingPunctuation.contains(bytes[end - 1]) {
            if bytes[end - 1] == UInt8(ascii: ")"), bytes[start..<end].contains(UInt8(ascii: "(")) { break }
            end -= 1
        }
        return end > start + 4 ? end : nil
    }

    /// The end of an e-mail address starting at `start`, nil if none starts there.
    static func email(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var at = start
        while at < bytes.count && isLocalPart(bytes[at]) { at += 1 }
        guard at > start, at < bytes.count, bytes[at] == UInt8(ascii: "@") else { return nil }
        var end = at + 1
        while end < bytes.count && (isAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".")) {
            end += 1
        }
        while end > at + 1, !isAlphanumeric(bytes[end - 1]) { end -= 1 }
        guard let dot = bytes[(at + 1)..<end].lastIndex(of: UInt8(ascii: ".")), dot > at + 1 else { return nil }
        return end
    }

    /// Whether a word such as `bol.com` or `kpn.nl` is a bare domain name.
    static func isDomain(_ form: String) -> Bool {
        guard form.contains("."), let suffix = form.split(separator: ".").last else { return false }
        return topLevelDomains.contains(String(suffix)) && form.split(separator: ".").count >= 2
            && !form.hasPrefix(".") && !form.hasSuffix(".")
    }

    private static let topLevelDomains: Set<String> = [
        "com", "nl", "be", "org", "net", "eu", "de", "io", "co", "uk", "fr", "info", "app", "shop", "store",
    ]

    private static let urlPrefixes: [[UInt8]] = [Array("https://".utf8), Array("http://".utf8), Array("www.".utf8)]

    private static let trailingPunctuation: Set<UInt8> = Set(".,;:!?)]}'\"".utf8)

    private static func hasPrefix(_ prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for (offset, byte) in prefix.enumerated() {
            let actual = bytes[start + offset]
            let lowered = (actual >= 0x41 && actual <= 0x5A) ? actual | 0x20 : actual
            if lowered != byte { return false }
        }
        return true
    }

    static func isSpaceOrControl(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private static func isLocalPart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "%"): true
        default: isAlphanumeric(byte)
        }
    }
}
