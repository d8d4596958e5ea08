public import Foundation
import OpineEngagement
import Yams

extension AlertConfiguration {
    /// Reads and checks a YAML configuration file (see ``AlertConfiguration`` for its shape).
    ///
    /// Secrets named by `secret_env` are read from `environment` and those named by
    /// `secret_file` from disk, now, so a missing secret stops start-up rather than the
    /// first delivery.
    /// - Throws: ``ConfigurationError`` naming the file, line and problem.
    public static func load(
        contentsOf file: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> AlertConfiguration {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: file.path, message: "cannot read the file as UTF-8 text: \(error.localizedDescription)")
        }
        return try parse(text, file: file.path, environment: environment)
    }

    /// Checks a YAML configuration given as text; `file` names it in errors.
    /// - Throws: ``ConfigurationError``.
    public static func parse(
        _ yaml: String, file: String = "<string>", environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> AlertConfiguration {
        try ConfigurationReader(file: file, environment: environment).read(yaml)
    }
}

/// Walks the YAML node tree, turning each field into its typed value or a
/// ``ConfigurationError`` at the field's line.
struct ConfigurationReader {
    let file: String
    let environment: [String: String]

    func read(_ yaml: String) throws(ConfigurationError) -> AlertConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw ConfigurationError(file: file, message: "not valid YAML: \(error)")
        }
        guard let root else { throw ConfigurationError(file: file, message: "the file is empty; it needs at least `destinations:` and `rules:`") }
        let top = try mapping(root, "the top level", allowed: ["destinations", "rules", "delivery", "brand_accounts", "limits"])

        var configuration = AlertConfiguration()
        if let node = top["destinations"] {
            for (key, value) in try pairs(node, "destinations") {
                let name = try identifier(key, "destination name")
                guard configuration.destinations[name] == nil else { throw error(at: key, "destination '\(name)' is defined twice") }
                configuration.destinations[name] = try destination(name, value)
            }
        }
        if let node = top["delivery"] { configuration.delivery = try delivery(node) }
        if let node = top["limits"] { configuration.limits = try limits(node) }
        if let node = top["brand_accounts"] {
            configuration.brandAccounts = Set(try list(node, "brand_accounts").map { node throws(ConfigurationError) in
                try string(node, "a brand account")
            })
        }
        guard let rulesNode = top["rules"] else {
            throw error(at: root, "no `rules:`; add at least one rule (see docs/alerts.md)")
        }
        var names: Set<String> = []
        for node in try list(rulesNode, "rules") {
            let rule = try rule(node, destinations: configuration.destinations)
            guard names.insert(rule.name).inserted else { throw error(at: node, "rule '\(rule.name)' is defined twice") }
            configuration.rules.append(rule)
        }
        guard !configuration.rules.isEmpty else { throw error(at: rulesNode, "`rules:` is empty; add at least one rule") }
        return configuration
    }

    // MARK: Sections

    func destination(_ name: String, _ node: Node) throws(ConfigurationError) -> Destination {
        let fields = try mapping(
            node, "destination '\(name)'", allowed: ["url", "format", "headers", "secret", "secret_env", "secret_file"])
        guard let urlNode = fields["url"] else { throw error(at: node, "destination '\(name)' has no url") }
        let text = try string(urlNode, "url")
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host?.isEmpty == false
        else {
            throw error(at: urlNode, "destination '\(name)': url must be an http or https URL with a host, not '\(text)'")
        }
        var destination = Destination(name: name, url: url)
        if let formatNode = fields["format"] {
            let format = try string(formatNode, "format")
            guard let value = WebhookFormat(rawValue: format) else {
                throw error(at: formatNode, "destination '\(name)': format must be slack or json, not '\(format)'")
            }
            destination.format = value
        }
        if let headersNode = fields["headers"] {
            for (key, value) in try pairs(headersNode, "headers") {
                let header = try string(key, "a header name")
                guard !header.isEmpty, header.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ":") }) else {
                    throw error(at: key, "destination '\(name)': '\(header)' is not a valid header name")
                }
                destination.headers[header] = try string(value, "header \(header)")
            }
        }
        let secretKeys = ["secret", "secret_env", "secret_file"].filter { fields[$0] != nil }
        guard secretKeys.count <= 1 else {
            throw error(at: node, "destination '\(name)': give one of \(secretKeys.joined(separator: ", ")), not several")
        }
        if let secretNode = fields["secret"] {
            destination.secret = try nonEmpty(secretNode, "secret")
        } else if let envNode = fields["secret_env"] {
            let variable = try nonEmpty(envNode, "secret_env")
            guard let value = environment[variable], !value.isEmpty else {
                throw error(at: envNode, "destination '\(name)': environment variable \(variable) (secret_env) is not set or empty")
            }
            destination.secret = value
        } else if let fileNode = fields["secret_file"] {
            let path = try nonEmpty(fileNode, "secret_file")
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw error(at: fileNode, "destination '\(name)': cannot read secret_file \(path)")
            }
            let secret = contents.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw error(at: fileNode, "destination '\(name)': secret_file \(path) is empty") }
            destination.secret = secret
        }
        return destination
    }

    func delivery(_ node: Node) throws(ConfigurationError) -> DeliveryPolicy {
        let fields = try mapping(
            node, "delivery",
            allowed: ["max_attempts", "initial_backoff_seconds", "max_backoff_seconds", "attempt_timeout_seconds", "concurrency"])
        var policy = DeliveryPolicy()
        if let value = fields["max_attempts"] { policy.maxAttempts = try integer(value, "max_attempts", 1...1_000) }
        if let value = fields["initial_backoff_seconds"] {
            policy.initialBackoff = try number(value, "initial_backoff_seconds", 0.001...86_400)
        }
        if let value = fields["max_backoff_seconds"] { policy.maxBackoff = try number(value, "max_backoff_seconds", 0.001...86_400) }
        if let value = fields["attempt_timeout_seconds"] {
            policy.attemptTimeout = try number(value, "attempt_timeout_seconds", 0.001...3_600)
        }
        if let value = fields["concurrency"] { policy.concurrency = try integer(value, "concurrency", 1...256) }
        guard policy.maxBackoff >= policy.initialBackoff else {
            throw error(at: node, "delivery: max_backoff_seconds must be at least initial_backoff_seconds")
        }
        return policy
    }

    func limits(_ node: Node) throws(ConfigurationError) -> IngestLimits {
        let fields = try mapping(
            node, "limits", allowed: ["max_pending_ingests", "max_outbox_depth", "max_batch", "max_text_length", "queue_horizon_days"])
        var limits = IngestLimits()
        if let value = fields["max_pending_ingests"] { limits.maxPendingIngests = try integer(value, "max_pending_ingests", 1...100_000) }
        if let value = fields["max_outbox_depth"] { limits.maxOutboxDepth = try integer(value, "max_outbox_depth", 1...100_000_000) }
        if let value = fields["max_batch"] { limits.maxBatch = try integer(value, "max_batch", 1...100_000) }
        if let value = fields["max_text_length"] { limits.maxTextLength = try integer(value, "max_text_length", 1...10_000_000) }
        if let value = fields["queue_horizon_days"] { limits.queueHorizon = Double(try integer(value, "queue_horizon_days", 1...3650)) * 86_400 }
        return limits
    }

    func rule(_ node: Node, destinations: [String: Destination]) throws(ConfigurationError) -> AlertRule {
        let common = ["name", "when", "to"]
        let fields = try mapping(node, "a rule", allowed: nil)
        guard let nameNode = fields["name"] else { throw error(at: node, "a rule has no name") }
        let name = try identifier(nameNode, "rule name")
        let label = "rule '\(name)'"
        guard let whenNode = fields["when"] else { throw error(at: node, "\(label) has no `when:`") }
        let when = try string(whenNode, "when")
        let specific: [String]
        let condition: AlertCondition
        switch when {
        case "detractor":
            specific = ["kinds", "max_compound"]
            var kinds = Set(InteractionKind.allCases.filter(\.carriesText))
            if let kindsNode = fields["kinds"] {
                kinds = []
                for item in try list(kindsNode, "kinds") {
                    let raw = try string(item, "a kind")
                    guard let kind = InteractionKind(rawValue: raw), kind.carriesText else {
                        let names = InteractionKind.allCases.filter(\.carriesText).map(\.rawValue).joined(separator: ", ")
                        throw error(at: item, "\(label): '\(raw)' is not a kind with text; use \(names)")
                    }
                    kinds.insert(kind)
                }
                guard !kinds.isEmpty else { throw error(at: kindsNode, "\(label): kinds is empty") }
            }
            let maxCompound = try fields["max_compound"].map { node throws(ConfigurationError) in
                try number(node, "max_compound", -1...1)
            }
            condition = .detractor(kinds: kinds, maxCompound: maxCompound)
        case "turned_detractor":
            specific = []
            condition = .turnedDetractor
        case "negative_spike":
            specific = ["min_count", "min_share", "window_minutes"]
            let count = try required(fields, "min_count", label, node) { node throws(ConfigurationError) in
                try integer(node, "min_count", 1...1_000_000)
            }
            let share = try fields["min_share"].map { node throws(ConfigurationError) in try number(node, "min_share", 0...1) } ?? 0
            let minutes = try required(fields, "window_minutes", label, node) { node throws(ConfigurationError) in
                try number(node, "window_minutes", 0.01...525_600)
            }
            condition = .negativeSpike(minCount: count, minShare: share, window: minutes * 60)
        case "unfollow_wave":
            specific = ["min_count", "window_minutes"]
            let count = try required(fields, "min_count", label, node) { node throws(ConfigurationError) in
                try integer(node, "min_count", 1...1_000_000)
            }
            let minutes = try required(fields, "window_minutes", label, node) { node throws(ConfigurationError) in
                try number(node, "window_minutes", 0.01...525_600)
            }
            condition = .unfollowWave(minCount: count, window: minutes * 60)
        default:
            throw error(
                at: whenNode, "\(label): when must be detractor, turned_detractor, negative_spike or unfollow_wave, not '\(when)'")
        }
        if let (key, keyNode) = fields.first(where: { !common.contains($0.key) && !specific.contains($0.key) }).map({ ($0.key, $0.value) }) {
            let expected = (common + specific).joined(separator: ", ")
            throw error(at: keyNode, "\(label): unknown field '\(key)' for when: \(when) (expected \(expected))")
        }
        guard let toNode = fields["to"] else { throw error(at: node, "\(label) has no `to:` (its destinations)") }
        let targets = try (toNode.scalar != nil ? [toNode] : list(toNode, "to")).map { node throws(ConfigurationError) in
            let target = try string(node, "a destination name")
            guard destinations[target] != nil else {
                let known = destinations.keys.sorted().joined(separator: ", ")
                throw error(at: node, "\(label): no destination named '\(target)'\(known.isEmpty ? " (none is defined)" : " (defined: \(known))")")
            }
            return target
        }
        guard !targets.isEmpty else { throw error(at: toNode, "\(label): `to:` is empty") }
        return AlertRule(name: name, condition: condition, destinations: targets)
    }

    // MARK: Typed fields

    func error(at node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    func syntaxError(_ error: YamlError) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return ConfigurationError(file: file, message: "not valid YAML: \(error)")
        }
    }

    /// A mapping's fields by key, rejecting duplicate keys and, when `allowed` is given, unknown ones.
    func mapping(_ node: Node, _ what: String, allowed: [String]?) throws(ConfigurationError) -> [String: Node] {
        var fields: [String: Node] = [:]
        for (key, value) in try pairs(node, what) {
            let name = try string(key, "a key")
            if let allowed, !allowed.contains(name) {
                throw error(at: key, "unknown field '\(name)' in \(what) (expected \(allowed.joined(separator: ", ")))")
            }
            guard fields.updateValue(value, forKey: name) == nil else { throw error(at: key, "'\(name)' appears twice in \(what)") }
        }
        return fields
    }

    func pairs(_ node: Node, _ what: String) throws(ConfigurationError) -> [(Node, Node)] {
        guard let mapping = node.mapping else { throw error(at: node, "\(what) must be a mapping (key: value lines)") }
        return mapping.map { ($0.key, $0.value) }
    }

    func list(_ node: Node, _ what: String) throws(ConfigurationError) -> [Node] {
        guard let sequence = node.sequence else { throw error(at: node, "\(what) must be a list (- item lines or [a, b])") }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar else { throw error(at: node, "\(what) must be a single value, not a list or mapping") }
        return scalar.string
    }

    func nonEmpty(_ node: Node, _ what: String) throws(ConfigurationError) -> String {
        let value = try string(node, what)
        guard !value.isEmpty else { throw error(at: node, "\(what) is empty") }
        return value
    }

    func identifier(_ node: Node, _ what: String) throws(ConfigurationError) -> String {
        let value = try string(node, what)
        let allowed = value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        guard !value.isEmpty, allowed else {
            throw error(at: node, "\(what) '\(value)' must be letters, digits, '-', '_' or '.'")
        }
        return value
    }

    func integer(_ node: Node, _ what: String, _ range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let text = try string(node, what)
        guard let value = Int(text), range.contains(value) else {
            throw error(at: node, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    func number(_ node: Node, _ what: String, _ range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
        let text = try string(node, what)
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw error(at: node, "\(what) must be a number from \(format(range.lowerBound)) to \(format(range.upperBound)), not '\(text)'")
        }
        return value
    }

    func required<Value>(
        _ fields: [String: Node], _ key: String, _ label: String, _ node: Node,
        _ parse: (Node) throws(ConfigurationError) -> Value
    ) throws(ConfigurationError) -> Value {
        guard let field = fields[key] else { throw error(at: node, "\(label) needs \(key)") }
        return try parse(field)
    }

    func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
