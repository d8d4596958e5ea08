import OpineSentiment
import OpineText

/// The fields `opine batch` adds to every row, in output order.
public enum SentimentField: String, Sendable, Hashable, CaseIterable {
    case label, compound, positive, negative, neutral, subjectivity, language, stance
}

/// The values of the ``SentimentField``s for one row.
enum SentimentValues {
    /// Each field's value for `analysis` and `stance`, numbers with up to four decimals.
    static func of(_ analysis: Analysis, stance: BatchStance) -> [AppendedValue] {
        SentimentField.allCases.map { field in
            switch field {
            case .label: AppendedValue(text: analysis.label.rawValue, isNumber: false)
            case .compound: AppendedValue(text: decimal(analysis.compound), isNumber: true)
            case .positive: AppendedValue(text: decimal(analysis.positive), isNumber: true)
            case .negative: AppendedValue(text: decimal(analysis.negative), isNumber: true)
            case .neutral: AppendedValue(text: decimal(analysis.neutral), isNumber: true)
            case .subjectivity: AppendedValue(text: decimal(analysis.subjectivity), isNumber: true)
            case .language: AppendedValue(text: analysis.language.rawValue, isNumber: false)
            case .stance: AppendedValue(text: stance.rawValue, isNumber: false)
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
