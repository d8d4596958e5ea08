import Foundation

/// Reads lines from a terminal with editing and history: left/right arrows, backspace,
/// up/down through earlier lines, Ctrl-A/Ctrl-E, Ctrl-U, Ctrl-C to clear the line, Ctrl-D
/// on an empty line to end. When standard input is not a terminal it reads plain lines.
struct LineEditor {
    private(set) var history: [String] = []

    /// The next line, or nil at the end of input.
    mutating func readLine(prompt: String) -> String? {
        guard Terminal.isTerminal(STDIN_FILENO) else {
            write(prompt)
            return Swift.readLine()
        }
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        tcsetattr(STDIN_FILENO, TCSADRAIN, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSADRAIN, &original) }

        var line: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        func redraw() {
            write("\r\u{1B}[2K" + prompt + String(line))
            let back = line.count - cursor
            if back > 0 { write("\u{1B}[\(back)D") }
        }
        write(prompt)
        var pending: [UInt8] = []
        while true {
            var byte: UInt8 = 0
            guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
            switch byte {
            case 0x0D, 0x0A:
                write("\r\n")
                let text = String(line)
                if !text.trimmingCharacters(in: .whitespaces).isEmpty, history.last != text { history.append(text) }
                return text
            case 0x04 where line.isEmpty:
                write("\r\n")
                return nil
            case 0x03:
                line = []
                cursor = 0
                write("^C\r\n")
                write(prompt)
            case 0x7F, 0x08:
                if cursor > 0 {
                    line.remove(at: cursor - 1)
                    cursor -= 1
                    redraw()
                }
            case 0x01:
                cursor = 0
                redraw()
            case 0x05:
                cursor = line.count
                redraw()
            case 0x15:
                line.removeFirst(cursor)
                cursor = 0
                redraw()
            case 0x1B:
                var sequence: [UInt8] = [0, 0]
                guard read(STDIN_FILENO, &sequence[0], 1) == 1, read(STDIN_FILENO, &sequence[1], 1) == 1,
                    sequence[0] == UInt8(ascii: "[")
                else { continue }
                switch sequence[1] {
                case UInt8(ascii: "A") where historyIndex > 0:
                    historyIndex -= 1
                    line = Array(history[historyIndex])
                    cursor = line.count
                case UInt8(ascii: "B") where historyIndex < history.count:
                    historyIndex += 1
                    line = historyIndex == history.count ? [] : Array(history[historyIndex])
                    cursor = line.count
                case UInt8(ascii: "C") where cursor < line.count: cursor += 1
                case UInt8(ascii: "D") where cursor > 0: cursor -= 1
                default: break
                }
                redraw()
            default:
                pending.append(byte)
                if let text = String(validating: pending, as: UTF8.self) {
                    line.insert(contentsOf: text, at: cursor)
                    cursor += text.count
                    pending = []
                    redraw()
                } else if pending.count >= 4 {
                    pending = []
                }
            }
        }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
