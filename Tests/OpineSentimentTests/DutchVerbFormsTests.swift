@testable import OpineSentiment
import Testing

/// The Dutch weak conjugation made from an infinitive, checked against the forms a
/// Dutch grammar gives.
struct DutchVerbFormsTests {
    @Test(arguments: [
        // A doubled consonant is single in the stem.
        ("stellen", ["stelt", "gesteld", "stelde", "stelden"]),
        // A single vowel in an open syllable is long, written double, in the stem.
        ("dromen", ["droomt", "gedroomd", "droomde", "droomden"]),
        // 't kofschip: a voiceless stem consonant takes -t, in the participle and the past.
        ("missen", ["mist", "gemist", "miste", "misten"]),
        // v and z are spelled f and s at the end of the stem, and keep -d.
        ("leven", ["leeft", "geleefd", "leefde", "leefden"]),
        ("reizen", ["reist", "gereisd", "reisde", "reisden"]),
        // An unstressed prefix takes the ge- off the participle and the stress off its
        // syllable: bestelen's stem is besteel, never bestel (which is bestellen's).
        ("bestellen", ["bestelt", "besteld", "bestelde", "bestelden"]),
        ("bestelen", ["besteelt", "besteeld", "besteelde", "besteelden"]),
        // A stem ending in -t takes no second -t in the present or the participle.
        ("praten", ["praat", "gepraat", "praatte", "praatten"]),
    ])
    func weakVerbsConjugate(infinitive: String, forms: [String]) {
        #expect(DutchVerbForms.forms(ofInfinitive: infinitive) == forms)
    }

    @Test func anUnstressedEMayBeASchwaOrLongAndBothReadingsAreMade() {
        // weigeren has a schwa (weiger), reserveren a long e (reserveer): the spelling
        // does not tell them apart, so both are made, and the wrong one is no word.
        #expect(DutchVerbForms.forms(ofInfinitive: "weigeren").contains("weigert"))
        #expect(DutchVerbForms.forms(ofInfinitive: "weigeren").contains("geweigerd"))
        #expect(DutchVerbForms.forms(ofInfinitive: "reserveren").contains("reserveert"))
        #expect(DutchVerbForms.forms(ofInfinitive: "reserveren").contains("gereserveerd"))
    }

    @Test func wordsThatAreNoPlainInfinitiveGiveNothing() {
        #expect(DutchVerbForms.forms(ofInfinitive: "zien").isEmpty)
        #expect(DutchVerbForms.forms(ofInfinitive: "goed").isEmpty)
        #expect(DutchVerbForms.forms(ofInfinitive: "creëren").isEmpty)
    }
}
