import OpineAspects
import OpineSentiment
import OpineText

/// The fields `opine batch` adds to every row, in output order.
public enum SentimentField: String, Sendable, Hashable, CaseIterable {
    case label, compound, positive, negative, neutral, subjectivity, language, stance
    /// The row's opinions as a JSON array (see ``OpinionsJSON``); written only when the run
    /// extracts opinions (``BatchOptions/opinions``).
    case opinions

    /// The fields a run writes, in output order: every field, or every field but
    /// ``opinions``.
    static func written(opinions: Bool) -> [SentimentField] {
        opinions ? allCases : allCases.filter { $0 != .opinions }
    }
}

/// The values of the ``SentimentField``s for one row.
enum SentimentValues {
    /// Each written field's value for `analysis`, `stance` and, when the run extracts them,
    /// `opinions`; numbers with up to four decimals.
    static func of(_ analysis: Analysis, stance: BatchStance, opinions: [Opinion]?) -> [AppendedValue] {
        SentimentField.written(opinions: opinions != nil).map { field in
            switch field {
            case .label: AppendedValue(text: analysis.label.rawValue, isJSON: false)
            case .compound: AppendedValue(text: decimal(analysis.compound), isJSON: true)
            case .positive: AppendedValue(text: decimal(analysis.positive), isJSON: true)
            case .negative: AppendedValue(text: decimal(analysis.negative), isJSON: true)
            case .neutral: AppendedValue(text: decimal(analysis.neutral), isJSON: true)
            case .subjectivity: AppendedValue(text: decimal(analysis.subjectivity), isJSON: true)
            case .language: AppendedValue(text: analysis.language.rawValue, isJSON: false)
            case .stance: AppendedValue(text: stance.rawValue, isJSON: false)
            case .opinions: AppendedValue(text: OpinionsJSON.array(opinions ?? []), isJSON: true)
            }
        }
    }

    /// `value` rounded to four decimals, without trailing zeros: `0.4215`, `-0.5`, `0`.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = Int((abs(value) * 10_000).rounded())
        guard scaled != 0 else { return "0" }
        var fraction = scaled % 10_000
        var digits = 4
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = value < 0 ? "-" : ""
        text += String(scaled / 10_000)
        if digits > 0 {
            let written = String(fraction)
            text += "." + String(repeating: "0", count: digits - written.count) + written
        }
        return text
    }
}
