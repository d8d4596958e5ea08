/// Why engagement input was rejected.
///
/// Every case names what was wrong and, where there is one, the interaction (by id) or
/// the input row (by index), so a caller can report "row 12: rating 6 is outside 1-5
/// stars" rather than a generic failure.
///
/// ```swift
/// do { _ = try Rating(stars: 6) }
/// catch let error as EngagementError { print(error) }   // rating 6 is outside its scale, stars 1-5
/// ```
public enum EngagementError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A rating outside its scale (stars 1-5, score 0-10).
    case ratingOutOfRange(value: Int, scale: Rating.Scale)
    /// An interaction without an id; `index` is its position in the input when known.
    case emptyID(index: Int?)
    /// An interaction without an author.
    case emptyAuthor(id: String)
    /// A negative follower count.
    case negativeFollowerCount(id: String, count: Int)
    /// A rating on a kind that carries none (a follow, unfollow, like or share).
    case ratingNotAllowed(id: String, kind: InteractionKind)
    /// An interaction whose `inReplyTo` is its own id.
    case repliesToItself(id: String)
    /// Two interactions with the same id.
    case duplicateID(String)
    /// An interaction with text but no ``OpineSentiment/Analysis`` for it.
    case missingAnalysis(id: String)
    /// The analyses are not aligned with the interactions.
    case analysisCountMismatch(interactions: Int, analyses: Int)
    /// A rule or weight that is out of its range (not finite, or a time span that is not positive).
    case invalidParameter(name: String, value: Double, expected: String)
    /// A count that cannot be used (a negative count, or an engagement rate over no followers).
    case invalidCount(name: String, value: Int, expected: String)

    public var description: String {
        switch self {
        case .ratingOutOfRange(let value, let scale):
            return "rating \(value) is outside its scale, \(scale.rawValue) \(scale.range.lowerBound)-\(scale.range.upperBound)"
        case .emptyID(let index):
            return index.map { "interaction \($0): empty id" } ?? "interaction with an empty id"
        case .emptyAuthor(let id): return "interaction \(id): empty author"
        case .negativeFollowerCount(let id, let count): return "interaction \(id): negative follower count \(count)"
        case .ratingNotAllowed(let id, let kind): return "interaction \(id): a \(kind.rawValue) cannot carry a rating"
        case .repliesToItself(let id): return "interaction \(id) replies to itself"
        case .duplicateID(let id): return "duplicate interaction id \(id)"
        case .missingAnalysis(let id): return "interaction \(id) has text but no sentiment analysis"
        case .analysisCountMismatch(let interactions, let analyses):
            return "\(analyses) analyses for \(interactions) interactions; they must be aligned"
        case .invalidParameter(let name, let value, let expected): return "\(name) is \(value); expected \(expected)"
        case .invalidCount(let name, let value, let expected): return "\(name) is \(value); expected \(expected)"
        }
    }
}
