public import Foundation

/// The bytes a destination receives for an alert, in its ``WebhookFormat``.
///
/// Rendering is deterministic (sorted keys, ISO 8601 times), so every retry of an alert
/// sends the same body and the same signature input.
///
/// ```swift
/// let body = try WebhookPayload.body(for: alert, format: .slack)   // {"text":"angry-customer: ..."}
/// ```
public enum WebhookPayload {
    /// The request body for `alert` in `format`.
    public static func body(for alert: Alert, format: WebhookFormat) throws -> Data {
        switch format {
        case .json:
            return try encoder.encode(alert)
        case .slack:
            return try encoder.encode(["text": slackText(alert)])
        }
    }

    /// The Slack message: the summary, then the text quoted.
    static func slackText(_ alert: Alert) -> String {
        var lines = [":rotating_light: " + escape(alert.summary)]
        if let text = alert.interaction.text, alert.window == nil {
            lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).prefix(10).map { "> " + escape(String($0)) })
        }
        lines.append("alert `\(escape(alert.id))`")
        return lines.joined(separator: "\n")
    }

    /// Slack's three control characters.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}
