/// Input rows scored as one piece of work, and where the input stood after them.
struct Chunk: Sendable {
    var items: [ReadResult] = []
    /// Bytes taken from the input files up to the end of this chunk (for progress).
    var filePosition = 0
    /// Decompressed input bytes read for this chunk.
    var bytesRead = 0
    /// An error that ended reading after this chunk's rows.
    var failure: BatchError?
}

/// A chunk scored and encoded, ready to be written in order.
struct EncodedChunk: Sendable {
    /// The output bytes of the written rows.
    var output: [UInt8] = []
    /// The rejects-file bytes of the rejected rows.
    var rejects: [UInt8] = []
    /// The first rejected row, which stops a run under ``BatchOptions/ErrorPolicy/fail``.
    var firstRejection: Rejection?
    var tally = BatchTally()
    var filePosition = 0
    var bytesRead = 0
    var failure: BatchError?
}
