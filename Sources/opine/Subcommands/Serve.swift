import ArgumentParser
import Foundation
import Logging
import OpineAlerts
import OpineServer
import ServiceLifecycle
import UnixSignals

extension Opine {
    /// `opine serve`: the HTTP API with alerting.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the HTTP API: analyze texts, ingest interactions, raise and deliver alerts.",
            discussion: """
                Routes (docs/openapi.yaml describes them in full):
                  POST /v1/analyze        {"text": "..."} or {"texts": [...]}, optional "language": "en"/"nl"
                  POST /v1/interactions   one interaction, an array, or {"interactions": [...]}
                  GET  /v1/queue          the response queue (?limit=50)
                  GET  /v1/authors/{id}   an author's engagement profile
                  GET  /healthz           liveness (no token needed)
                  GET  /metrics           Prometheus metrics

                Ingested interactions and the alerts they raise are stored in --database before \
                the answer, so an acknowledged alert survives a crash; a delivery worker sends them \
                to the webhooks of --config with retries and back-off. The same interaction id \
                ingested twice raises nothing twice. SIGTERM or Ctrl-C stops taking requests, lets \
                deliveries in flight finish, and exits 0.

                Auth: with OPINE_API_TOKEN set (or --token-file), every request but /healthz needs \
                'Authorization: Bearer <token>'. Without a token only a loopback --host is allowed.

                Examples:
                  opine serve --config alerts.yaml
                  OPINE_API_TOKEN=$(cat token) opine serve --host 0.0.0.0 --port 9000 --config alerts.yaml
                  curl -s localhost:8080/v1/analyze -d '{"text": "Never again, worst service ever"}'

                Exit status: 0 stopped by a signal; 64 usage error or unusable settings; 74 the \
                database cannot be opened; 78 invalid configuration or lexicon.
                """
        )

        @Option(help: "The address to listen on; anything but loopback needs a token.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port, printed at start).")
        var port = 8080

        @Option(help: ArgumentHelp("A file holding the bearer token (instead of OPINE_API_TOKEN).", valueName: "file"))
        var tokenFile: String?

        @Option(help: ArgumentHelp("The largest request body in bytes; larger ones get 413.", valueName: "bytes"))
        var maxBodyBytes = 1 << 20

        @OptionGroup var alerting: AlertingOptions

        func run() async throws {
            try await reportingErrors {
                let settings = try makeSettings()
                let logger = alerting.makeLogger(label: "opine.serve")
                let pipeline = try await alerting.openPipeline()
                let worker = DeliveryWorker(
                    store: pipeline.store, configuration: pipeline.configuration, doorbell: pipeline.doorbell,
                    metrics: pipeline.metrics, logger: logger)
                let api = OpineAPI(pipeline: pipeline, settings: settings)
                let app = api.makeApplication(logger: logger) { port in
                    let stored = (try? pipeline.store.interactionCount()).map(String.init) ?? "?"
                    FileHandle.standardOutput.write(
                        Data("opine: listening on http://\(settings.host):\(port) (\(stored) interactions stored)\n".utf8))
                }
                let group = ServiceGroup(
                    configuration: .init(
                        services: [.init(service: worker), .init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint],
                        logger: logger))
                try await group.run()
            }
        }

        func makeSettings() throws(OpineError) -> ServerSettings {
            var token = ProcessInfo.processInfo.environment["OPINE_API_TOKEN"]
            if let tokenFile {
                guard let contents = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                    throw .unreadableInput(path: tokenFile, reason: "cannot read the --token-file")
                }
                token = contents.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let settings = ServerSettings(host: host, port: port, token: token, maxBodyBytes: maxBodyBytes)
            do {
                try settings.validate()
            } catch {
                throw .unusableSettings(error.description)
            }
            return settings
        }
    }
}
