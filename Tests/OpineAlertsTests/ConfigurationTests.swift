import Foundation
import OpineAlerts
import OpineEngagement
import Testing

@Suite("Alert configuration")
struct ConfigurationTests {
    let valid = """
        destinations:
          care:
            url: https://hooks.example.com/care
            format: slack
          crm:
            url: http://127.0.0.1:9000/opine
            secret_env: CRM_SECRET
            headers: { X-Team: care }
        brand_accounts: [acme, acme_help]
        delivery:
          max_attempts: 5
          initial_backoff_seconds: 2
        rules:
          - name: angry-customer
            when: detractor
            kinds: [review, direct_message]
            max_compound: -0.5
            to: [care, crm]
          - name: turned
            when: turned_detractor
            to: care
          - name: spike
            when: negative_spike
            min_count: 20
            min_share: 0.4
            window_minutes: 60
            to: [care]
          - name: wave
            when: unfollow_wave
            min_count: 10
            window_minutes: 30
            to: [crm]
        """

    @Test func readsEverySection() throws {
        let configuration = try AlertConfiguration.parse(valid, environment: ["CRM_SECRET": "k3y"])
        #expect(configuration.destinations["care"]?.format == .slack)
        #expect(configuration.destinations["crm"]?.format == .json)
        #expect(configuration.destinations["crm"]?.secret == "k3y")
        #expect(configuration.destinations["crm"]?.headers == ["X-Team": "care"])
        #expect(configuration.brandAccounts == ["acme", "acme_help"])
        #expect(configuration.delivery.maxAttempts == 5)
        #expect(configuration.delivery.initialBackoff == 2)
        #expect(configuration.rules.map(\.name) == ["angry-customer", "turned", "spike", "wave"])
        #expect(configuration.rules[0].condition == .detractor(kinds: [.review, .directMessage], maxCompound: -0.5))
        #expect(configuration.rules[1].destinations == ["care"])
        #expect(configuration.rules[2].condition == .negativeSpike(minCount: 20, minShare: 0.4, window: 3600))
        #expect(configuration.rules[3].condition == .unfollowWave(minCount: 10, window: 1800))
        #expect(configuration.longestWindow == 3600)
    }

    /// Each broken variant of the valid file, with the line the error must name and words it must contain.
    @Test(arguments: [
        ("    url: https://hooks.example.com/care", "    url: ftp://hooks.example.com/care", 3, "http or https"),
        ("    format: slack", "    format: teams", 4, "slack or json"),
        ("    min_share: 0.4", "    min_share: 40%", 25, "min_share"),
        ("    to: [crm]", "    to: [pager]", 32, "no destination named 'pager'"),
        ("    when: unfollow_wave", "    when: unfollows", 29, "when must be"),
        ("    kinds: [review, direct_message]", "    kinds: [review, like]", 16, "'like' is not a kind with text"),
        ("  max_attempts: 5", "  max_attemps: 5", 11, "unknown field 'max_attemps'"),
        ("    window_minutes: 30", "    window_minutes: 30\n    min_share: 0.5", 32, "unknown field 'min_share'"),
    ])
    func namesTheLineOfTheProblem(original: String, replacement: String, line: Int, words: String) throws {
        let broken = valid.replacingOccurrences(of: original, with: replacement)
        #expect(broken != valid)
        let error = #expect(throws: ConfigurationError.self) {
            try AlertConfiguration.parse(broken, file: "alerts.yaml", environment: ["CRM_SECRET": "k3y"])
        }
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.description.contains(words) == true, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix("alerts.yaml:\(line):") == true)
    }

    @Test func theExampleInTheRepositoryIsValid() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/alerts.yaml")
        let configuration = try AlertConfiguration.load(contentsOf: example, environment: ["OPINE_WEBHOOK_SECRET": "x"])
        #expect(configuration.rules.count == 4)
        #expect(configuration.destinations["crm"]?.secret == "x")
    }

    @Test func aMissingSecretStopsStartUp() {
        let error = #expect(throws: ConfigurationError.self) { try AlertConfiguration.parse(valid, environment: [:]) }
        #expect(error?.description.contains("CRM_SECRET") == true)
        #expect(error?.line == 7)
    }

    @Test func reportsYAMLSyntaxErrorsWithTheirPlace() {
        let error = #expect(throws: ConfigurationError.self) {
            try AlertConfiguration.parse("rules:\n  - name: x\n    when: [detractor\n", file: "a.yaml")
        }
        #expect(error?.description.contains("not valid YAML") == true)
        #expect(error?.line != nil)
    }

    @Test func needsRulesAndUniqueNames() {
        #expect(throws: ConfigurationError.self) { try AlertConfiguration.parse("destinations: {}\n") }
        let twice = """
            destinations: { a: { url: "http://localhost/x" } }
            rules:
              - { name: r, when: turned_detractor, to: a }
              - { name: r, when: turned_detractor, to: a }
            """
        let error = #expect(throws: ConfigurationError.self) { try AlertConfiguration.parse(twice) }
        #expect(error?.description.contains("defined twice") == true)
        #expect(error?.line == 4)
    }

    @Test func backoffGrowsExponentiallyWithinTheCeiling() {
        var policy = DeliveryPolicy()
        policy.initialBackoff = 1
        policy.maxBackoff = 10
        #expect(policy.backoff(afterFailures: 1, random: 1) == 1)
        #expect(policy.backoff(afterFailures: 3, random: 1) == 4)
        #expect(policy.backoff(afterFailures: 9, random: 1) == 10)
        #expect(policy.backoff(afterFailures: 3, random: 0.5) == 2)
        #expect(policy.backoff(afterFailures: 3, random: 0) == 0)
    }
}
