public import Foundation
public import OpineSentiment
public import OpineText

/// A corpus of gold opinions in the SemEval ABSA layout, one row per opinion: a TSV with
/// a header naming `id`, `label` (pos/neg/neu), `category` (`FOOD#QUALITY`), `target`
/// (`NULL` when implicit), `from`, `to` (character offsets of the target, Unicode
/// scalars) and `text`. Rows with the same id are one sentence.
public struct GoldAspectCorpus: Sendable {
    /// One gold opinion.
    public struct GoldOpinion: Sendable, Hashable {
        /// The gold polarity.
        public var polarity: OpinionPolarity
        /// The category as annotated, in the corpus's scheme (`FOOD#QUALITY`).
        public var category: String
        /// nil when the target is implicit (`NULL`).
        public var target: String?
        /// Start of the target in the text, in Unicode scalars.
        public var from: Int
        /// End of the target in the text (exclusive), in Unicode scalars.
        public var to: Int
        /// The line it was read from (1-based, header included).
        public var line: Int

        /// A gold opinion.
        public init(polarity: OpinionPolarity, category: String, target: String?, from: Int, to: Int, line: Int) {
            self.polarity = polarity
            self.category = category
            self.target = target
            self.from = from
            self.to = to
            self.line = line
        }
    }

    /// One sentence with its gold opinions.
    public struct Sentence: Sendable, Hashable {
        /// The SemEval id (`review:sentence`).
        public var id: String
        /// The sentence as written.
        public var text: String
        /// Its gold opinions, in file order.
        public var opinions: [GoldOpinion]
        /// The texts of the other sentences of the same review, in file order: SemEval ids
        /// are `review:sentence`, and the review is the text the sentence was written in.
        /// Only their texts are used (as the rest of the text a sentence stands in), never
        /// their labels.
        public var neighbours: [String] = []

        /// A sentence.
        public init(id: String, text: String, opinions: [GoldOpinion], neighbours: [String] = []) {
            self.id = id
            self.text = text
            self.opinions = opinions
            self.neighbours = neighbours
        }

        /// The review of a SemEval id: everything before the last `:` (`1004293:0` →
        /// `1004293`); an id without `:` is its own review.
        static func review(of id: String) -> Substring {
            guard let colon = id.lastIndex(of: ":") else { return Substring(id) }
            return id[..<colon]
        }
    }

    /// The file it was read from.
    public var path: String
    /// The sentences in order of first appearance of their ids.
    public var sentences: [Sentence]

    /// Reads a corpus file.
    public init(contentsOf url: URL) throws(CorpusError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), path: url.path)
    }

    /// Parses corpus text.
    public init(parsing text: String, path: String) throws(CorpusError) {
        self.path = path
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw .malformed(path: path, line: 1, reason: "empty file") }
        let names = header.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var column: [String: Int] = [:]
        for name in ["id", "label", "category", "target", "from", "to", "text"] {
            guard let index = names.firstIndex(of: name) else {
                throw .malformed(path: path, line: 1, reason: "no '\(name)' column in header \(names)")
            }
            column[name] = index
        }
        var order: [String] = []
        var byID: [String: Sentence] = [:]
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == names.count else {
                throw .malformed(path: path, line: number, reason: "expected \(names.count) fields, found \(fields.count)")
            }
            let polarity: OpinionPolarity
            switch fields[column["label"]!].lowercased() {
            case "pos", "positive": polarity = .positive
            case "neg", "negative": polarity = .negative
            case "neu", "neutral": polarity = .neutral
            case let other: throw .malformed(path: path, line: number, reason: "label '\(other)' is not pos, neg or neu")
            }
            guard let from = Int(fields[column["from"]!]), let to = Int(fields[column["to"]!]), from <= to else {
                throw .malformed(path: path, line: number, reason: "'from' and 'to' must be offsets with from <= to")
            }
            let target = fields[column["target"]!]
            let id = fields[column["id"]!]
            let opinion = GoldOpinion(
                polarity: polarity, category: fields[column["category"]!], target: target == "NULL" || target.isEmpty ? nil : target,
                from: from, to: to, line: number)
            if byID[id] == nil {
                order.append(id)
                byID[id] = Sentence(id: id, text: fields[column["text"]!], opinions: [])
            }
            byID[id]!.opinions.append(opinion)
        }
        sentences = order.map { byID[$0]! }
        var reviews: [Substring: [Int]] = [:]
        for (index, sentence) in sentences.enumerated() { reviews[Sentence.review(of: sentence.id), default: []].append(index) }
        for members in reviews.values where members.count > 1 {
            for index in members { sentences[index].neighbours = members.filter { $0 != index }.map { sentences[$0].text } }
        }
    }
}

/// Polarity and target-detection figures of an ``OpinionExtractor`` on a gold corpus.
public struct AspectEvaluation: Sendable, Codable {
    /// Accuracy with its confusion matrix (rows gold, columns predicted: positive, negative, neutral).
    public struct Accuracy: Sendable, Codable {
        /// Opinions whose predicted polarity is the gold one.
        public var correct = 0
        /// Opinions evaluated.
        public var count = 0
        /// Counts by gold row and predicted column, both in positive, negative, neutral order.
        public var confusion = [[Int]](repeating: [0, 0, 0], count: 3)
        /// `correct / count`, 0...1 (0 when nothing was evaluated).
        public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }

        mutating func add(gold: OpinionPolarity, predicted: OpinionPolarity) {
            count += 1
            if gold == predicted { correct += 1 }
            confusion[Self.index(gold)][Self.index(predicted)] += 1
        }

        static func index(_ polarity: OpinionPolarity) -> Int {
            switch polarity {
            case .positive: 0
            case .negative: 1
            case .neutral: 2
            }
        }

        enum CodingKeys: String, CodingKey { case correct, count, confusion, accuracy }

        /// All counts zero.
        public init() {}

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(correct, forKey: .correct)
            try container.encode(count, forKey: .count)
            try container.encode(confusion, forKey: .confusion)
            try container.encode(accuracy, forKey: .accuracy)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            correct = try container.decode(Int.self, forKey: .correct)
            count = try container.decode(Int.self, forKey: .count)
            confusion = try container.decode([[Int]].self, forKey: .confusion)
        }
    }

    /// Precision and recall of a set of predictions.
    public struct Detection: Sendable, Codable {
        /// Predictions that match a gold item.
        public var matchedPredicted = 0
        /// Predictions made.
        public var predicted = 0
        /// Gold items that a prediction matches.
        public var matchedGold = 0
        /// Gold items.
        public var gold = 0
        /// Share of predictions that match a gold item, 0...1 (0 when none).
        public var precision: Double { predicted == 0 ? 0 : Double(matchedPredicted) / Double(predicted) }
        /// Share of gold items that a prediction matches, 0...1 (0 when none).
        public var recall: Double { gold == 0 ? 0 : Double(matchedGold) / Double(gold) }
        /// Harmonic mean of precision and recall, 0...1.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        /// All counts zero.
        public init() {}

        enum CodingKeys: String, CodingKey { case matchedPredicted, predicted, matchedGold, gold, precision, recall, f1 }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(matchedPredicted, forKey: .matchedPredicted)
            try container.encode(predicted, forKey: .predicted)
            try container.encode(matchedGold, forKey: .matchedGold)
            try container.encode(gold, forKey: .gold)
            try container.encode(precision, forKey: .precision)
            try container.encode(recall, forKey: .recall)
            try container.encode(f1, forKey: .f1)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            matchedPredicted = try container.decode(Int.self, forKey: .matchedPredicted)
            predicted = try container.decode(Int.self, forKey: .predicted)
            matchedGold = try container.decode(Int.self, forKey: .matchedGold)
            gold = try container.decode(Int.self, forKey: .gold)
        }
    }

    /// Path of the gold corpus.
    public var corpus: String
    /// Sentences evaluated.
    public var sentences = 0
    /// Three-class polarity accuracy over every gold opinion (pos, neg, neu): the
    /// extractor's, given the gold target (or the gold category when the target is NULL).
    public var polarity = Accuracy()
    /// The same for the baseline: every opinion gets its sentence's polarity (the
    /// sentence compound ≥ 0.05 positive, ≤ -0.05 negative, else neutral).
    public var baseline = Accuracy()
    /// The baseline with the context fallback: every opinion gets what a target with no
    /// word tied gets, ``OpinionExtractor/fallbackCompound(sentence:text:context:)`` of its
    /// sentence and the rest of its review (the mean compound of the review's other
    /// sentences); it tells how much of ``polarity`` the review's tone alone gives.
    public var baselineContext = Accuracy()
    /// Binary accuracy on the gold pos/neg opinions only, positive iff score > 0 (the
    /// project's convention; 0 counts as negative).
    public var polarityBinary = Accuracy()
    /// The same binary accuracy for the sentence baseline.
    public var baselineBinary = Accuracy()
    /// Three-class accuracy on the opinions with an explicit gold target, and on the implicit ones.
    public var polarityExplicit = Accuracy()
    /// The sentence baseline on the opinions with an explicit target.
    public var baselineExplicit = Accuracy()
    /// The extractor on the opinions with an implicit (NULL) target.
    public var polarityImplicit = Accuracy()
    /// The sentence baseline on the opinions with an implicit target.
    public var baselineImplicit = Accuracy()
    /// Three-class accuracy on the opinions of mixed sentences: those whose gold opinions
    /// differ in polarity (`the food was great but the waiter was rude`). A sentence-level
    /// prediction can get at most one polarity of such a sentence right, so this is where
    /// attribution to targets shows.
    public var polarityMixed = Accuracy()
    /// The sentence baseline on the opinions of mixed sentences.
    public var baselineMixed = Accuracy()
    /// The review-tone baseline (``baselineContext``) on the opinions of mixed sentences.
    public var baselineContextMixed = Accuracy()
    /// How many opinions got their polarity from the sentence because no word was tied to them.
    public var sentenceFallbacks = 0
    /// Explicit target detection against the distinct gold targets of each sentence:
    /// exactly the same span, and overlapping spans.
    public var targetsExact = Detection()
    /// Target detection where any overlap of the spans counts as a match.
    public var targetsOverlap = Detection()
    /// Category detection per sentence: the distinct categories of the extracted opinions
    /// against the gold categories mapped to the taxonomy.
    public var categories = Detection()
    /// Gold spans whose offsets did not select the target text and were re-anchored to
    /// its nearest occurrence.
    public var reanchoredTargets = 0
    /// Sentences per scored language.
    public var languages: [String: Int] = [:]
    /// Every gold opinion with the prediction, when ``recordsOpinions`` is set (for error analysis).
    public var rows: [Row] = []
    /// Whether ``rows`` is filled.
    public var recordsOpinions = false

    /// One gold opinion and what was predicted for it.
    public struct Row: Sendable, Codable {
        /// The sentence id.
        public var id: String
        /// The sentence text.
        public var text: String
        /// The gold target; nil when implicit.
        public var target: String?
        /// The gold category, in the corpus's scheme.
        public var category: String
        /// The gold polarity.
        public var gold: OpinionPolarity
        /// The extractor's polarity.
        public var predicted: OpinionPolarity
        /// The sentence baseline's polarity.
        public var baseline: OpinionPolarity
        /// The context baseline's prediction (``AspectEvaluation/baselineContext``).
        public var baselineContext: OpinionPolarity?
        /// The words tied to the opinion, each as `text score link` (`great +0.62 predicate`).
        public var words: [String]
    }

    /// Evaluates an extractor on a gold corpus.
    public static func evaluate(
        _ corpus: GoldAspectCorpus, analyzer: SentimentAnalyzer, extractor: OpinionExtractor, language: Language? = nil
    ) -> AspectEvaluation {
        var result = AspectEvaluation(corpus: corpus.path)
        for sentence in corpus.sentences { result.add(sentence, analyzer: analyzer, extractor: extractor, language: language) }
        return result
    }

    /// Creates an empty evaluation.
    public init(corpus: String) { self.corpus = corpus }

    /// Adds one sentence's figures.
    public mutating func add(_ sentence: GoldAspectCorpus.Sentence, analyzer: SentimentAnalyzer, extractor: OpinionExtractor, language: Language?) {
        sentences += 1
        let tokenized = Tokenizer().tokenize(sentence.text)
        let analysis = analyzer.analyze(tokenized, language: language)
        languages[analysis.language.rawValue, default: 0] += 1
        let opinions = extractor.opinions(in: tokenized, analysis: analysis)
        let context = Self.context(of: sentence, analyzer: analyzer, language: language)
        let offsets = Self.byteOffsets(of: sentence.text)
        var goldSpans: [Range<Int>] = []
        var goldCategories: Set<AspectCategory> = []
        let isMixed = Set(sentence.opinions.map(\.polarity)).count > 1
        for gold in sentence.opinions {
            let category = extractor.taxonomy.category(forExternal: gold.category) ?? .general
            goldCategories.insert(category)
            let predicted: Opinion
            let baselineScore: Double
            if let target = gold.target {
                let (from, to, moved) = Self.anchor(target, from: gold.from, to: gold.to, in: sentence.text)
                if moved { reanchoredTargets += 1 }
                let span = offsets[min(from, offsets.count - 1)]..<offsets[min(to, offsets.count - 1)]
                if !goldSpans.contains(span) { goldSpans.append(span) }
                predicted = extractor.opinion(toward: span, in: tokenized, analysis: analysis, context: context)
                let index = analysis.sentences.firstIndex { $0.range.contains(span.lowerBound) }
                baselineScore = index.map { analysis.sentences[$0].compound } ?? analysis.compound
                polarityExplicit.add(gold: gold.polarity, predicted: predicted.polarity)
                baselineExplicit.add(gold: gold.polarity, predicted: extractor.polarity(of: baselineScore))
            } else {
                predicted = extractor.opinion(toward: category, in: tokenized, analysis: analysis, context: context)
                baselineScore = analysis.compound
                polarityImplicit.add(gold: gold.polarity, predicted: predicted.polarity)
                baselineImplicit.add(gold: gold.polarity, predicted: extractor.polarity(of: baselineScore))
            }
            if predicted.words.isEmpty { sentenceFallbacks += 1 }
            let inContext = extractor.polarity(of: extractor.fallbackCompound(sentence: baselineScore, text: nil, context: context))
            if recordsOpinions {
                rows.append(
                    Row(
                        id: sentence.id, text: sentence.text, target: gold.target, category: gold.category, gold: gold.polarity,
                        predicted: predicted.polarity, baseline: extractor.polarity(of: baselineScore), baselineContext: inContext,
                        words: predicted.words.map { "\($0.text) \(String(format: "%+.2f", $0.score)) \($0.link.rawValue)" }))
            }
            polarity.add(gold: gold.polarity, predicted: predicted.polarity)
            baseline.add(gold: gold.polarity, predicted: extractor.polarity(of: baselineScore))
            baselineContext.add(gold: gold.polarity, predicted: inContext)
            if isMixed {
                polarityMixed.add(gold: gold.polarity, predicted: predicted.polarity)
                baselineMixed.add(gold: gold.polarity, predicted: extractor.polarity(of: baselineScore))
                baselineContextMixed.add(gold: gold.polarity, predicted: inContext)
            }
            if gold.polarity != .neutral {
                polarityBinary.add(gold: gold.polarity, predicted: predicted.score > 0 ? .positive : .negative)
                baselineBinary.add(gold: gold.polarity, predicted: baselineScore > 0 ? .positive : .negative)
            }
        }
        var predictedSpans: [Range<Int>] = []
        for opinion in opinions {
            if let target = opinion.target, !predictedSpans.contains(target.range) { predictedSpans.append(target.range) }
        }
        targetsExact.add(predicted: predictedSpans, gold: goldSpans) { $0 == $1 }
        targetsOverlap.add(predicted: predictedSpans, gold: goldSpans) { $0.overlaps($1) }
        let predictedCategories = Set(opinions.map(\.category))
        categories.add(predicted: Array(predictedCategories), gold: Array(goldCategories)) { $0 == $1 }
    }

    /// The compound of the rest of a sentence's review: the mean compound of its other
    /// sentences, each scored on its own; nil for a review of one sentence.
    static func context(of sentence: GoldAspectCorpus.Sentence, analyzer: SentimentAnalyzer, language: Language?) -> Double? {
        guard !sentence.neighbours.isEmpty else { return nil }
        let tokenizer = Tokenizer()
        let sum = sentence.neighbours.reduce(0.0) { $0 + analyzer.analyze(tokenizer.tokenize($1), language: language).compound }
        return sum / Double(sentence.neighbours.count)
    }

    /// The UTF-8 offset of every Unicode scalar index, and of the end.
    static func byteOffsets(of text: String) -> [Int] {
        var offsets: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        return offsets
    }

    /// The scalar span of `target` in `text`: the given one when it selects the target
    /// (ignoring case), else the nearest occurrence.
    static func anchor(_ target: String, from: Int, to: Int, in text: String) -> (Int, Int, Bool) {
        let scalars = Array(text.unicodeScalars)
        let wanted = Array(target.lowercased().unicodeScalars)
        func matches(at start: Int) -> Bool {
            guard start >= 0, start + wanted.count <= scalars.count else { return false }
            return String(String.UnicodeScalarView(scalars[start..<(start + wanted.count)])).lowercased().unicodeScalars.elementsEqual(wanted)
        }
        if to - from == wanted.count && matches(at: from) { return (from, to, false) }
        guard !wanted.isEmpty, scalars.count >= wanted.count else { return (from, to, false) }
        let starts = (0...(scalars.count - wanted.count)).filter(matches)
        guard let best = starts.min(by: { abs($0 - from) < abs($1 - from) }) else { return (from, to, false) }
        return (best, best + wanted.count, true)
    }
}

extension AspectEvaluation.Detection {
    mutating func add<Item>(predicted: [Item], gold: [Item], matches: (Item, Item) -> Bool) {
        self.predicted += predicted.count
        self.gold += gold.count
        matchedPredicted += predicted.filter { item in gold.contains { matches(item, $0) } }.count
        matchedGold += gold.filter { item in predicted.contains { matches($0, item) } }.count
    }
}

extension AspectEvaluation {
    /// Adds the figures of another evaluation of the same corpus (for parallel runs).
    public mutating func merge(_ other: AspectEvaluation) {
        sentences += other.sentences
        polarity.merge(other.polarity)
        baseline.merge(other.baseline)
        baselineContext.merge(other.baselineContext)
        polarityBinary.merge(other.polarityBinary)
        baselineBinary.merge(other.baselineBinary)
        polarityExplicit.merge(other.polarityExplicit)
        baselineExplicit.merge(other.baselineExplicit)
        polarityImplicit.merge(other.polarityImplicit)
        baselineImplicit.merge(other.baselineImplicit)
        polarityMixed.merge(other.polarityMixed)
        baselineMixed.merge(other.baselineMixed)
        baselineContextMixed.merge(other.baselineContextMixed)
        sentenceFallbacks += other.sentenceFallbacks
        targetsExact.merge(other.targetsExact)
        targetsOverlap.merge(other.targetsOverlap)
        categories.merge(other.categories)
        reanchoredTargets += other.reanchoredTargets
        rows += other.rows
        for (language, count) in other.languages { languages[language, default: 0] += count }
    }
}

extension AspectEvaluation.Accuracy {
    mutating func merge(_ other: Self) {
        correct += other.correct
        count += other.count
        for row in 0..<3 { for column in 0..<3 { confusion[row][column] += other.confusion[row][column] } }
    }
}

extension AspectEvaluation.Detection {
    mutating func merge(_ other: Self) {
        matchedPredicted += other.matchedPredicted
        predicted += other.predicted
        matchedGold += other.matchedGold
        gold += other.gold
    }
}
