public import Foundation
public import OpineEngagement

/// Reads interactions from JSON as the API and `opine watch` receive them, with errors
/// that name the field: "interactions[2].kind: ...".
///
/// Times are ISO 8601 strings (with or without fractions or an offset) or epoch seconds.
/// A body is one interaction object, an array of them, or `{"interactions": [...]}`.
///
/// ```swift
/// let interactions = try InteractionJSON.decodeBody(Data(#"{"id":"r1","author":"anna","kind":"review","time":"2024-05-01T12:00:00Z","text":"Late again."}"#.utf8))
/// ```
public enum InteractionJSON {
    /// Why a JSON input was refused.
    public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The field path (`interactions[2].kind`), empty for the whole body.
        public var field: String
        /// What is wrong.
        public var message: String

        /// An input error.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        /// The error of a decoding failure, with the field it happened at.
        public init(_ error: DecodingError) {
            self = InteractionJSON.describe(error, root: "")
        }

        public var description: String { field.isEmpty ? message : "\(field): \(message)" }
    }

    /// A decoder for interaction JSON.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try container.decode(String.self)
            guard let date = TimeParser.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not a time; use ISO 8601 such as 2024-05-01T12:00:00Z")
            }
            return date
        }
        return decoder
    }

    /// The interactions of a request body.
    /// - Throws: ``InputError`` naming the field.
    public static func decodeBody(_ data: Data, maxTextLength: Int = .max) throws(InputError) -> [Interaction] {
        try checkUTF8(data)
        let trimmed = data.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if trimmed.first == UInt8(ascii: "[") {
            let interactions = try decode([Interaction].self, from: data, root: "interactions")
            try checkTexts(interactions, maxTextLength: maxTextLength, single: false)
            return interactions
        }
        let body = try decode(ObjectBody.self, from: data, root: "")
        try checkTexts(body.interactions, maxTextLength: maxTextLength, single: body.isSingle)
        return body.interactions
    }

    /// One interaction from one line of JSON Lines.
    /// - Throws: ``InputError`` naming the field.
    public static func decodeLine(_ data: Data, maxTextLength: Int = .max) throws(InputError) -> Interaction {
        try checkUTF8(data)
        let interaction = try decode(Interaction.self, from: data, root: "")
        try checkTexts([interaction], maxTextLength: maxTextLength, single: true)
        return interaction
    }

    /// An object body, decoded in one pass: `{"interactions": [...]}`, or else one interaction.
    struct ObjectBody: Decodable {
        var interactions: [Interaction]
        var isSingle: Bool

        enum Keys: String, CodingKey { case interactions }

        init(from decoder: any Decoder) throws {
            if let container = try? decoder.container(keyedBy: Keys.self), container.contains(.interactions) {
                interactions = try container.decode([Interaction].self, forKey: .interactions)
                isSingle = false
            } else {
                interactions = [try Interaction(from: decoder)]
                isSingle = true
            }
        }
    }

    static func checkUTF8(_ data: Data) throws(InputError) {
        guard String(validating: data, as: UTF8.self) != nil else {
            throw InputError(field: "", message: "the body is not valid UTF-8")
        }
    }

    static func checkTexts(_ interactions: [Interaction], maxTextLength: Int, single: Bool) throws(InputError) {
        for (index, interaction) in interactions.enumerated() {
            guard let text = interaction.text, text.count > maxTextLength else { continue }
            throw InputError(
                field: single ? "text" : "interactions[\(index)].text",
                message: "\(text.count) characters, more than the limit of \(maxTextLength)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, root: String) throws(InputError) -> T {
        do {
            return try makeDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw describe(error, root: root)
        } catch {
            throw InputError(field: "", message: "not valid JSON: \(error.localizedDescription)")
        }
    }

    static func describe(_ error: DecodingError, root: String) -> InputError {
        func path(_ keys: [any CodingKey]) -> String {
            var text = root
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return InputError(field: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)", message: "is required")
        case .typeMismatch(let type, let context):
            return InputError(field: path(context.codingPath), message: "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return InputError(field: path(context.codingPath), message: "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if context.codingPath.last?.stringValue == "kind" {
                let kinds = InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")
                return InputError(field: field, message: "unknown kind; expected one of \(kinds)")
            }
            if context.codingPath.isEmpty, !(context.underlyingError is EngagementError) {
                let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return InputError(field: "", message: "not valid JSON" + (detail.map { " (\($0))" } ?? ""))
            }
            return InputError(field: field, message: context.debugDescription)
        @unknown default:
            return InputError(field: "", message: "\(error)")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        default: return "an object"
        }
    }
}
