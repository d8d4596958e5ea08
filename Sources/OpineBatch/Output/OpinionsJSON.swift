import OpineAspects

/// A row's opinions as the compact JSON array of the `opinions` field, one object per
/// opinion in text order:
///
/// ```json
/// [{"target":"food","term":"food","category":"FOOD","polarity":"positive","score":0.6249,"words":[{"text":"great","score":3.1}]},
///  {"target":"waiter","term":"waiter","category":"SERVICE","polarity":"negative","score":-0.5106,"words":[{"text":"rude","score":-2}]}]
/// ```
///
/// `target` is the target as written and `term` the term it is counted under (both null
/// for an opinion without an explicit target); `score` is the opinion's score in -1 ... 1;
/// `words` are the sentiment words that gave it, each with its score on the lexicon's
/// scale after the rules, and the names of those rules when any changed it
/// (`"rules":["negation"]`).
enum OpinionsJSON {
    /// The JSON array of `opinions`, without spaces or line breaks.
    static func array(_ opinions: [Opinion]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, opinion) in opinions.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(opinion, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ opinion: Opinion, to bytes: inout [UInt8]) {
        key("target", first: true, &bytes)
        optionalString(opinion.target?.text, &bytes)
        key("term", &bytes)
        optionalString(opinion.target?.term, &bytes)
        key("category", &bytes)
        JSONRowEncoder.appendString(opinion.category.rawValue, to: &bytes)
        key("polarity", &bytes)
        JSONRowEncoder.appendString(opinion.polarity.rawValue, to: &bytes)
        key("score", &bytes)
        bytes.append(contentsOf: SentimentValues.decimal(opinion.score).utf8)
        key("words", &bytes)
        bytes.append(UInt8(ascii: "["))
        for (index, word) in opinion.words.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            key("text", first: true, &bytes)
            JSONRowEncoder.appendString(word.text, to: &bytes)
            key("score", &bytes)
            bytes.append(contentsOf: SentimentValues.decimal(word.score).utf8)
            if !word.rules.isEmpty {
                key("rules", &bytes)
                bytes.append(UInt8(ascii: "["))
                for (number, rule) in word.rules.enumerated() {
                    if number > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONRowEncoder.appendString(rule, to: &bytes)
                }
                bytes.append(UInt8(ascii: "]"))
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(contentsOf: "]}".utf8)
    }

    /// Appends `"name":`, opening the object first when `first`, else after a comma.
    private static func key(_ name: String, first: Bool = false, _ bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: first ? "{" : ","))
        JSONRowEncoder.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    private static func optionalString(_ text: String?, _ bytes: inout [UInt8]) {
        if let text { JSONRowEncoder.appendString(text, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }
}
