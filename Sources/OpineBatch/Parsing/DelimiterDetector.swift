/// Picks the delimiter of a CSV file from its header line.
///
/// Counts commas, semicolons and tabs outside quotes in the first record and takes the
/// most frequent; on a tie the order of preference is comma, semicolon, tab. A header
/// with none of them is a file of one column (nil): its rows are read whole, so a comma
/// in a one-column file of comments does not split it.
enum DelimiterDetector {
    /// The candidates, in order of preference on a tie.
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// The delimiter of the header at the start of `bytes`.
    static func detect(header bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
            }
        }
        guard let best = counts.max(), best > 0 else { return nil }
        return candidates[counts.firstIndex(of: best)!]
    }
}
