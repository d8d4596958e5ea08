import Foundation
import Dispatch
import OpineEngagement
import OpineSentiment
import OpineText
#if canImport(Glibc)
import Glibc
#endif

func rssMB() -> Double {  // current resident set, from /proc
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Double(line.split(separator: " ")[1])! / 1024
    }
    return 0
}
func peakMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "%-38@ %8.3f s   rss %7.0f MB   peak %7.0f MB", label as NSString, seconds, rssMB(), peakMB()))
    return result
}

struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let texts: [(String, Double)] = [
    ("Package arrived broken, third time this year.", -0.6), ("Where is my refund?", 0),
    ("Your support is useless", -0.7), ("Do you ship to Belgium?", 0), ("Love the new app!", 0.8),
    ("Perfect, fast delivery, would buy again.", 0.7), ("Waar blijft mijn pakket", 0),
    ("Wat een top service, echt een aanrader!", 0.85), ("Echt slecht, nooit meer", -0.7),
    ("Kunnen jullie mij helpen met mijn factuur", 0.1), ("It does the job.", 0.0),
    ("Not my experience, they sorted my bill in a day!", 0.6), ("Just got my order", 0),
    ("Hoe lang duurt het nog voordat de monteur komt", 0), ("Meh.", -0.1),
    ("Great service but the app keeps crashing, can you fix it?", -0.2),
    ("Ik ben er helemaal klaar mee, drie keer gebeld en niemand neemt op", -0.5),
    ("Thanks for the quick help yesterday", 0.6), ("graag een reactie", 0), ("ok", 0.2),
]

let count = Int(CommandLine.arguments.dropFirst().first ?? "1000000")!
let realAnalyzer = CommandLine.arguments.contains("--analyze")
let now = Date(timeIntervalSince1970: 1_750_000_000)
var rng = Generator(state: 7)
let authorCount = count / 5

print("interactions: \(count), authors: \(authorCount), analyses: \(realAnalyzer ? "SentimentAnalyzer, 2 threads" : "synthetic")")
let (interactions, textIndex): ([Interaction], [Int]) = try time("generate interactions") {
    var list: [Interaction] = []
    var textIndex: [Int] = []
    list.reserveCapacity(count)
    textIndex.reserveCapacity(count)
    var commentIDs: [Int] = []
    for index in 0..<count {
        let roll = Int.random(in: 0..<100, using: &rng)
        let kind: InteractionKind
        switch roll {
        case 0..<20: kind = .like
        case 20..<25: kind = .follow
        case 25..<26: kind = .unfollow
        case 26..<31: kind = .share
        case 31..<66: kind = .comment
        case 66..<76: kind = .reply
        case 76..<81: kind = .mention
        case 81..<86: kind = .directMessage
        case 86..<96: kind = .review
        default: kind = .userPost
        }
        let author = "user\(Int.random(in: 0..<authorCount, using: &rng))"
        let time = now.addingTimeInterval(-Double.random(in: 0..<(90 * 86_400), using: &rng))
        let t = Int.random(in: 0..<texts.count, using: &rng)
        var inReplyTo: String?
        if kind == .reply, let target = commentIDs.randomElement(using: &rng) { inReplyTo = "i\(target)" }
        if kind == .comment { commentIDs.append(index) }
        let rating: Rating? = kind == .review ? try Rating(stars: Int.random(in: 1...5, using: &rng)) : nil
        let followers = Int(pow(10, Double.random(in: 1...6, using: &rng)))
        list.append(
            try Interaction(
                id: "i\(index)", author: author, kind: kind, time: time, text: kind.carriesText ? texts[t].0 : nil,
                rating: rating, inReplyTo: inReplyTo, thread: "post\(index % 500)", authorFollowers: followers,
                isAnswered: Int.random(in: 0..<10, using: &rng) == 0))
        textIndex.append(t)
    }
    return (list, textIndex)
}

let analyses: [Analysis?]
if realAnalyzer {
    let analyzer = try SentimentAnalyzer()
    analyses = time("analyze texts (2 threads)") {
        let chunks = 2
        let size = (count + chunks - 1) / chunks
        nonisolated(unsafe) var parts = [[Analysis?]](repeating: [], count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * size)..<min(count, (chunk + 1) * size)
            var out: [Analysis?] = []
            out.reserveCapacity(range.count)
            for index in range {
                let interaction = interactions[index]
                out.append(interaction.hasText ? analyzer.analyze(interaction.text!) : nil)
            }
            parts[chunk] = out
        }
        return parts.flatMap { $0 }
    }
} else {
    analyses = time("synthetic analyses") {
        interactions.indices.map { index in
            guard interactions[index].hasText else { return nil }
            let compound = texts[textIndex[index]].1
            let pos = max(0, compound), neg = max(0, -compound)
            return Analysis(
                label: SentimentThresholds().label(compound: compound, positive: pos, negative: neg), compound: compound,
                positive: pos, negative: neg, neutral: 1 - pos - neg, subjectivity: abs(compound), language: .english,
                languageConfidence: 1, sentences: [], contributions: [])
        }
    }
}

let inbox = try time("Inbox (stances, profiles)") {
    try Inbox(interactions, analyses: analyses, now: now, brandAccounts: ["brand"])
}
let full = try time("responseQueue() (all items)") { try inbox.responseQueue() }
let top = try time("responseQueue(limit: 100)") { try inbox.responseQueue(limit: 100) }
let thanks = time("thankYouList()") { inbox.thankYouList() }
let again = try time("second Inbox + queue (determinism)") {
    try Inbox(interactions, analyses: analyses, now: now, brandAccounts: ["brand"]).responseQueue()
}
print("profiles: \(inbox.profiles.count), queue: \(full.count), top: \(top.count), thank-you: \(thanks.count), identical: \(again == full)")
print("levels:", Dictionary(grouping: inbox.profiles, by: { $0.level?.rawValue ?? 0 }).mapValues(\.count).sorted { $0.key < $1.key })
print("first:", full[0].interactionID, String(format: "%.1f", full[0].priority), full[0].summary)
print("last:", full[full.count - 1].interactionID, String(format: "%.1f", full[full.count - 1].priority), full[full.count - 1].summary)
