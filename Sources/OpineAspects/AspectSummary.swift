/// Opinion counts over many texts, per category and per term, ranked by volume or net
/// sentiment: `DELIVERY: 412 mentions, 71% negative, top terms: bezorging, pakket, levertijd`.
///
/// Add the opinions of each text (from any number of threads, then ``merge(_:)``):
///
/// ```swift
/// var summary = AspectSummary()
/// for text in texts { summary.add(extractor.opinions(in: text, analyzer: analyzer).opinions) }
/// for row in summary.categories(rankedBy: .volume) { print(row.line) }
/// ```
public struct AspectSummary: Sendable, Hashable {
    /// How an ordering of categories or terms is chosen.
    public enum Ranking: String, Sendable, CaseIterable, Codable {
        /// Most mentions first.
        case volume
        /// Most negative net sentiment first (share positive minus share negative), then volume.
        case negative
        /// Most positive net sentiment first, then volume.
        case positive
    }

    /// Mentions and their polarities.
    public struct Counts: Sendable, Hashable, Codable {
        /// Opinions counted.
        public var mentions = 0
        /// Positive opinions.
        public var positive = 0
        /// Negative opinions.
        public var negative = 0
        /// Neutral opinions.
        public var neutral = 0
        /// The sum of the opinions' scores.
        public var scoreSum = 0.0

        /// All zero.
        public init() {}

        /// (positive − negative) / mentions, in -1 ... 1.
        public var net: Double { mentions == 0 ? 0 : Double(positive - negative) / Double(mentions) }
        /// The share of negative mentions.
        public var negativeShare: Double { mentions == 0 ? 0 : Double(negative) / Double(mentions) }
        /// The share of positive mentions.
        public var positiveShare: Double { mentions == 0 ? 0 : Double(positive) / Double(mentions) }
        /// The mean opinion score.
        public var meanScore: Double { mentions == 0 ? 0 : scoreSum / Double(mentions) }

        mutating func add(_ opinion: Opinion) {
            mentions += 1
            scoreSum += opinion.score
            switch opinion.polarity {
            case .positive: positive += 1
            case .negative: negative += 1
            case .neutral: neutral += 1
            }
        }

        mutating func merge(_ other: Counts) {
            mentions += other.mentions
            positive += other.positive
            negative += other.negative
            neutral += other.neutral
            scoreSum += other.scoreSum
        }
    }

    /// One term of a category.
    public struct TermRow: Sendable, Hashable, Codable {
        /// The normalized term (`OpinionTarget.term`).
        public var term: String
        /// The category of the term.
        public var category: AspectCategory
        /// The counts of the opinions about this term.
        public var counts: Counts
    }

    /// One category with its most mentioned terms.
    public struct CategoryRow: Sendable, Hashable, Codable {
        /// The category counted.
        public var category: AspectCategory
        /// The counts of all its opinions, explicit and implicit.
        public var counts: Counts
        /// Opinions without an explicit target (counted in ``counts``).
        public var implicit: Int
        /// Its terms with the most mentions, most first.
        public var topTerms: [TermRow]

        /// `DELIVERY: 412 mentions, 71% negative, top terms: bezorging, pakket, levertijd`.
        public var line: String {
            let share = { (value: Double) in "\(Int((value * 100).rounded()))%" }
            var line = "\(category): \(counts.mentions) mention\(counts.mentions == 1 ? "" : "s"), "
            line += "\(share(counts.negativeShare)) negative, \(share(counts.positiveShare)) positive"
            let terms = topTerms.map(\.term)
            line += terms.isEmpty ? ", no explicit terms" : ", top terms: " + terms.joined(separator: ", ")
            return line
        }
    }

    /// The texts added.
    public private(set) var texts = 0
    /// The texts with at least one opinion.
    public private(set) var textsWithOpinions = 0
    /// All opinions.
    public private(set) var total = Counts()
    private var byCategory: [AspectCategory: Counts] = [:]
    private var implicitByCategory: [AspectCategory: Int] = [:]
    private var byTerm: [TermKey: Counts] = [:]

    private struct TermKey: Hashable, Sendable {
        var term: String
        var category: AspectCategory
    }

    /// An empty summary.
    public init() {}

    /// Adds the opinions of one text.
    public mutating func add(_ opinions: [Opinion]) {
        texts += 1
        if !opinions.isEmpty { textsWithOpinions += 1 }
        for opinion in opinions {
            total.add(opinion)
            byCategory[opinion.category, default: Counts()].add(opinion)
            if let target = opinion.target {
                byTerm[TermKey(term: target.term, category: opinion.category), default: Counts()].add(opinion)
            } else {
                implicitByCategory[opinion.category, default: 0] += 1
            }
        }
    }

    /// Adds another summary's counts (for summaries made on several threads).
    public mutating func merge(_ other: AspectSummary) {
        texts += other.texts
        textsWithOpinions += other.textsWithOpinions
        total.merge(other.total)
        for (key, counts) in other.byCategory { byCategory[key, default: Counts()].merge(counts) }
        for (key, count) in other.implicitByCategory { implicitByCategory[key, default: 0] += count }
        for (key, counts) in other.byTerm { byTerm[key, default: Counts()].merge(counts) }
    }

    /// The categories, ranked, each with its `topTerms` most mentioned terms.
    public func categories(rankedBy ranking: Ranking = .volume, topTerms: Int = 3) -> [CategoryRow] {
        let termsByCategory = Dictionary(grouping: terms(rankedBy: .volume), by: \.category)
        let rows = byCategory.map { category, counts in
            CategoryRow(
                category: category, counts: counts, implicit: implicitByCategory[category] ?? 0,
                topTerms: Array((termsByCategory[category] ?? []).prefix(topTerms)))
        }
        return rows.sorted { Self.ordered(($0.counts, $0.category.rawValue), ($1.counts, $1.category.rawValue), ranking) }
    }

    /// The explicit terms, ranked.
    public func terms(rankedBy ranking: Ranking = .volume, minimumMentions: Int = 1) -> [TermRow] {
        byTerm.filter { $0.value.mentions >= minimumMentions }.map { TermRow(term: $0.key.term, category: $0.key.category, counts: $0.value) }
            .sorted { Self.ordered(($0.counts, $0.term + " " + $0.category.rawValue), ($1.counts, $1.term + " " + $1.category.rawValue), ranking) }
    }

    private static func ordered(_ lhs: (Counts, String), _ rhs: (Counts, String), _ ranking: Ranking) -> Bool {
        let (a, nameA) = lhs
        let (b, nameB) = rhs
        switch ranking {
        case .volume:
            if a.mentions != b.mentions { return a.mentions > b.mentions }
        case .negative:
            if a.net != b.net { return a.net < b.net }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
        case .positive:
            if a.net != b.net { return a.net > b.net }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
        }
        return nameA < nameB
    }
}
