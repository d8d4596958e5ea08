import Foundation
import OpineSentiment
import OpineText
import Testing

struct LexiconFileTests {
    @Test func parsesEntriesRuleWordsCommentsAndPhrases() throws {
        let text = "# comment\n\nawesome\t3.1\tvader\nwaste of money\t-2.5\nhartstikke\tintensifier\t0.4\tnote\r\n"
        let file = try LexiconFile(parsing: Data(text.utf8), path: "test.tsv")
        #expect(file.entries.map(\.term) == ["awesome", "waste of money"])
        #expect(file.entries.map(\.valence) == [3.1, -2.5])
        #expect(file.entries.map(\.line) == [3, 4])
        #expect(file.ruleWords.map(\.term) == ["hartstikke"])
        #expect(file.ruleWords.first?.role == .intensifier)
        #expect(file.ruleWords.first?.value == 0.4)
    }

    @Test(arguments: [
        ("good\n", 1, "no tab"),
        ("good\t9\n", 1, "outside -4 ... 4"),
        ("ok\t1\ngood\tgreat\n", 2, "neither a valence"),
        ("\t1\n", 1, "empty"),
        ("nice\tintensifier\tlots\n", 1, "not a number"),
    ])
    func malformedLinesAreReportedWithFileAndLine(_ text: String, _ line: Int, _ reason: String) {
        #expect {
            try LexiconFile(parsing: Data(text.utf8), path: "mine.tsv")
        } throws: { error in
            guard case LexiconError.malformed(let path, let errorLine, let message) = error else { return false }
            return path == "mine.tsv" && errorLine == line && message.contains(reason)
                && "\(error)".hasPrefix("mine.tsv:\(line): ")
        }
    }

    /// A term written twice in one built-in file is a mistake (only the last would count):
    /// each hand-written file lists a term once, as an entry or as a rule word.
    @Test(arguments: [Language.english, .dutch])
    func builtInFilesListEachTermOnce(_ language: Language) throws {
        let folder = try LexiconSet.builtInFolder()
        for url in LexiconSet.builtInFiles(for: language, in: folder) {
            let file = try LexiconFile(contentsOf: url)
            var seen: [String: Int] = [:]
            let terms = file.entries.map { ($0.term, $0.line) } + file.ruleWords.map { ($0.term, $0.line) }
            for (term, line) in terms.sorted(by: { $0.1 < $1.1 }) {
                if let first = seen[term] {
                    Issue.record("\(url.lastPathComponent):\(line): '\(term)' again (first on line \(first))")
                }
                seen[term] = seen[term] ?? line
            }
        }
    }
}
