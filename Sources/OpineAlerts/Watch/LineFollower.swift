#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads complete lines from a file that keeps growing, like `tail -F`: it waits for more
/// at the end, and when the path is renamed away and a new file appears under it
/// (rotation) or the file is truncated, it finishes the old file and goes on with the new
/// one from its start. Standard input (`-`) is read to its end.
///
/// Positions count bytes and lines of complete lines only: a line still being written
/// (no newline yet) is returned only once its newline arrives, or when the file it is in
/// has been rotated away.
struct LineFollower {
    /// One complete line and where it was.
    struct Line {
        var bytes: [UInt8]
        /// The 1-based line number in its file.
        var number: Int
    }

    /// Why following stopped or could not start.
    struct FollowError: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }

    let path: String
    var descriptor: Int32 = -1
    var device: UInt64 = 0
    var inode: UInt64 = 0
    /// Bytes of complete lines consumed in the current file.
    var offset: UInt64 = 0
    /// Lines consumed in the current file.
    var line = 0
    var pending: [UInt8] = []
    /// Standard input reached its end.
    private(set) var finished = false

    var isStandardInput: Bool { path == "-" }

    /// Opens `path`, resuming at `position` when it describes the same file.
    init(path: String, resumingFrom position: StreamPosition?) throws(FollowError) {
        self.path = path
        if isStandardInput {
            descriptor = STDIN_FILENO
            return
        }
        try open()
        if let position, position.device == device, position.inode == inode, position.offset <= size() {
            guard lseek(descriptor, off_t(position.offset), SEEK_SET) >= 0 else {
                throw FollowError(path: path, message: "cannot seek to byte \(position.offset): \(String(cString: strerror(errno)))")
            }
            offset = position.offset
            line = position.line
        }
    }

    /// The position after the lines returned so far, for the store.
    var position: StreamPosition {
        StreamPosition(source: path, device: device, inode: inode, offset: offset, line: line)
    }

    /// The complete lines available now, at most `limit` of them (an empty result means
    /// nothing new yet). Notices rotation and truncation when at the end of the file.
    mutating func read(limit: Int) throws(FollowError) -> [Line] {
        var lines: [Line] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while lines.count < limit {
            if let newline = pending.firstIndex(of: 0x0A) {
                lines.append(take(upTo: newline, consumed: newline + 1))
                continue
            }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FollowError(path: path, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count > 0 {
                pending.append(contentsOf: chunk[0..<count])
                continue
            }
            // At the end of what is there now.
            if isStandardInput {
                if !pending.isEmpty { lines.append(take(upTo: pending.count, consumed: pending.count)) }
                finished = true
                break
            }
            if try switchedFile(flushingInto: &lines) { continue }
            break
        }
        return lines
    }

    /// At the end of the file: when the path now names another file (rotation) or the
    /// file shrank (truncation), finishes the current one and opens the path afresh.
    mutating func switchedFile(flushingInto lines: inout [Line]) throws(FollowError) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }  // renamed away, not recreated yet: wait
        let rotated = UInt64(status.st_dev) != device || UInt64(status.st_ino) != inode
        let truncated = !rotated && UInt64(status.st_size) < offset + UInt64(pending.count)
        guard rotated || truncated else { return false }
        if rotated && !pending.isEmpty { lines.append(take(upTo: pending.count, consumed: pending.count)) }
        pending = []
        Glibc.close(descriptor)
        try open()
        offset = 0
        line = 0
        return true
    }

    mutating func take(upTo end: Int, consumed: Int) -> Line {
        var bytes = Array(pending[0..<end])
        if bytes.last == 0x0D { bytes.removeLast() }
        pending.removeFirst(consumed)
        offset += UInt64(consumed)
        line += 1
        return Line(bytes: bytes, number: line)
    }

    mutating func open() throws(FollowError) {
        let opened = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw FollowError(path: path, message: "cannot open: \(String(cString: strerror(errno)))") }
        var status = stat()
        guard fstat(opened, &status) == 0 else {
            Glibc.close(opened)
            throw FollowError(path: path, message: "cannot stat: \(String(cString: strerror(errno)))")
        }
        descriptor = opened
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    func size() -> UInt64 {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? UInt64(status.st_size) : 0
    }

    /// Closes the file (not standard input).
    mutating func close() {
        if descriptor >= 0 && !isStandardInput { Glibc.close(descriptor) }
        descriptor = -1
    }
}
