import Foundation
import NIOHTTP1
import OpineAlerts
import OpineEngagement
import OpineServer
import Testing
import Yams

/// `docs/openapi.yaml` describes what the server does: the same routes, request schemas
/// that match the decoder, and examples shaped like the live server's answers.
@Suite struct OpenAPIDocumentTests {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.yaml")

    static func document() throws -> [String: Any] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(object(try Yams.load(yaml: text)), "docs/openapi.yaml is not a mapping")
    }

    /// A YAML or JSON mapping as `[String: Any]`, its values converted too.
    static func object(_ value: Any?) -> [String: Any]? {
        guard let mapping = value as? [AnyHashable: Any] else { return value as? [String: Any] }
        var result: [String: Any] = [:]
        for (key, value) in mapping { result["\(key.base)"] = value }
        return result
    }

    static func follow(_ value: Any?, _ keys: String...) -> Any? {
        var current = value
        for key in keys {
            if let index = Int(key), let array = current as? [Any] {
                current = index < array.count ? array[index] : nil
            } else {
                current = object(current)?[key]
            }
        }
        return current
    }

    /// Every key path in a JSON-like value ("results[].queue.dueBy"), array elements merged.
    static func keyPaths(_ value: Any?, prefix: String = "") -> Set<String> {
        if let mapping = object(value) {
            var paths: Set<String> = []
            for (key, child) in mapping {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths.insert(path)
                paths.formUnion(keyPaths(child, prefix: path))
            }
            return paths
        }
        if let array = value as? [Any] {
            return array.reduce(into: Set<String>()) { $0.formUnion(keyPaths($1, prefix: prefix + "[]")) }
        }
        return []
    }

    @Test func theDocumentedRoutesAreTheServersRoutes() async throws {
        let paths = try #require(Self.object(try Self.document()["paths"]))
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var documented: Set<String> = []
        for (path, item) in paths {
            for method in try #require(Self.object(item)).keys where methods.contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(documented == Set(OpineAPI.routes))
        #expect(OpineAPI.routes.count == Set(OpineAPI.routes).count)

        // And the live server answers each of them (not the router's bare 404 or 405).
        try await withServer { server, _ in
            for route in OpineAPI.routes {
                let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
                let path = parts[1].replacingOccurrences(of: "{id}", with: "nobody")
                let method: HTTPMethod = parts[0] == "POST" ? .POST : .GET
                let reply = try await server.request(method, path, body: method == .POST ? Data("{}".utf8) : nil)
                #expect(reply.status != 405, "\(route)")
                #expect(reply.status != 404 || (try? reply.error()["field"] as? String) == "id", "\(route): \(reply.text)")
            }
        }
    }

    @Test func theInteractionSchemaIsWhatTheDecoderReads() throws {
        let document = try Self.document()
        let schemas = try #require(Self.object(Self.follow(document, "components", "schemas")))
        let interaction = try #require(Self.object(schemas["Interaction"]))
        let properties = Set(try #require(Self.object(interaction["properties"])).keys)
        #expect(properties == ["id", "author", "kind", "time", "text", "rating", "inReplyTo", "thread", "authorFollowers", "answered"])
        #expect(Set(interaction["required"] as? [String] ?? []) == ["id", "author", "kind", "time"])
        let kinds = try #require(Self.follow(schemas, "InteractionKind", "enum") as? [String])
        #expect(kinds == InteractionKind.allCases.map(\.rawValue))
        #expect(Self.follow(schemas, "Rating", "properties", "scale", "enum") as? [String] == ["stars", "score"])

        // The documented example decodes as interactions.
        let example = try #require(
            Self.follow(document, "paths", "/v1/interactions", "post", "requestBody", "content", "application/json", "examples", "batch", "value"))
        let data = try JSONSerialization.data(withJSONObject: example)
        #expect(try InteractionJSON.decodeBody(data).map(\.id) == ["r-1042", "c-77"])
    }

    @Test func theSecuritySchemeIsBearerAndHealthzIsOpen() throws {
        let document = try Self.document()
        #expect(Self.follow(document, "components", "securitySchemes", "bearerAuth", "type") as? String == "http")
        #expect(Self.follow(document, "components", "securitySchemes", "bearerAuth", "scheme") as? String == "bearer")
        #expect((Self.follow(document, "security", "0") as? [AnyHashable: Any])?.keys.first?.base as? String == "bearerAuth")
        #expect((Self.follow(document, "paths", "/healthz", "get", "security") as? [Any])?.isEmpty == true)
        // 429 and 503 carry Retry-After.
        for name in ["TooManyRequests", "ServiceUnavailable"] {
            #expect(Self.follow(document, "components", "responses", name, "headers", "Retry-After") != nil, "\(name)")
        }
    }

    /// The request example of an operation, posted to the live server, answers with the
    /// same keys as the documented response example of the same name.
    func expectExample(_ name: String, of path: String, on server: TestServer, document: [String: Any]) async throws {
        let operation = Self.follow(document, "paths", path, "post")
        let request = try #require(Self.follow(operation, "requestBody", "content", "application/json", "examples", name, "value"))
        let documented = try #require(Self.follow(operation, "responses", "200", "content", "application/json", "examples", name, "value"))
        let reply = try await server.post(path, json: request)
        #expect(reply.status == 200, "\(reply.text)")
        let live = try JSONSerialization.jsonObject(with: reply.body)
        #expect(Set(try #require(Self.object(documented)).keys) == Set(try #require(Self.object(live)).keys), "\(path) \(name)")
        let missing = Self.keyPaths(live).subtracting(Self.keyPaths(documented))
        let extra = Self.keyPaths(documented).subtracting(Self.keyPaths(live))
        #expect(missing.isEmpty && extra.isEmpty, "\(path) \(name): undocumented \(missing.sorted()), not sent \(extra.sorted())")
    }

    @Test func theExamplesHaveTheShapeOfTheLiveAnswers() async throws {
        let document = try Self.document()
        try await withServer { server, receiver in
            try await expectExample("one", of: "/v1/analyze", on: server, document: document)
            try await expectExample("batch", of: "/v1/analyze", on: server, document: document)
            try await expectExample("batch", of: "/v1/interactions", on: server, document: document)

            // The alert the ingest raised has the documented webhook body.
            #expect(await receiver.waitUntil { !$0.isEmpty })
            let alert = try #require(receiver.requests.first).json()
            let documented = Self.follow(
                document, "webhooks", "alert", "post", "requestBody", "content", "application/json", "examples", "json", "value")
            #expect(Self.keyPaths(alert) == Self.keyPaths(documented))

            // An error answer has the documented error shape.
            let error = try await server.post("/v1/interactions", json: [["id": "x", "author": "a", "kind": "tweet", "time": 0]])
            #expect(error.status == 400)
            let errorExample = Self.follow(
                document, "components", "responses", "BadRequest", "content", "application/json", "examples", "unknownKind", "value")
            #expect(Self.keyPaths(try error.json()) == Self.keyPaths(errorExample))
        }
    }
}
