import ArgumentParser
import Foundation

/// The TEXT argument shared by the commands that take one text or standard input.
struct TextInputOptions: ParsableArguments {
    @Argument(help: "The text to analyse, or '-' to read one text per line from standard input.")
    var text: String

    /// Calls `body` with the text, or with each line of standard input when the text is `-`.
    /// Lines are split at LF (a trailing CR is dropped); ill-formed UTF-8 becomes U+FFFD.
    func forEachText(_ body: (String) throws -> Void) throws {
        guard text == "-" else { return try body(text) }
        var reader = LineReader(fileDescriptor: FileHandle.standardInput.fileDescriptor)
        while let line = try reader.nextLine() {
            try body(line)
        }
    }
}

/// Reads LF-separated lines from a file descriptor with a fixed-size buffer, so input of
/// any length streams through in bounded memory.
struct LineReader {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var reachedEnd = false
    private static let chunkSize = 1 << 16

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// The next line without its line break, or nil at the end of the input.
    mutating func nextLine() throws -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = newline + 1
                return line
            }
            if reachedEnd {
                guard position < buffer.count else { return nil }
                let line = String(decoding: buffer[position...], as: UTF8.self)
                position = buffer.count
                return line
            }
            try fill()
        }
    }

    private mutating func fill() throws {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        let count = buffer.withUnsafeMutableBytes { raw in
            read(fileDescriptor, raw.baseAddress! + oldCount, Self.chunkSize)
        }
        if count < 0 {
            throw ValidationError("cannot read standard input: \(String(cString: strerror(errno)))")
        }
        buffer.removeLast(Self.chunkSize - count)
        if count == 0 { reachedEnd = true }
    }
}
