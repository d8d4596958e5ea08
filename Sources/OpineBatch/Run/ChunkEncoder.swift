import OpineAspects
import OpineSentiment
import OpineText

/// Scores the rows of a chunk and encodes them and its rejections; runs on the workers.
struct ChunkEncoder: Sendable {
    let analyzer: SentimentAnalyzer
    let language: Language?
    /// Nil when the run does not extract opinions.
    let opinions: OpinionExtractor?
    let output: any RowEncoder
    /// Nil when rejected rows are not written anywhere (the run stops at the first).
    let rejects: (any RowEncoder)?

    func encode(_ chunk: Chunk) -> EncodedChunk {
        var encoded = EncodedChunk(filePosition: chunk.filePosition, bytesRead: chunk.bytesRead, failure: chunk.failure)
        encoded.output.reserveCapacity(chunk.bytesRead * 2 + 4096)
        for item in chunk.items {
            switch item {
            case .row(let row):
                if let reason = output.rejectionReason(for: row.fields) {
                    reject(Rejection(file: row.file, line: row.line, reason: reason, raw: JSONRowEncoder.object(row.fields)), into: &encoded)
                    continue
                }
                let (analysis, found) = score(row.text)
                let stance = BatchStance(analysis, rating: row.rating)
                output.append(row.fields, SentimentValues.of(analysis, stance: stance, opinions: found), to: &encoded.output)
                encoded.tally.countWritten(analysis, stance, opinions: found)
            case .rejected(let rejection):
                reject(rejection, into: &encoded)
            }
        }
        return encoded
    }

    /// The analysis of `text` and, when the run extracts them, its opinions.
    private func score(_ text: String) -> (Analysis, [Opinion]?) {
        guard let opinions else { return (analyzer.analyze(text, language: language), nil) }
        let (analysis, found) = opinions.opinions(in: text, analyzer: analyzer, language: language)
        return (analysis, found)
    }

    private func reject(_ rejection: Rejection, into encoded: inout EncodedChunk) {
        encoded.tally.countRejected()
        if encoded.firstRejection == nil { encoded.firstRejection = rejection }
        rejects?.append(RejectionFields.of(rejection), [], to: &encoded.rejects)
    }
}

/// The fields of a rejects-file row.
enum RejectionFields {
    static let names = ["file", "line", "reason", "raw"]

    static func of(_ rejection: Rejection) -> [Field] {
        [
            Field(name: "file", value: .string(rejection.file)),
            Field(name: "line", value: .json(String(rejection.line))),
            Field(name: "reason", value: .string(rejection.reason)),
            Field(name: "raw", value: .string(rejection.raw)),
        ]
    }
}
