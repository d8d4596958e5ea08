import OpineAspects

/// The opinions part of a batch summary, from the run's ``AspectSummary``: the categories
/// ranked by volume (one line each, as `opine aspects` prints them), the categories ranked
/// by net sentiment, and the terms ranked by volume and by net sentiment.
///
/// ```
///   opinions   1,204 in 845 rows (84.5%); categories by volume:
///     DELIVERY: 412 mentions, 71% negative, 20% positive, top terms: bezorging, pakket, levertijd
///     FOOD: 300 mentions, 12% negative, 80% positive, top terms: eten, pizza, friet
///   net        most negative first: DELIVERY -51%, GENERAL +10%, FOOD +68%
///   terms      most mentioned: bezorging 120 (net -60%), eten 90 (net +81%), pakket 80 (net -40%)
///   negative   most negative terms with 3+ mentions: levertijd -80% (25), bezorging -60% (120)
///   positive   most positive terms with 3+ mentions: eten +81% (90)
/// ```
enum OpinionSummaryLines {
    /// Terms shown per category.
    static let topTermsPerCategory = 3
    /// Terms shown in the volume ranking.
    static let termsByVolume = 8
    /// Terms shown at each end of the net-sentiment ranking.
    static let termsByNet = 5

    /// The lines, none when no row's opinions were extracted.
    static func of(_ summary: AspectSummary) -> [String] {
        guard summary.texts > 0 else { return [] }
        let count = NumberFormatting.grouped
        let share = NumberFormatting.oneDecimal(Double(summary.textsWithOpinions) * 100 / Double(summary.texts))
        var lines = [
            "  opinions   \(count(summary.total.mentions)) in \(count(summary.textsWithOpinions)) rows (\(share)%)"
                + (summary.total.mentions > 0 ? "; categories by volume:" : "")
        ]
        guard summary.total.mentions > 0 else { return lines }
        lines += summary.categories(rankedBy: .volume, topTerms: topTermsPerCategory).map { "    " + $0.line }
        lines.append(
            "  net        most negative first: "
                + summary.categories(rankedBy: .negative).map { "\($0.category) \(net($0.counts))" }.joined(separator: ", "))
        let mentioned = summary.terms(rankedBy: .volume).prefix(termsByVolume)
        if !mentioned.isEmpty {
            lines.append(
                "  terms      most mentioned: "
                    + mentioned.map { "\($0.term) \(count($0.counts.mentions)) (net \(net($0.counts)))" }.joined(separator: ", "))
        }
        // Ranking by net sentiment only among terms mentioned often enough to mean something.
        let minimum = max(3, summary.total.mentions / 1000)
        let negative = summary.terms(rankedBy: .negative, minimumMentions: minimum).prefix { $0.counts.net < 0 }.prefix(termsByNet)
        let positive = summary.terms(rankedBy: .positive, minimumMentions: minimum).prefix { $0.counts.net > 0 }.prefix(termsByNet)
        for (name, terms) in [("negative", negative), ("positive", positive)] where !terms.isEmpty {
            lines.append(
                "  \(name)   most \(name) terms with \(count(minimum))+ mentions: "
                    + terms.map { "\($0.term) \(net($0.counts)) (\(count($0.counts.mentions)))" }.joined(separator: ", "))
        }
        return lines
    }

    /// Net sentiment as a signed whole percentage: `+68%`, `-51%`, `0%`.
    private static func net(_ counts: AspectSummary.Counts) -> String {
        let percent = Int((counts.net * 100).rounded())
        return (percent > 0 ? "+" : "") + "\(percent)%"
    }
}
