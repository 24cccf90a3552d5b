/// Where a run's inputs came from, recorded in JSON outputs so that a result
/// can be traced back to its exact scenario.
public struct Provenance: Equatable, Sendable, Encodable {
    /// The scenario's name.
    public let scenario: String
    /// A path, or `built-in:NAME`.
    public let origin: String
    /// FNV-1a 64-bit hash of the scenario file's bytes.
    public let contentHash: String
    /// Model parameters the scenario overrides, by catalogue name.
    public let parameters: [String: Double]
    /// Scenario fields replaced by command-line flags, e.g. `persons`.
    public let overriddenByFlags: [String]

    /// Provenance as recorded in outputs.
    public init(scenario: String, origin: String, contentHash: String, parameters: [String: Double], overriddenByFlags: [String]) {
        self.scenario = scenario
        self.origin = origin
        self.contentHash = contentHash
        self.parameters = parameters
        self.overriddenByFlags = overriddenByFlags
    }

    enum CodingKeys: String, CodingKey {
        case scenario = "name", origin, contentHash = "content_hash", parameters, overriddenByFlags = "overridden_by_flags"
    }
}
