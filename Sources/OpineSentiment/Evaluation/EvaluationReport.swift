/// Accuracy figures of a scorer on a labelled corpus.
///
/// Two views, as in the project's convention:
/// - **binary**: on the positive and negative gold rows only, predicted positive iff the
///   compound is above 0; a compound of exactly 0 (no sentiment found) therefore counts
///   as a negative prediction;
/// - **three-class**: positive / neutral / negative, predicted from the compound with
///   the ±0.05 thresholds (a *mixed* label counts by its compound's side).
/// Plus Pearson's r between compound and the human score when the corpus has scores.
public struct EvaluationReport: Sendable, Codable {
    /// Precision, recall and F1 of one class.
    public struct ClassMetrics: Sendable, Codable {
        /// Share of the predictions of this class that are right, 0...1 (0 when none predicted).
        public var precision: Double
        /// Share of the gold items of this class predicted as it, 0...1 (0 when none).
        public var recall: Double
        /// Harmonic mean of precision and recall, 0...1.
        public var f1: Double
        /// Number of gold items of this class.
        public var support: Int
    }

    /// The figures of one view (binary or three-class).
    public struct View: Sendable, Codable {
        /// Classes in matrix order.
        public var classes: [String]
        /// Share of items predicted right, 0...1 (0 for an empty view).
        public var accuracy: Double
        /// Unweighted mean of the per-class F1 scores, 0...1.
        public var macroF1: Double
        /// Precision, recall and F1 keyed by class name.
        public var perClass: [String: ClassMetrics]
        /// `confusion[gold][predicted]`, in ``classes`` order.
        public var confusion: [[Int]]
        /// Number of items the view covers.
        public var count: Int
    }

    /// Path of the corpus file evaluated.
    public var corpus: String
    /// Number of items in the corpus (all labels).
    public var items: Int
    /// Positive vs negative on the pos/neg rows.
    public var binary: View
    /// Positive / neutral / negative; nil for a corpus without neutral gold rows.
    public var threeClass: View?
    /// Pearson's r of compound with the human score, when the corpus has scores.
    public var pearson: Double?
    /// Items per detected language.
    public var languages: [String: Int]
    /// The binary view restricted to the items of each detected language.
    public var binaryByLanguage: [String: View]
    /// Texts scored per second (all cores, scoring only).
    public var textsPerSecond: Double

    /// Computes the report from gold labels, compounds and languages in corpus order.
    public init(
        corpus: LabelledCorpus, compounds: [Double], languages: [String], textsPerSecond: Double,
        thresholds: SentimentThresholds = .init()
    ) {
        self.corpus = corpus.path
        items = corpus.items.count
        self.textsPerSecond = textsPerSecond
        self.languages = languages.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        var binaryPairs: [(Int, Int)] = []
        var binaryPairsByLanguage: [String: [(Int, Int)]] = [:]
        var threePairs: [(Int, Int)] = []
        for (index, (item, compound)) in zip(corpus.items, compounds).enumerated() {
            if item.label != .neutral {
                let pair = (item.label == .positive ? 0 : 1, compound > 0 ? 0 : 1)
                binaryPairs.append(pair)
                if index < languages.count { binaryPairsByLanguage[languages[index], default: []].append(pair) }
            }
            let gold = item.label == .positive ? 0 : item.label == .neutral ? 1 : 2
            let predicted = compound >= thresholds.positive ? 0 : compound <= thresholds.negative ? 2 : 1
            threePairs.append((gold, predicted))
        }
        binary = Self.view(classes: ["positive", "negative"], pairs: binaryPairs)
        binaryByLanguage = binaryPairsByLanguage.mapValues { Self.view(classes: ["positive", "negative"], pairs: $0) }
        threeClass = corpus.isBinary ? nil : Self.view(classes: ["positive", "neutral", "negative"], pairs: threePairs)
        if corpus.hasScores {
            pearson = Self.pearson(compounds, corpus.items.map { $0.score! })
        }
    }

    static func view(classes: [String], pairs: [(Int, Int)]) -> View {
        var confusion = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
        for (gold, predicted) in pairs { confusion[gold][predicted] += 1 }
        var perClass: [String: ClassMetrics] = [:]
        for (index, name) in classes.enumerated() {
            let truePositives = Double(confusion[index][index])
            let predicted = Double(confusion.reduce(0) { $0 + $1[index] })
            let actual = Double(confusion[index].reduce(0, +))
            let precision = predicted > 0 ? truePositives / predicted : 0
            let recall = actual > 0 ? truePositives / actual : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            perClass[name] = ClassMetrics(precision: precision, recall: recall, f1: f1, support: Int(actual))
        }
        let correct = classes.indices.reduce(0) { $0 + confusion[$1][$1] }
        return View(
            classes: classes, accuracy: pairs.isEmpty ? 0 : Double(correct) / Double(pairs.count),
            macroF1: classes.map { perClass[$0]!.f1 }.reduce(0, +) / Double(classes.count),
            perClass: perClass, confusion: confusion, count: pairs.count)
    }

    /// Pearson's correlation coefficient; 0 when either side is constant.
    static func pearson(_ xs: [Double], _ ys: [Double]) -> Double {
        let n = Double(xs.count)
        guard n > 1 else { return 0 }
        let meanX = xs.reduce(0, +) / n
        let meanY = ys.reduce(0, +) / n
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - meanX) * (y - meanY)
            varianceX += (x - meanX) * (x - meanX)
            varianceY += (y - meanY) * (y - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return 0 }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}
