import HTTPTypes
import Hummingbird
import OpineAlerts

/// Requires `Authorization: Bearer TOKEN` on every request but `GET /healthz`, compared
/// in constant time; others get 401.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/healthz" { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError(.unauthorized, "missing bearer token: send Authorization: Bearer <token>")
        }
        let presented = Array(header.utf8.dropFirst("bearer ".utf8.count))
        guard ConstantTime.equal(presented, token) else { throw APIError(.unauthorized, "the bearer token is not valid") }
        return try await next(request, context)
    }
}
