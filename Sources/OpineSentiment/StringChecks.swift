import Foundation
import OpineText

/// Checks on strings that the scorer makes on every word, on the UTF-8 bytes where that
/// decides them.
extension String {
    /// Whether the string contains `?` as Foundation's `contains("?")` finds it: on the
    /// bytes for ASCII, where no combining mark can follow it, else through Foundation.
    var containsQuestionMark: Bool {
        let ascii = utf8.allSatisfy { $0 < 0x80 }
        return ascii ? utf8.contains(UInt8(ascii: "?")) : contains("?")
    }

    /// `hasPrefix(prefix)` for a prefix that starts with a lower-case ASCII letter, which
    /// is a character of its own and has no canonical equivalent: a string whose first
    /// byte differs cannot have the prefix, and most are ruled out on that byte.
    func hasLetterPrefix(_ prefix: String) -> Bool {
        utf8.first == prefix.utf8.first && hasPrefix(prefix)
    }

    /// `hasSuffix(suffix)` for a suffix that ends with a lower-case ASCII letter, ruling
    /// most strings out on their last byte (see ``hasLetterPrefix(_:)``).
    func hasLetterSuffix(_ suffix: String) -> Bool {
        lastByte == suffix.lastByte && hasSuffix(suffix)
    }

    /// The last UTF-8 byte, nil for the empty string (`utf8.last`, which Swift does not
    /// inline).
    @inline(__always)
    var lastByte: UInt8? {
        utf8.withContiguousStorageIfAvailable { $0.last } ?? (utf8.isEmpty ? nil : utf8[utf8.index(before: utf8.endIndex)])
    }

    /// Whether the string has at least `minimum` Unicode scalars (`scalarCount >= minimum`),
    /// decided on the byte count alone when that is below `minimum` (no scalar is shorter
    /// than a byte) or at least four times it (none is longer than four bytes).
    func hasScalars(atLeast minimum: Int) -> Bool {
        let bytes = utf8.count
        if bytes < minimum { return false }
        if bytes >= 4 * minimum { return true }
        return scalarCount >= minimum
    }

    /// The number of Unicode scalars (`unicodeScalars.count`), counted on the UTF-8 bytes.
    var scalarCount: Int {
        // A plain loop over the UTF-8 view: Swift inlines it for small (inline) strings,
        // where lending contiguous storage first copies the bytes out.
        var count = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}

extension TokenizedText {
    /// Whether the text in `range` starts with an upper-case scalar: an ASCII first byte
    /// is decided on itself (only `A`-`Z` are upper case), without copying the word out.
    func startsWithCapital(_ range: Range<Int>) -> Bool {
        let byte = range.isEmpty ? nil : text.utf8.withContiguousStorageIfAvailable { $0[range.lowerBound] }
        if let byte, byte < 0x80 { return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        return text(in: range).unicodeScalars.first?.properties.isUppercase ?? false
    }
}
