import Testing
@testable import OpineBatch

/// Finding the text, id, author, time, rating and kind columns by name or by option.
struct ColumnRoleTests {
    @Test(arguments: [
        (["id", "Comment Text", "date"], "Comment Text"),
        (["Bericht", "Auteur"], "Bericht"),
        (["reactie_id", "reactie"], "reactie"),
        (["review_body", "stars"], "review_body"),
        (["full_text", "user"], "full_text"),
        (["tekst"], "tekst"),
        (["MESSAGE", "text"], "text"),
    ])
    func theTextColumnIsFoundByCommonNames(columns: [String], expected: String) throws {
        let roles = try ColumnSelection().resolve(columns: columns, file: "f.csv", line: 1, strict: true)
        #expect(roles[.text] == expected)
    }

    @Test func everyRoleIsFoundInATypicalExport() throws {
        let columns = ["comment_id", "created_at", "user_name", "type", "star_rating", "message"]
        let roles = try ColumnSelection().resolve(columns: columns, file: "f.csv", line: 1, strict: true)
        #expect(roles == [.text: "message", .id: "comment_id", .author: "user_name", .time: "created_at", .rating: "star_rating", .kind: "type"])
    }

    @Test func aHumanScoreColumnIsNotTakenForAStarRating() throws {
        let roles = try ColumnSelection().resolve(columns: ["id", "label", "score", "text"], file: "f.tsv", line: 1, strict: true)
        #expect(roles[.rating] == nil)
    }

    @Test func namedColumnsWinAndNoneSwitchesARoleOff() throws {
        var selection = ColumnSelection()
        selection[.text] = .named("notes")
        selection[.rating] = .none
        selection[.id] = .named("REF")
        let roles = try selection.resolve(columns: ["text", "notes", "rating", "ref"], file: "f.csv", line: 1, strict: true)
        #expect(roles[.text] == "notes")
        #expect(roles[.rating] == nil)
        #expect(roles[.id] == "ref")
    }

    @Test func aNamedColumnTheFileLacksIsAUsageError() {
        var selection = ColumnSelection()
        selection[.rating] = .named("stars")
        #expect(throws: BatchError.usage("--rating-column 'stars' is not a column of f.csv (columns: 'text', 'score')")) {
            try selection.resolve(columns: ["text", "score"], file: "f.csv", line: 1, strict: true)
        }
    }

    @Test func noTextColumnIsMalformedInputListingTheColumns() {
        #expect {
            try ColumnSelection().resolve(columns: ["id", "date"], file: "f.csv", line: 1, strict: true)
        } throws: { error in
            guard case .malformedInput("f.csv", 1, let reason) = error as? BatchError else { return false }
            return reason.hasPrefix("no text column: none of the columns ('id', 'date')") && reason.hasSuffix("name it with --text-column")
        }
    }

    @Test func oneColumnPlaysOneRoleOnly() throws {
        // `review` is a text name; it must not also be taken as something else.
        let roles = try ColumnSelection().resolve(columns: ["review"], file: "f.csv", line: 1, strict: true)
        #expect(roles == [.text: "review"])
    }

    @Test(arguments: [("4", 4.0), (" 4.5 ", 4.5), ("4,5", 4.5), ("1", 1.0), ("5.0", 5.0)])
    func starRatingsAreRead(value: String, expected: Double) throws {
        #expect(try StarRating.parse(value) == expected)
    }

    @Test(arguments: ["0", "6", "four", "4/5", "-1", "nan"])
    func valuesOutsideOneToFiveAreNotRatings(value: String) {
        #expect(throws: StarRating.Invalid(value: value)) { try StarRating.parse(value) }
    }

    @Test func anEmptyRatingIsNoRating() throws {
        #expect(try StarRating.parse("  ") == nil)
    }
}
