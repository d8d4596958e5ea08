import ArgumentParser
import Foundation
import OpineAlerts

extension Opine {
    /// `opine alerts`: the outbox of raised alerts.
    struct Alerts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, retry and purge the alerts in the outbox of 'opine serve' and 'opine watch'.",
            discussion: """
                Every alert has one delivery per destination: pending (waiting for its next \
                attempt), delivered, or dead (every attempt failed; see delivery.max_attempts). \
                These commands work on the database while the server runs: a retried delivery is \
                picked up by the running worker within a second.

                Examples:
                  opine alerts list --state dead
                  opine alerts retry --all
                  opine alerts retry angry-customer/r-1042
                  opine alerts purge --delivered --dead --older-than-days 30
                """,
            subcommands: [List.self, Retry.self, Purge.self]
        )

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List deliveries, newest alert first.")

            @Option(help: "Only deliveries in this state: pending, delivered, dead or all.")
            var state = "all"

            @Option(help: ArgumentHelp("How many to list.", valueName: "n"))
            var limit = 50

            @Flag(help: "One JSON object per delivery instead of a table.")
            var json = false

            @OptionGroup var store: StoreOptions

            func validate() throws {
                guard state == "all" || DeliveryState(rawValue: state) != nil else {
                    throw ValidationError("--state must be pending, delivered, dead or all, not '\(state)'")
                }
                guard limit > 0 else { throw ValidationError("--limit must be more than 0") }
            }

            func run() async throws {
                try await reportingErrors {
                    let records = try await store.open().deliveries(state: DeliveryState(rawValue: state), limit: limit)
                    if json {
                        let encoder = JSONEncoder()
                        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                        encoder.dateEncodingStrategy = .iso8601
                        for record in records { print(String(decoding: try encoder.encode(record), as: UTF8.self)) }
                        return
                    }
                    if records.isEmpty {
                        print("no deliveries\(state == "all" ? "" : " in state \(state)")")
                        return
                    }
                    let rows = records.map { record in
                        [
                            record.alert.id, record.destination, record.state.rawValue, String(record.attempts),
                            record.alert.raisedAt.formatted(.iso8601), record.lastError ?? "",
                        ]
                    }
                    print(
                        TextTable(header: ["alert", "destination", "state", "attempts", "raised", "last error"], rows: rows).rendered,
                        terminator: "")
                }
            }
        }

        struct Retry: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Make dead deliveries pending again, due now, with their attempts reset.")

            @Argument(help: ArgumentHelp("Alert ids whose dead deliveries to retry.", valueName: "alert-id"))
            var alertIDs: [String] = []

            @Flag(help: "Retry every dead delivery.")
            var all = false

            @OptionGroup var store: StoreOptions

            func validate() throws {
                guard all != !alertIDs.isEmpty else { throw ValidationError("give alert ids or --all (not both)") }
            }

            func run() async throws {
                try await reportingErrors {
                    let count = try await store.open().retryDead(alertIDs: all ? [] : alertIDs)
                    print("\(count) dead deliveries are pending again")
                }
            }
        }

        struct Purge: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Delete delivered and/or dead deliveries of old alerts (pending ones are never purged).")

            @Flag(help: "Purge delivered deliveries.")
            var delivered = false

            @Flag(help: "Purge dead deliveries.")
            var dead = false

            @Option(help: ArgumentHelp("Only alerts raised more than this many days ago.", valueName: "days"))
            var olderThanDays = 30.0

            @OptionGroup var store: StoreOptions

            func validate() throws {
                guard delivered || dead else { throw ValidationError("say what to purge: --delivered, --dead or both") }
                guard olderThanDays >= 0 else { throw ValidationError("--older-than-days must be 0 or more") }
            }

            func run() async throws {
                try await reportingErrors {
                    var states: Set<DeliveryState> = []
                    if delivered { states.insert(.delivered) }
                    if dead { states.insert(.dead) }
                    let count = try await store.open().purge(
                        states: states, raisedBefore: Date().addingTimeInterval(-olderThanDays * 86_400))
                    print("\(count) deliveries purged")
                }
            }
        }
    }
}
