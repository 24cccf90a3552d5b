/// One evidence file: a named group of targets with the sample size and
/// seed they run with unless the command line says otherwise.
public struct TargetFile: Sendable {
    /// The path as given.
    public let path: String
    public let name: String
    public let summary: String
    /// Persons per run (default: each target's scenario's cohort size).
    public let persons: Int?
    /// Seed (default: each target's scenario's seed).
    public let seed: UInt64?
    public let targets: [EvidenceTarget]
}
