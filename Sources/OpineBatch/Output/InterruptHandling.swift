#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// What a command-line tool does on Ctrl-C: remove the temporary files of outputs being
/// written (see ``AtomicFile``), say so on standard error, and exit with status 130
/// (143 for SIGTERM), the shell's convention for a process ended by that signal.
public enum InterruptHandling {
    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    /// Handles SIGINT and SIGTERM from now on. Call once, early, from the command.
    public static func install() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    TemporaryFiles.removeAll()
                    let message = "\nopine: interrupted; no output written\n"
                    _ = message.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
                    _exit(128 + signalNumber)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
