/// How `opine serve` listens and what it accepts.
///
/// ```swift
/// var settings = ServerSettings(host: "0.0.0.0", port: 8080)
/// settings.token = ProcessInfo.processInfo.environment["OPINE_API_TOKEN"]
/// try settings.validate()   // refuses a non-loopback address without a token
/// ```
public struct ServerSettings: Sendable, Hashable {
    /// The address to listen on.
    public var host: String
    /// The port (0: any free port).
    public var port: Int
    /// The bearer token every request but `GET /healthz` must carry; nil: no auth
    /// (allowed on loopback addresses only).
    public var token: String?
    /// The largest request body, in bytes; larger ones get 413.
    public var maxBodyBytes: Int
    /// `POST /v1/analyze` requests running at once; more get 429.
    public var maxConcurrentAnalyses: Int

    /// Settings; check them with ``validate()``.
    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxBodyBytes: Int = 1 << 20, maxConcurrentAnalyses: Int = 64) {
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.maxConcurrentAnalyses = maxConcurrentAnalyses
    }

    /// Whether the host is a loopback address (127.0.0.0/8, ::1 or localhost).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Checks the settings.
    /// - Throws: ``ServerSettingsError`` for a port out of range, an empty token, or a
    ///   non-loopback address without a token.
    public func validate() throws(ServerSettingsError) {
        guard (0...65_535).contains(port) else { throw .invalid("port \(port) is not from 0 to 65535") }
        if let token, token.isEmpty { throw .invalid("the API token is empty") }
        guard token != nil || isLoopback else {
            throw .invalid(
                "refusing to listen on \(host) without a token: set OPINE_API_TOKEN or --token-file, or listen on 127.0.0.1")
        }
        guard maxBodyBytes > 0, maxConcurrentAnalyses > 0 else { throw .invalid("limits must be positive") }
    }
}

/// Settings that cannot be used.
public enum ServerSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The settings cannot be used; the message says why.
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let message): return message
        }
    }
}
