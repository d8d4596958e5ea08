import Foundation
import OpineText
import Testing

struct StemmerTests {
    /// `Fixtures/snowball-2.2.0-stems.tsv` holds the stems that the reference Snowball
    /// 2.2.0 implementation (PyPI snowballstemmer==2.2.0) gives for thousands of English
    /// and Dutch words; `scripts/make-stem-fixtures.py` made it.
    @Test func stemsAgreeWithTheReferenceSnowballImplementation() throws {
        let url = try #require(Bundle.module.url(forResource: "snowball-2.2.0-stems", withExtension: "tsv", subdirectory: "Fixtures"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let stemmers = try ["english": Stemmer(algorithm: "english"), "dutch": Stemmer(algorithm: "dutch")]
        var checked: [String: Int] = [:]
        var disagreements: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 3, "malformed fixture line: \(line)")
            let stemmer = try #require(stemmers[fields[0]])
            let stem = stemmer.stem(fields[1])
            if stem != fields[2] { disagreements.append("\(fields[0]) \(fields[1]): \(stem) != \(fields[2])") }
            checked[fields[0], default: 0] += 1
        }
        #expect(checked["english", default: 0] >= 3000)
        #expect(checked["dutch", default: 0] >= 3000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test func dutchIsTheSnowball2Algorithm() throws {
        // Snowball 3 stems `geweldige` to `wel`; 2.2.0, which Debian ships, to `geweld`.
        let dutch = try Stemmer(algorithm: "dutch")
        #expect(dutch.stem("geweldige") == "geweld")
        #expect(dutch.stem("geweldig") == dutch.stem("geweld"))
    }

    @Test func isoCodesAndEveryListedAlgorithmWork() throws {
        #expect(Stemmer.availableAlgorithms.contains("english"))
        #expect(Stemmer.availableAlgorithms.contains("dutch"))
        #expect(try Stemmer(algorithm: "en").stem("running") == "run")
        for algorithm in Stemmer.availableAlgorithms {
            #expect(try Stemmer(algorithm: algorithm).stem("") == "")
        }
    }

    @Test func unknownAlgorithmThrowsAndNamesTheAvailableOnes() {
        #expect {
            try Stemmer(algorithm: "klingon")
        } throws: { error in
            guard case StemmerError.unknownAlgorithm("klingon", let available) = error else { return false }
            return available.contains("dutch") && "\(error)".contains("klingon")
        }
    }

    @Test func manyThreadsCanShareOneStemmer() async throws {
        let english = try Stemmer(algorithm: "english")
        let words = ["running", "happiness", "connections", "generously", "arguing", "universities"]
        let expected = words.map(english.stem)
        let all = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<64 {
                group.addTask { english.withInstance { stem in (0..<200).flatMap { _ in words.map(stem) } } }
            }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(all.count == 64)
        for result in all {
            #expect(result == Array((0..<200).flatMap { _ in expected }))
        }
    }
}
