import BackSimCore

/// A validated study question: who, which policies, for how long, what to report.
public struct Scenario: Sendable {
    public var name: String
    public var summary: String
    public var sources: [String]
    public var seed: UInt64
    public var weeks: Int
    public var replications: Int
    public var cohort: Cohort
    /// Persons per replication (`cohort.size`).
    public var persons: Int
    public var policies: [any ProgressionPolicy]
    /// Label of the policy others are compared with (`control` by default when present).
    public var reference: String?
    /// Weeks shown in tables (all weeks are always in CSV and JSON).
    public var reportWeeks: [Int]?
    /// Metrics shown in tables, by name.
    public var reportOutcomes: [String]?
    public var parameters: ModelParameters
    /// Model parameters set in the file, by catalogue name, in file order.
    public var parameterOverrides: [ParameterOverride]
    /// Distributions of uncertain parameters (`uncertainty:`), for `owsa` and `psa`.
    public var uncertainty: ParameterUncertainty? = nil
    /// FNV-1a 64-bit hash of the file's bytes, hex: identifies the exact
    /// scenario (including its `parameters:` block) in every output.
    public var contentHash: String
    /// Where it came from: a path, or `built-in:NAME`.
    public var origin: String

    public struct ParameterOverride: Equatable, Sendable {
        public let name: String
        public let value: Double

        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    public var policyLabels: [String] { policies.map(\.label) }

    /// A run plan for this scenario.
    public func plan(threads: Int) -> SimulationPlan {
        SimulationPlan(
            cohort: cohort, policies: policies, persons: persons, weeks: weeks, replications: replications,
            seed: seed, parameters: parameters, threads: threads)
    }
}

enum ContentHash {
    /// FNV-1a, 64-bit. Not cryptographic: it names content, it does not guard it.
    static func fnv1a(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
