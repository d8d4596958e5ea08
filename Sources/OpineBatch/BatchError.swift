/// Why a batch run stopped, each case with the exit status the command ends with
/// (the `sysexits.h` codes).
public enum BatchError: Error, Equatable, CustomStringConvertible {
    /// An input could not be opened or read.
    case unreadableInput(path: String, reason: String)
    /// An input is malformed at a line: a row that was rejected under `--on-error fail`,
    /// or damage after which the rest of the file cannot be read.
    case malformedInput(path: String, line: Int, reason: String)
    /// The options do not fit the input, e.g. a `--text-column` the file does not have.
    case usage(String)
    /// The output file could not be created.
    case cannotCreateOutput(path: String, reason: String)
    /// Writing or finishing the output failed (disk full, a closed pipe, ...).
    case writeFailed(path: String, reason: String)

    /// The message, without the `error:` prefix.
    public var description: String {
        switch self {
        case .unreadableInput(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedInput(let path, let line, let reason): "\(path):\(line): \(reason)"
        case .usage(let message): message
        case .cannotCreateOutput(let path, let reason): "cannot create \(path): \(reason)"
        case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
        }
    }

    /// The exit status: 66 unreadable input, 65 malformed input, 64 usage,
    /// 73 output not creatable, 74 write error.
    public var exitStatus: Int32 {
        switch self {
        case .unreadableInput: 66
        case .malformedInput: 65
        case .usage: 64
        case .cannotCreateOutput: 73
        case .writeFailed: 74
        }
    }
}
