import Foundation

/// Checks on strings that the scorer makes on every word, on the UTF-8 bytes where that
/// decides them.
extension String {
    /// Whether the string contains `?` as Foundation's `contains("?")` finds it: on the
    /// bytes for ASCII, where no combining mark can follow it, else through Foundation.
    var containsQuestionMark: Bool {
        let ascii = utf8.allSatisfy { $0 < 0x80 }
        return ascii ? utf8.contains(UInt8(ascii: "?")) : contains("?")
    }

    /// The number of Unicode scalars (`unicodeScalars.count`), counted on the UTF-8 bytes.
    var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? unicodeScalars.count
    }
}
