#if canImport(Glibc)
import Glibc
#endif

/// A sequential source of bytes: a file, standard input, or a decompressor over one.
protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; 0 means the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BatchError) -> Int
    /// Bytes taken from the file so far (for a compressed file, compressed bytes), so
    /// progress can be measured against the file's size.
    var consumed: Int { get }
}

/// The text of the C library's message for an `errno` value.
func systemErrorMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}
