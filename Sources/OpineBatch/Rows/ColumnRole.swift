/// The parts a column can play in a comment export.
///
/// Each role is found by the column's name: the first of ``commonNames`` that an input
/// column has, compared without case, spaces, `_`, `-` and `.` (so `Comment Text`,
/// `comment_text` and `commentText` are one name). A name given on the command line
/// (`--text-column` ...) takes precedence.
public enum ColumnRole: String, Sendable, Hashable, CaseIterable {
    /// The text to score (required).
    case text
    /// A row identifier, named in messages and the rejects file.
    case id
    /// Who wrote it.
    case author
    /// When it was written.
    case time
    /// A star rating from 1 to 5, which the stance takes into account.
    case rating
    /// The kind of interaction (comment, review, direct message, mention, ...).
    case kind

    /// Column names that play this role, most telling first, in normalized form.
    public var commonNames: [String] {
        switch self {
        case .text:
            [
                "text", "message", "comment", "review", "body", "content", "bericht", "reactie", "tekst",
                "fulltext", "commenttext", "reviewtext", "messagetext", "posttext", "reviewbody", "comments",
                "opmerking", "opmerkingen", "recensie", "feedback", "caption", "inhoud",
            ]
        case .id:
            ["id", "commentid", "reviewid", "messageid", "postid", "tweetid", "mentionid", "uuid", "identifier"]
        case .author:
            [
                "author", "authorname", "username", "user", "screenname", "handle", "name", "from", "fromname",
                "reviewer", "auteur", "gebruiker", "gebruikersnaam", "naam", "afzender",
            ]
        case .time:
            [
                "time", "timestamp", "datetime", "date", "createdat", "created", "createdtime", "publishedat",
                "published", "postedat", "tijdstip", "datum", "tijd",
            ]
        case .rating:
            ["rating", "stars", "starrating", "reviewrating", "sterren", "aantalsterren"]
        case .kind:
            ["kind", "type", "interaction", "interactiontype", "messagetype", "posttype", "eventtype", "soort"]
        }
    }

    /// The command-line option that names this role's column.
    public var option: String { "--\(rawValue)-column" }

    /// A column name in the form ``commonNames`` are written in: lower case, letters and
    /// digits only.
    public static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }
}
