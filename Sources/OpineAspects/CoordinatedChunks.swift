extension TextView {
    /// English: `candidates` with the chunks of unknown words that no pattern made a noun
    /// phrase, but that stand in a list with a candidate (`the spiedini and the calamari`,
    /// `somosas, chai, and the chole`), added as candidates with that candidate's category:
    /// a coordination joins likes, so the unknown word names a thing of the same kind, and
    /// the list's opinion is shared with it (``OpinionExtractor/link(_:skippingHedged:)``).
    /// A list grows from its known member outward, one chunk at a time. Dutch is left
    /// alone: there the rule cost more targets than it found.
    func addingCoordinatedChunks(_ chunks: [ClosedRange<Int>], to candidates: [Candidate]) -> [Candidate] {
        guard isEnglish else { return candidates }
        var candidates = candidates
        var pending = chunks
        var grew = true
        while grew {
            grew = false
            for (number, chunk) in pending.enumerated().reversed() where isListMember(chunk) {
                guard let neighbour = coordinatedNeighbour(of: chunk, among: candidates) else { continue }
                let candidate = Candidate(
                    first: chunk.lowerBound, last: chunk.upperBound, sentence: units[chunk.lowerBound].sentence,
                    category: candidates[neighbour].category, term: termText(chunk))
                candidates.insert(candidate, at: candidates.firstIndex { $0.first > chunk.upperBound } ?? candidates.count)
                pending.remove(at: number)
                grew = true
            }
        }
        return candidates
    }

    /// The candidate, not an attribute noun, right before or after `chunk` in its sentence
    /// with only a coordination between them (``isCoordinationGap(_:)``); nil when none.
    private func coordinatedNeighbour(of chunk: ClosedRange<Int>, among candidates: [Candidate]) -> Int? {
        let sentence = units[chunk.lowerBound].sentence
        if let before = candidates.lastIndex(where: { $0.last < chunk.lowerBound }), candidates[before].sentence == sentence,
            !candidates[before].isAttribute, isCoordinationGap((candidates[before].last + 1)..<chunk.lowerBound)
        {
            return before
        }
        if let after = candidates.firstIndex(where: { $0.first > chunk.upperBound }), candidates[after].sentence == sentence,
            !candidates[after].isAttribute, isCoordinationGap((chunk.upperBound + 1)..<candidates[after].first)
        {
            return after
        }
        return nil
    }

    /// Whether a chunk can be a noun phrase of its own in a list: a phrase may open before it
    /// (not after a copula: `the crust is thin, ...`), and no object follows it, which would
    /// make it a verb (`sample anything`, `drive to Corona`).
    private func isListMember(_ chunk: ClosedRange<Int>) -> Bool {
        guard opensPhrase(before: chunk.lowerBound) else { return false }
        let next = chunk.upperBound + 1
        guard next < units.count, units[next].sentence == units[chunk.upperBound].sentence, units[next].isWord else { return true }
        return units[next].classes.isDisjoint(with: [.determiner, .pronoun, .preposition])
    }

    /// Whether the units between two noun phrases only coordinate them: commas,
    /// coordinators and determiners, with at least one comma or coordinator (`and the`,
    /// `, `). A comma and a determiner without a coordinator start a clause, not a list
    /// item (`Furthermore, the rice ...`).
    private func isCoordinationGap(_ gap: Range<Int>) -> Bool {
        let coordinator = gap.contains { units[$0].classes.contains(.conjunction) }
        return !gap.isEmpty
            && gap.allSatisfy { units[$0].isComma || units[$0].classes.contains(.conjunction) || coordinator && units[$0].classes.contains(.determiner) }
            && (coordinator || gap.contains { units[$0].isComma })
    }
}
