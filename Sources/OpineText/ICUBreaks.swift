internal import CICU

/// A word segment found by ICU's word-break iterator.
struct WordSegment: Equatable {
    /// How ICU classified the segment (its rule status).
    enum Kind: Equatable {
        case none, number, letter, kana, ideographic
    }

    var start: Int
    var end: Int
    var kind: Kind
}

/// ICU's word and sentence break iterators, run over UTF-8 bytes in place.
///
/// Each thread uses its own iterators (kept by the C layer), so these functions are safe
/// to call concurrently.
enum ICUBreaks {
    /// The word segments of `bytes`, covering every byte, in order.
    static func wordSegments(_ bytes: UnsafeBufferPointer<UInt8>) -> [WordSegment] {
        var segments: [WordSegment] = []
        guard !bytes.isEmpty else { return segments }
        // About one segment per two bytes in prose (words and the spaces between them):
        // enough that the array is seldom grown.
        segments.reserveCapacity(bytes.count / 2 + 1)
        forEachWindow(of: bytes) { window, offset in
            let status = window.withMemoryRebound(to: CChar.self) {
                opine_words_begin($0.baseAddress, Int32($0.count))
            }
            guard status == 0 else {
                // ICU could not open an iterator (out of memory): one segment, never lost text.
                segments.append(WordSegment(start: offset, end: offset + window.count, kind: .none))
                return
            }
            // The boundaries come in batches (one C call each, not one per boundary) into
            // scratch buffers on the stack.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.boundaryBatch) { boundaries in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.boundaryBatch) { kinds in
                    var start = 0
                    while true {
                        let found = Int(opine_words_fill(boundaries.baseAddress, kinds.baseAddress, Int32(Self.boundaryBatch)))
                        for position in 0..<found {
                            let boundary = Int(boundaries[position])
                            if boundary > start {
                                segments.append(WordSegment(start: offset + start, end: offset + boundary, kind: Self.kind(Int32(kinds[position]))))
                            }
                            start = boundary
                        }
                        if found < Self.boundaryBatch { break }
                    }
                }
            }
        }
        return segments
    }

    /// How many word boundaries ``wordSegments(_:)`` asks ICU for at once (a batch of
    /// Int32 offsets fits in 1 KiB of stack).
    private static let boundaryBatch = 256

    /// The byte offsets where the sentences of `bytes` start (the first is always 0).
    static func sentenceStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        guard !bytes.isEmpty, mayHaveSentenceBreak(bytes) else { return starts }
        forEachWindow(of: bytes) { window, offset in
            let status = window.withMemoryRebound(to: CChar.self) {
                opine_sentences_begin($0.baseAddress, Int32($0.count))
            }
            if offset > 0 { starts.append(offset) }
            guard status == 0 else { return }
            while true {
                let boundary = Int(opine_sentences_next())
                if boundary < 0 || boundary >= window.count { break }
                if boundary > 0 { starts.append(offset + boundary) }
            }
        }
        return starts
    }

    /// False when ICU would find one sentence: ASCII text without a line break whose
    /// terminators (`.`, `!`, `?`) all stand in its final run of terminators, closing
    /// quotes or brackets and spaces (`Great product!!`, `"Nice."`), after which UAX #29
    /// puts no boundary but the end. Saves the sentence iterator on most short comments.
    private static func mayHaveSentenceBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        while end > 0, bytes[end - 1] == UInt8(ascii: "\"") || bytes[end - 1] == UInt8(ascii: "'")
            || bytes[end - 1] == UInt8(ascii: ")") || bytes[end - 1] == UInt8(ascii: "]")
        {
            end -= 1
        }
        while end > 0, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "!") || bytes[end - 1] == UInt8(ascii: "?") {
            end -= 1
        }
        for byte in bytes[..<end] {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A, 0x0B, 0x0C, 0x0D, 0x80...0xFF:
                return true
            default: continue
            }
        }
        return false
    }

    private static func kind(_ raw: Int32) -> WordSegment.Kind {
        switch raw {
        case Int32(OPINE_SEGMENT_NUMBER): .number
        case Int32(OPINE_SEGMENT_LETTER): .letter
        case Int32(OPINE_SEGMENT_KANA): .kana
        case Int32(OPINE_SEGMENT_IDEO): .ideographic
        default: .none
        }
    }

    /// The largest text ICU is given at once; ICU's offsets are 32-bit.
    static let windowSize = 1 << 30

    /// Calls `body` on windows of at most ``windowSize`` bytes that end at a white-space
    /// byte where possible (never inside a UTF-8 sequence), with each window's offset.
    private static func forEachWindow(
        of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) {
        var offset = 0
        while offset < bytes.count {
            var end = min(bytes.count, offset + windowSize)
            if end < bytes.count {
                var cut = end
                while cut > offset + windowSize / 2, bytes[cut] != 0x20, bytes[cut] != 0x0A { cut -= 1 }
                if cut == offset + windowSize / 2 {
                    cut = end
                    while cut > offset, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                }
                end = cut
            }
            body(UnsafeBufferPointer(rebasing: bytes[offset..<end]), offset)
            offset = end
        }
    }
}
