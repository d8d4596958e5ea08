/// Why an ingest was refused. Nothing of a refused ingest is stored.
public enum IngestError: Error, Sendable, CustomStringConvertible {
    /// Too much in flight: try again after `retryAfter` seconds.
    case overloaded(reason: String, retryAfter: Int)
    /// The store failed.
    case store(StoreError)

    public var description: String {
        switch self {
        case .overloaded(let reason, let retryAfter): return "overloaded: \(reason); retry after \(retryAfter) s"
        case .store(let error): return error.description
        }
    }
}
