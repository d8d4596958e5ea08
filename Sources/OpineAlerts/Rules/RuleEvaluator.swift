public import Foundation
public import OpineEngagement

/// One new interaction as the rules see it: with its text signal, its stance and whether
/// its author's standing just turned from advocate to detractor.
public struct RuleInput: Sendable, Hashable {
    /// The new interaction.
    public var interaction: Interaction
    /// The sentiment of its text; nil when it has none.
    public var signal: TextSignal?
    /// Its stance and what decided it; nil for kinds that carry none.
    public var stance: StanceAssessment?
    /// The interaction is a detractor one by an author whose standing had been advocate.
    public var turnedDetractor: Bool

    /// A rule input.
    public init(interaction: Interaction, signal: TextSignal?, stance: StanceAssessment?, turnedDetractor: Bool = false) {
        self.interaction = interaction
        self.signal = signal
        self.stance = stance
        self.turnedDetractor = turnedDetractor
    }
}

/// Runs the alert rules over interactions as they arrive and raises ``Alert``s.
///
/// A value type: the caller keeps it, feeds it each new interaction once, and can keep a
/// copy to roll back to when storing the result fails. Window rules (spikes, waves) hold
/// the interactions of their window; each raises one alert per episode (see
/// ``AlertCondition``). The brand's own accounts never raise alerts.
///
/// ```swift
/// var evaluator = RuleEvaluator(rules: configuration.rules, brandAccounts: configuration.brandAccounts)
/// let alerts = evaluator.evaluate(RuleInput(interaction: review, signal: signal, stance: stance), raisedAt: Date())
/// ```
public struct RuleEvaluator: Sendable {
    /// The rules, in order.
    public let rules: [AlertRule]
    /// Accounts whose interactions raise nothing.
    public let brandAccounts: Set<String>
    var windows: [WindowState]

    /// An evaluator with empty windows.
    public init(rules: [AlertRule], brandAccounts: Set<String> = []) {
        self.rules = rules
        self.brandAccounts = brandAccounts
        windows = Array(repeating: WindowState(), count: rules.count)
    }

    /// The alerts `input` raises, in rule order, and the windows updated.
    public mutating func evaluate(_ input: RuleInput, raisedAt: Date) -> [Alert] {
        let interaction = input.interaction
        guard !brandAccounts.contains(interaction.author) else { return [] }
        var alerts: [Alert] = []
        for (index, rule) in rules.enumerated() {
            let id = "\(rule.name)/\(interaction.id)"
            func alert(_ summary: String, window: WindowFacts? = nil) -> Alert {
                Alert(
                    id: id, rule: rule.name, condition: rule.condition.name, raisedAt: raisedAt, summary: "\(rule.name): \(summary)",
                    interaction: AlertedInteraction(interaction, signal: input.signal, stance: input.stance?.stance),
                    window: window)
            }
            switch rule.condition {
            case .detractor(let kinds, let maxCompound):
                guard input.stance?.stance == .detractor, kinds.contains(interaction.kind) else { continue }
                if let maxCompound {
                    guard let compound = input.signal?.compound, compound <= maxCompound else { continue }
                }
                alerts.append(alert("detractor \(describe(input))"))
            case .turnedDetractor:
                guard input.turnedDetractor else { continue }
                alerts.append(alert("\(interaction.author), an advocate until now, turned detractor: \(describe(input))"))
            case .negativeSpike(let minCount, let minShare, let window):
                guard let stance = input.stance?.stance else { continue }
                let facts = windows[index].add(
                    id: interaction.id, time: interaction.time, matching: stance == .detractor, window: window,
                    fires: { matching, total in matching >= minCount && Double(matching) >= minShare * Double(total) },
                    rearms: { matching, _ in matching < (minCount + 1) / 2 })
                guard let facts, let total = facts.total else { continue }
                let share = Int((Double(facts.matching) / Double(max(total, 1)) * 100).rounded())
                alerts.append(
                    alert(
                        "negative spike, \(facts.matching) detractor interactions of \(total) (\(share)%) in the last \(minutes(window))",
                        window: facts))
            case .unfollowWave(let minCount, let window):
                guard interaction.kind == .unfollow else { continue }
                let facts = windows[index].add(
                    id: interaction.id, time: interaction.time, matching: true, window: window,
                    fires: { matching, _ in matching >= minCount }, rearms: { matching, _ in matching < (minCount + 1) / 2 })
                guard var facts else { continue }
                facts.total = nil
                alerts.append(alert("unfollow wave, \(facts.matching) unfollows in the last \(minutes(window))", window: facts))
            }
        }
        return alerts
    }

    func describe(_ input: RuleInput) -> String {
        let interaction = input.interaction
        var details: [String] = []
        if let rating = interaction.rating { details.append(rating.description) }
        if let compound = input.signal?.compound { details.append("compound \(String(format: "%.2f", compound))") }
        var text = "\(interaction.kind.phrase) by \(interaction.author)"
        if !details.isEmpty { text += " (\(details.joined(separator: ", ")))" }
        if let words = interaction.text, !words.isEmpty {
            let excerpt = words.count > 140 ? String(words.prefix(140)) + "…" : words
            text += ": \"\(excerpt.replacingOccurrences(of: "\n", with: " "))\""
        }
        return text
    }

    func minutes(_ window: TimeInterval) -> String {
        let minutes = window / 60
        return minutes == minutes.rounded() ? "\(Int(minutes)) min" : String(format: "%.1f min", minutes)
    }
}

/// The interactions inside one rule's window, in arrival order, and whether the rule is
/// armed. Pruned from the front, so each interaction is added and removed once.
struct WindowState: Sendable {
    var events: [(time: Date, id: String, matching: Bool)] = []
    var head = 0
    var matching = 0
    var armed = true
    var latest = Date.distantPast

    /// Adds an event, drops those older than the window, and returns the window's facts
    /// when the rule fires now.
    mutating func add(
        id: String, time: Date, matching isMatching: Bool, window: TimeInterval,
        fires: (Int, Int) -> Bool, rearms: (Int, Int) -> Bool
    ) -> WindowFacts? {
        latest = max(latest, time)
        let cutoff = latest.addingTimeInterval(-window)
        guard time > cutoff else { return nil }
        events.append((time, id, isMatching))
        if isMatching { matching += 1 }
        while head < events.count && events[head].time <= cutoff {
            if events[head].matching { matching -= 1 }
            head += 1
        }
        if head > 1_024 && head * 2 > events.count {
            events.removeFirst(head)
            head = 0
        }
        let total = events.count - head
        if !armed && rearms(matching, total) { armed = true }
        guard armed && fires(matching, total) else { return nil }
        armed = false
        let ids = events[head...].lazy.filter(\.matching).prefix(50).map(\.id)
        return WindowFacts(from: cutoff, to: latest, matching: matching, total: total, interactionIDs: Array(ids))
    }
}
