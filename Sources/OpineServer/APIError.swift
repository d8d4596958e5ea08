import Foundation
public import HTTPTypes
public import Hummingbird

/// An error answer of the API: a status and a JSON body
/// `{"error": {"status": 400, "message": "...", "field": "interactions[2].kind"}}`.
public struct APIError: Error, HTTPResponseError, Sendable {
    /// The HTTP status of the answer.
    public var status: HTTPResponse.Status
    /// What went wrong, for the client to read.
    public var message: String
    /// The field at fault, when one is.
    public var field: String?
    /// Seconds for `Retry-After` (429 and 503).
    public var retryAfter: Int?

    /// An API error.
    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            var status: Int
            var message: String
            var field: String?
        }
        var error: Detail
    }

    /// The JSON error body, with `Retry-After` when set and `WWW-Authenticate` on a 401.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONBody.response(Body(error: .init(status: status.code, message: message, field: field)), status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"opine\"" }
        return response
    }
}

/// JSON responses: sorted keys, ISO 8601 times.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var data = try encoder.encode(value)
        data.append(0x0A)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
