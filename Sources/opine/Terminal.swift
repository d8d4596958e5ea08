import Foundation

/// Facts about the terminal and ANSI styling that is used only when it is wanted.
///
/// Colour is used when the stream is a terminal, `NO_COLOR` is unset or empty
/// (https://no-color.org), and `TERM` is not `dumb`.
enum Terminal {
    /// Whether the file descriptor is a terminal.
    static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }

    /// Whether output to the file descriptor should be coloured.
    static func wantsColor(_ fileDescriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal(fileDescriptor)
    }
}

/// ANSI styles, or none at all when colour is off.
struct Style {
    let enabled: Bool

    func green(_ text: String) -> String { wrap(text, "32") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
