import Testing

@testable import OpineText

/// The n-gram rows read through ``LanguageModel/Grams`` are the rows of the model's
/// hash table, for n-grams the dense index covers and for those it does not.
@Suite("LanguageModel")
struct LanguageModelTests {
    let model = LanguageModel.shared

    /// The row `row(ngramKey(...))` gives, added to zero, or nil when the model has none.
    func expected(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> SIMD16<Float>? {
        model.row(LanguageModel.ngramKey(a, b, c)).map { model.rows[$0] }
    }

    /// What ``LanguageModel/Grams/add(_:_:_:to:)`` adds to zero, or nil when it adds nothing.
    func added(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> SIMD16<Float>? {
        model.withGrams { grams in
            var scores = SIMD16<Float>(repeating: 0)
            let known = grams.add(.init(a), .init(b), .init(c), to: &scores)
            return known ? scores : nil
        }
    }

    @Test(
        "dense and hashed n-grams find the rows of the hash table",
        arguments: [
            (0, 0, 0x74), (0, LanguageModel.edge, 0x74), (LanguageModel.edge, 0x74, 0x68), (0x74, 0x68, 0x65),
            (0x68, 0x65, LanguageModel.edge), (0, 0, 0xEB), (0, 0x6E, 0xEB), (0x69, 0xEB, LanguageModel.edge), (0x71, 0x71, 0x71),
        ] as [(UInt64, UInt64, UInt64)])
    func rows(a: UInt64, b: UInt64, c: UInt64) {
        #expect(added(a, b, c) == expected(a, b, c))
    }

    @Test("common English n-grams are known, and their rows are added")
    func known() {
        #expect(added(LanguageModel.edge, 0x74, 0x68) != nil)
        #expect(added(0x71, 0x71, 0x71) == nil)
    }
}
