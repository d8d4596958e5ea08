import Testing

@testable import OpineSentiment

/// ``SentenceScorer/Groups`` groups indices by key as sorting the groups of
/// `Dictionary(grouping:by:)` by key does, for keys in order and out of order.
@Suite("SentenceScorer.Groups")
struct SentenceGroupsTests {
    /// Every group's key and members, in group order.
    func contents(_ groups: SentenceScorer.Groups) -> [(key: Int, members: [Int])] {
        (0..<groups.count).map { (groups.key($0), Array(groups[$0])) }
    }

    /// What sorting the groups of `Dictionary(grouping:by:)` by key gives.
    func expected(_ keys: [Int]) -> [(key: Int, members: [Int])] {
        Dictionary(grouping: keys.indices, by: { keys[$0] }).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    @Test("groups runs of keys and keys out of order", arguments: [[], [0], [0, 0, 0], [0, 0, 1, 1, 1, 3], [2, 0, 2, 1, 0], [1, 1, 0]])
    func grouping(keys: [Int]) {
        let groups = SentenceScorer.Groups(count: keys.count, key: { keys[$0] })
        let found = contents(groups)
        let wanted = expected(keys)
        #expect(found.map(\.key) == wanted.map(\.key))
        #expect(found.map(\.members) == wanted.map(\.members))
    }

    @Test("finds the position of a key, nil for a key no index has")
    func positions() {
        let keys = [0, 0, 2, 2, 5]
        let groups = SentenceScorer.Groups(count: keys.count, key: { keys[$0] })
        #expect(groups.position(of: 0) == 0)
        #expect(groups.position(of: 2) == 1)
        #expect(groups.position(of: 5) == 2)
        #expect(groups.position(of: 1) == nil)
        #expect(groups.position(of: 6) == nil)
        #expect(SentenceScorer.Groups(count: 0, key: { $0 }).position(of: 0) == nil)
    }
}
